package dev.quorum.core.cluster;

import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second Quorum process for {@link ClusterPkiProcessesTest}: opens the PKI, says it is ready, waits for the
 * word to go, then asks for the client certificate, as the CLI does while the app is open.
 */
public final class ClientTlsIssuingProcess {
    private ClientTlsIssuingProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path ready = Path.of(args[1]);
        Path go = Path.of(args[2]);
        ClusterPki pki = ClusterPki.open(new QuorumHome(home), "c1");
        Files.createFile(ready);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                System.exit(3);
            }
            Thread.sleep(1);
        }
        pki.clientTls();
    }
}
