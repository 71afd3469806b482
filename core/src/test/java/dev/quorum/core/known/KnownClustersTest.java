package dev.quorum.core.known;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunLog;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.RunSummary;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The known clusters read from a temporary Quorum home: inventory, last run, soonest certificate expiry. */
class KnownClustersTest {
    @TempDir
    Path dir;

    private static void run(QuorumHome home, String cluster, String file, String lifecycle, Instant at,
                            Optional<RunOutcome> outcome) {
        try (RunLog log = RunLog.create(home.runs(cluster).resolve(file))) {
            log.on(new RunEvent.RunStarted(at, "r", lifecycle, cluster, RunMode.APPLY, List.of()));
            outcome.ifPresent(o -> log.on(new RunEvent.RunFinished(at.plusSeconds(5), o, RunSummary.empty(),
                    Duration.ofSeconds(5))));
        }
    }

    @Test
    void listsEachClusterWithItsInventoryNewestRunAndCaExpiry() throws Exception {
        QuorumHome home = new QuorumHome(dir.resolve("home"));
        Path inventory = dir.resolve("prod/hosts.yaml");
        OpenedFrom.record(home, "prod", inventory);
        Instant early = Instant.parse("2026-12-01T10:00:00Z");
        run(home, "prod", "20261201T100000.000Z-install.jsonl", "install", early, Optional.of(RunOutcome.SUCCEEDED));
        run(home, "prod", "20261202T100000.000Z-upgrade.jsonl", "upgrade", early.plusSeconds(86400), Optional.empty());
        CertificateAuthority.loadOrCreate(home.pki("prod"), "etcd-ca", KeyAlgorithm.EC_P256);
        Files.createDirectories(home.cluster("old"));

        List<KnownCluster> known = new KnownClusters(home).list();

        assertThat(known).extracting(KnownCluster::name).containsExactly("old", "prod");
        KnownCluster old = known.get(0);
        assertThat(old.inventory()).as("an older Quorum recorded no inventory").isEmpty();
        assertThat(old.lastRun()).isEmpty();
        assertThat(old.soonestExpiry()).isEmpty();
        KnownCluster prod = known.get(1);
        assertThat(prod.inventory()).contains(inventory.toAbsolutePath().normalize());
        assertThat(prod.lastRun()).hasValueSatisfying(r -> {
            assertThat(r.lifecycle()).isEqualTo("upgrade");
            assertThat(r.outcome()).isEmpty();
            assertThat(r.words()).isEqualTo("upgrade, 2026-12-02 10:00Z, did not finish");
        });
        assertThat(prod.soonestExpiry()).hasValueSatisfying(e -> {
            assertThat(e.file()).isEqualTo("ca.pem");
            assertThat(e.notAfter()).isAfter(Instant.now());
        });
    }

    @Test
    void anEventsClustersFolderIsReachedThroughItsMainClusterNotListedOnItsOwn() throws Exception {
        QuorumHome home = new QuorumHome(dir.resolve("home"));
        OpenedFrom.record(home, "prod", dir.resolve("prod/hosts.yaml"));
        Files.createDirectories(home.snapshots("prod-events"));
        Files.createDirectories(home.snapshots("lab-events"));

        assertThat(new KnownClusters(home).list()).extracting(KnownCluster::name)
                .as("lab-events has no main cluster here: kept, as any folder without an inventory")
                .containsExactly("lab-events", "prod");
    }

    @Test
    void anEmptyHomeKnowsNoCluster() throws Exception {
        assertThat(new KnownClusters(new QuorumHome(dir.resolve("none"))).list()).isEmpty();
    }

    @Test
    void recordingTheSameInventoryTwiceKeepsOnePath() throws Exception {
        QuorumHome home = new QuorumHome(dir);
        OpenedFrom.record(home, "c", dir.resolve("a/../hosts.yaml"));
        OpenedFrom.record(home, "c", dir.resolve("hosts.yaml"));
        assertThat(new KnownClusters(home).list().get(0).inventory()).contains(dir.resolve("hosts.yaml"));
    }

    @Test
    void theSoonestExpiryWins() {
        Instant now = Instant.parse("2026-12-04T00:00:00Z");
        assertThat(CertificateExpiry.soonest(List.of(new CertificateExpiry("ca.pem", now.plusSeconds(900)),
                new CertificateExpiry("quorum-client.pem", now.plusSeconds(60)))))
                .contains(new CertificateExpiry("quorum-client.pem", now.plusSeconds(60)));
    }
}
