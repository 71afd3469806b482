package dev.quorum.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.workspace.QuorumHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A cluster's workstation store with a prepared CA rotation, and what every crash test asserts. */
final class CaStoreFixture {
    final QuorumHome home;
    final Path pki;
    final CertificateAuthority oldCa;
    final CertificateAuthority newCa;

    /** A simulated kill -9: thrown at a switch point, nothing after it runs. */
    static final class SimulatedCrash extends IOException {
        SimulatedCrash(CaSwitch.Point point) {
            super("simulated crash after " + point);
        }
    }

    CaStoreFixture(Path root) {
        home = new QuorumHome(root);
        ClusterPki opened = ClusterPki.open(home, "c1");
        opened.clientTls();
        pki = opened.directory();
        oldCa = opened.ca();
        newCa = opened.rotation().start(oldCa, "etcd-ca-c1-2");
    }

    /** The store as a fresh Quorum process sees it: opening it recovers. */
    ClusterPki reopen() {
        return ClusterPki.open(home, "c1");
    }

    CaRotationStore crashingAt(CaSwitch.Point point) {
        return new CaRotationStore(pki, reached -> {
            if (reached == point) {
                throw new SimulatedCrash(reached);
            }
        });
    }

    Path next() {
        return pki.resolve("rotation").resolve("next");
    }

    /** Every CA key file anywhere in the store, so a test sees a key was never lost. */
    List<String> keysInStore() throws IOException {
        List<String> keys = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(pki)) {
            for (Path file : walk.filter(f -> f.getFileName().toString().equals(CertificateAuthority.KEY_FILE)).toList()) {
                keys.add(Files.readString(file));
            }
        }
        return keys;
    }

    void assertBothKeysKept() throws IOException {
        List<String> keys = keysInStore();
        assertThat(keys).as("the old CA key is somewhere in the store").anyMatch(oldCa::hasKey);
        assertThat(keys).as("the new CA key is somewhere in the store").anyMatch(newCa::hasKey);
    }

    /** The switch is complete: new CA current, old one whole in retired/, nothing half done left. */
    void assertSwitchedCompletely(ClusterPki opened) throws Exception {
        assertThat(opened.ca().certificate()).isEqualTo(newCa.certificate());
        assertThat(opened.ca().hasKey(newCa.privateKeyPem())).isTrue();
        assertThat(opened.rotation().switched()).isTrue();
        assertThat(opened.rotation().newCa().orElseThrow().certificate()).isEqualTo(newCa.certificate());
        assertThat(pki.resolve("rotation").resolve("switching")).doesNotExist();
        assertThat(next()).doesNotExist();
        assertThat(RetiredCas.find(pki.resolve("retired"), oldCa.certificate()))
                .as("the old CA, key included, kept under retired/").isPresent();
        X509Certificate client = PemCodec.parseCertificate(Files.readString(opened.clientTls().certificate()));
        assertThat(opened.ca().signed(client)).as("Quorum's client certificate comes from the new CA").isTrue();
        assertBothKeysKept();
    }

    void assertStillOld(ClusterPki opened) throws IOException {
        assertThat(opened.ca().certificate()).isEqualTo(oldCa.certificate());
        assertThat(opened.rotation().switched()).isFalse();
        assertThat(opened.rotation().newCa().orElseThrow().certificate()).isEqualTo(newCa.certificate());
        assertBothKeysKept();
    }
}
