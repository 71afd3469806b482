package dev.quorum.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes while a rotation starts (the new CA half made, files an older Quorum wrote in place cut
 * short) and while it ends (the bundle left without its rotation): each is recognised on the
 * next opening and brought back to a state the rotation knows, no key deleted.
 */
class CaRotationStartEndRecoveryTest {
    @TempDir
    Path root;

    @Test
    void aNewCaWhoseMakingWasCutShortIsSetAsideAndMadeAgain() throws Exception {
        ClusterPki pki = ClusterPki.open(new QuorumHome(root), "c1");
        CertificateAuthority old = pki.ca();
        Path rotation = Files.createDirectories(pki.directory().resolve("rotation"));
        Files.writeString(rotation.resolve("old-ca.pem"), old.certificatePem());
        // loadOrCreate writes the key first: the crash came before the certificate.
        Path partial = Files.createDirectories(rotation.resolve("next.partial"));
        String unusedKey = CertificateAuthority.fromPem(old.certificatePem(), old.privateKeyPem()).privateKeyPem();
        Files.writeString(partial.resolve(CertificateAuthority.KEY_FILE), unusedKey);

        ClusterPki reopened = ClusterPki.open(new QuorumHome(root), "c1");

        assertThat(reopened.recovered()).singleElement().asString().contains("making was interrupted", "set it aside");
        assertThat(reopened.ca().certificate()).isEqualTo(old.certificate());
        assertThat(partial).doesNotExist();
        try (Stream<Path> retired = Files.list(reopened.directory().resolve("retired"))) {
            Path aside = retired.filter(p -> p.getFileName().toString().startsWith("unused-")).findFirst().orElseThrow();
            assertThat(Files.readString(aside.resolve(CertificateAuthority.KEY_FILE))).isEqualTo(unusedKey);
        }
        CertificateAuthority next = reopened.rotation().start(old, "etcd-ca-c1-2");
        assertThat(next.certificate()).isNotEqualTo(old.certificate());
        assertThat(reopened.rotation().newCa().orElseThrow().certificate()).isEqualTo(next.certificate());
    }

    @Test
    void anOlderQuorumsNewCaKeyWithoutItsCertificateIsSetAside() throws Exception {
        ClusterPki pki = ClusterPki.open(new QuorumHome(root), "c1");
        Path rotation = Files.createDirectories(pki.directory().resolve("rotation"));
        Files.writeString(rotation.resolve("old-ca.pem"), pki.ca().certificatePem());
        Path next = Files.createDirectories(rotation.resolve("next"));
        Files.writeString(next.resolve(CertificateAuthority.KEY_FILE), pki.ca().privateKeyPem());

        ClusterPki reopened = ClusterPki.open(new QuorumHome(root), "c1");

        assertThat(reopened.recovered()).singleElement().asString().contains("without its certificate", "set it aside");
        assertThat(next).doesNotExist();
        assertThat(reopened.rotation().newCa()).isEmpty();
        assertThat(reopened.rotation().start(reopened.ca(), "etcd-ca-c1-2").certificate())
                .isNotEqualTo(reopened.ca().certificate());
    }

    @Test
    void anOldCaFileCutShortBeforeTheNewCaExistsIsWrittenAgain() throws Exception {
        ClusterPki pki = ClusterPki.open(new QuorumHome(root), "c1");
        Path rotation = Files.createDirectories(pki.directory().resolve("rotation"));
        Files.writeString(rotation.resolve("old-ca.pem"), pki.ca().certificatePem().substring(0, 50));

        ClusterPki reopened = ClusterPki.open(new QuorumHome(root), "c1");

        assertThat(reopened.recovered()).singleElement().asString().contains("cut short");
        assertThat(reopened.rotation().oldCa()).contains(pki.ca().certificate());
    }

    @Test
    void aTrustBundleMissingOrCutShortWhileTheNewCaWaitsIsWrittenAgain() throws Exception {
        CaStoreFixture store = new CaStoreFixture(root);
        Path bundle = store.pki.resolve(CaRotationStore.TRUST_BUNDLE);
        Files.delete(bundle);

        assertThat(store.reopen().recovered()).singleElement().asString().contains("found no " + bundle.getFileName());
        assertThat(PemCodec.parseCertificates(Files.readString(bundle)))
                .containsExactly(store.newCa.certificate(), store.oldCa.certificate());

        Files.writeString(bundle, Files.readString(bundle).substring(0, 700));
        assertThat(store.reopen().recovered()).singleElement().asString().contains("cut-short");
        assertThat(PemCodec.parseCertificates(Files.readString(bundle)))
                .containsExactly(store.newCa.certificate(), store.oldCa.certificate());
        store.assertStillOld(store.reopen());
    }

    @Test
    void aBundleLeftByAnInterruptedEndIsRemovedSoQuorumTrustsTheNewCaAlone() throws Exception {
        CaStoreFixture store = new CaStoreFixture(root);
        new CaRotationStore(store.pki).switchToNew();
        // finish() removes the rotation folder first; the crash came before the bundle went.
        CaRotationStore.deleteTree(store.pki.resolve("rotation"));

        ClusterPki reopened = store.reopen();

        assertThat(reopened.recovered()).singleElement().asString().contains("without a CA rotation", "removed it");
        assertThat(reopened.clientTls().caCertificate()).isEqualTo(store.pki.resolve("ca.pem"));
        assertThat(reopened.ca().certificate()).isEqualTo(store.newCa.certificate());
        store.assertBothKeysKept();
    }

    @Test
    void aRotationFolderHalfRemovedByAnInterruptedEndIsFinished() throws Exception {
        CaStoreFixture store = new CaStoreFixture(root);
        new CaRotationStore(store.pki).switchToNew();
        Files.delete(store.pki.resolve("rotation").resolve("old-ca.pem"));

        ClusterPki reopened = store.reopen();

        assertThat(reopened.recovered()).singleElement().asString().contains("end of a CA rotation interrupted");
        assertThat(store.pki.resolve("rotation")).doesNotExist();
        assertThat(store.pki.resolve(CaRotationStore.TRUST_BUNDLE)).doesNotExist();
        store.assertBothKeysKept();
    }
}
