package dev.quorum.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workstation side of a CA rotation, step by step and re-run at every step. */
class CaRotationStoreTest {
    @TempDir
    Path home;

    @Test
    void aRotationGoesFromOldToNewKeepingTheOldCaAndResumingAtEveryStep() throws Exception {
        ClusterPki pki = ClusterPki.open(new QuorumHome(home), "c1");
        X509Certificate old = pki.ca().certificate();
        pki.clientTls();
        CaRotationStore rotation = pki.rotation();
        assertThat(rotation.started()).isFalse();
        assertThat(rotation.newCa()).isEmpty();

        CertificateAuthority next = rotation.start(pki.ca(), "etcd-ca-c1-2");
        assertThat(rotation.start(pki.ca(), "etcd-ca-c1-3").certificate()).isEqualTo(next.certificate());
        assertThat(rotation.oldCa()).contains(old);
        assertThat(rotation.switched()).isFalse();
        Path bundle = pki.directory().resolve(CaRotationStore.TRUST_BUNDLE);
        assertThat(PemCodec.parseCertificates(Files.readString(bundle))).containsExactly(next.certificate(), old);
        assertThat(ClusterPki.open(new QuorumHome(home), "c1").clientTls().caCertificate()).isEqualTo(bundle);

        rotation.switchToNew();
        rotation.switchToNew();
        ClusterPki after = ClusterPki.open(new QuorumHome(home), "c1");
        assertThat(after.ca().certificate()).isEqualTo(next.certificate());
        assertThat(rotation.switched()).isTrue();
        assertThat(rotation.newCa().orElseThrow().certificate()).isEqualTo(next.certificate());
        assertThat(after.ca().signed(PemCodec.parseCertificate(Files.readString(after.clientTls().certificate()))))
                .as("the client certificate is re-issued from the new CA").isTrue();
        try (var retired = Files.list(pki.directory().resolve("retired"))) {
            Path kept = retired.findFirst().orElseThrow();
            assertThat(CertificateAuthority.load(kept).certificate()).isEqualTo(old);
        }

        rotation.finish();
        rotation.finish();
        assertThat(rotation.started()).isFalse();
        assertThat(bundle).doesNotExist();
        assertThat(ClusterPki.open(new QuorumHome(home), "c1").clientTls().caCertificate())
                .isEqualTo(pki.directory().resolve("ca.pem"));
    }
}
