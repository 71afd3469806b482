package dev.quorum.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.etcd.TlsFiles;
import dev.quorum.core.pki.KeyMatch;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quorum's own client certificate on the workstation: always the pair of the key beside it. */
class ClusterPkiClientTest {
    @TempDir
    Path dir;

    @Test
    void sessionsAskingAtTheSameMomentLeaveOneMatchingPair() throws Exception {
        QuorumHome home = new QuorumHome(dir);
        ClusterPki.open(home, "c1"); // the CA, as the first command makes it
        int sessions = 8;
        CountDownLatch together = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<TlsFiles>> asked = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                ClusterPki pki = ClusterPki.open(home, "c1"); // each session holds its own
                asked.add(pool.submit(() -> {
                    together.await();
                    return pki.clientTls();
                }));
            }
            together.countDown();
            for (Future<TlsFiles> answer : asked) {
                TlsFiles tls = answer.get(60, TimeUnit.SECONDS);
                assertThat(pairMatches(tls)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyBesideAnotherPairsCertificateIsReplacedByAMatchingPair() throws Exception {
        QuorumHome home = new QuorumHome(dir);
        TlsFiles first = ClusterPki.open(home, "c1").clientTls();
        String firstCert = Files.readString(first.certificate());
        Files.delete(first.privateKey());
        ClusterPki.open(home, "c1").clientTls(); // a new pair
        Files.writeString(first.certificate(), firstCert); // the old certificate beside the new key

        TlsFiles healed = ClusterPki.open(home, "c1").clientTls();

        assertThat(pairMatches(healed)).isTrue();
        assertThat(Files.readString(healed.certificate())).isNotEqualTo(firstCert);
    }

    private static boolean pairMatches(TlsFiles tls) throws Exception {
        return KeyMatch.belongsTo(Files.readString(tls.privateKey()),
                PemCodec.parseCertificate(Files.readString(tls.certificate())));
    }
}
