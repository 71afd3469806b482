package dev.quorum.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.core.known.CertificateExpiry;
import dev.quorum.core.known.KnownCluster;
import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import dev.quorum.core.lifecycle.backup.BackupStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The overview's logic without a screen: which cards are read (status, then backups), what they say, and nothing
 * once closed.
 */
class OverviewViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private final List<Path> reads = new ArrayList<>();

    private final List<Path> backupReads = new ArrayList<>();

    /** "down" answers nothing; "a" has a backup from 3 hours ago, "fresh" none yet, "nossh" cannot list backups. */
    private OverviewViewModel model(List<KnownCluster> known) {
        return new OverviewViewModel(new SynchronousTaskExecutor(), () -> known, new QuickStatus() {
            @Override
            public Reading read(Path inventory) {
                reads.add(inventory);
                if (inventory.toString().contains("down")) {
                    throw new IllegalStateException("no member answered");
                }
                if (inventory.toString().contains("nocerts")) {
                    throw new dev.quorum.app.cluster.NoCertificatesException("staging", inventory);
                }
                return new QuickStatus.Reading("3/3 healthy, tolerates 1 failure", "etcd v3.6.14, cluster version 3.6");
            }

            @Override
            public Optional<BackupHealth> backups(Path inventory) {
                backupReads.add(inventory);
                if (inventory.toString().contains("nossh")) {
                    throw new IllegalStateException("n1 cannot be reached over SSH");
                }
                return Optional.of(inventory.toString().contains("fresh") ? health(BackupStatus.NOT_SCHEDULED, Optional.empty())
                        : health(BackupStatus.FRESH, Optional.of(NOW.minusSeconds(3 * 3600 + 120))));
            }
        }, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static BackupHealth health(BackupStatus status, Optional<Instant> newest) {
        return new BackupHealth(status, List.of(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
                newest.map(time -> new BackupEntry("n1", "n1:/var/backups/etcd/etcd-1.db", Optional.of(time), 42, 20_480,
                        "ab12", true, Optional.empty())));
    }

    private static KnownCluster cluster(String name, Optional<Path> inventory) {
        return new KnownCluster(name, inventory, Optional.empty(),
                Optional.of(new CertificateExpiry("ca.pem", NOW.plusSeconds(86_400 * 10))));
    }

    @Test
    void readsEachCardWithAnInventoryAndSaysUnknownWhenItFails() {
        OverviewViewModel model = model(List.of(cluster("a", Optional.of(Path.of("/a/hosts.yaml"))),
                cluster("down", Optional.of(Path.of("/down/hosts.yaml"))), cluster("old", Optional.empty())));

        model.load();

        assertThat(model.shownBinding().get()).isTrue();
        assertThat(reads).containsExactly(Path.of("/a/hosts.yaml"), Path.of("/down/hosts.yaml"));
        assertThat(model.cards()).extracting(c -> c.healthProperty().get()).containsExactly(
                "3/3 healthy, tolerates 1 failure", "unknown: no member answered",
                "unknown: Quorum did not record this cluster's inventory; open it once with Open an inventory...");
        assertThat(model.cards().get(0).expiry()).isEqualTo("certificates: ca.pem expires 2026-12-14 (in 10 days)");
        assertThat(model.cards().get(0).lastRun()).isEqualTo("last run: none");
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void aCardWritesTheInventoryPathShortAndItsTooltipWhole() {
        Path inventory = Path.of("/tmp/junit-1/nocerts/hosts.yaml");
        OverviewViewModel model = model(List.of(cluster("staging", Optional.of(inventory)),
                cluster("a", Optional.of(Path.of("/a/hosts.yaml")))));

        model.load();

        ClusterCardModel card = model.cards().get(0);
        assertThat(card.healthProperty().get()).contains("quorum install -i .../nocerts/hosts.yaml")
                .doesNotContain("/tmp/junit-1");
        assertThat(card.healthInFullProperty().get()).contains("quorum install -i " + inventory);
    }

    @Test
    void eachCardSaysHowOldItsNewestBackupIsAfterItsStatus() {
        OverviewViewModel model = model(List.of(cluster("a", Optional.of(Path.of("/a/hosts.yaml"))),
                cluster("fresh", Optional.of(Path.of("/fresh/hosts.yaml"))),
                cluster("nossh", Optional.of(Path.of("/nossh/hosts.yaml"))),
                cluster("down", Optional.of(Path.of("/down/hosts.yaml")))));

        model.load();

        assertThat(backupReads).as("no backups read where the status failed")
                .containsExactly(Path.of("/a/hosts.yaml"), Path.of("/fresh/hosts.yaml"), Path.of("/nossh/hosts.yaml"));
        assertThat(model.cards()).extracting(c -> c.backupsProperty().get()).containsExactly(
                "backups: newest verified 3 h ago", "backups: no backups yet",
                "backups: unknown: n1 cannot be reached over SSH", "");
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void aCardSaysItReadsItsBackupsBetweenTheStatusAndThem() {
        ClusterCardModel card = new ClusterCardModel(cluster("a", Optional.of(Path.of("/a/hosts.yaml"))), NOW);
        assertThat(card.backupsProperty().get()).isEmpty();

        card.read(new QuickStatus.Reading("3/3 healthy, tolerates 1 failure", "etcd v3.6.14"));

        assertThat(card.backupsProperty().get()).isEqualTo("backups: reading...");
    }

    @Test
    void oneKnownClusterIsNotShownAndNotRead() {
        OverviewViewModel model = model(List.of(cluster("a", Optional.of(Path.of("/a/hosts.yaml")))));

        model.load();

        assertThat(model.shownBinding().get()).isFalse();
        assertThat(reads).isEmpty();
    }

    @Test
    void aClosedOverviewReadsNothing() {
        OverviewViewModel model = model(List.of(cluster("a", Optional.of(Path.of("/a/hosts.yaml"))),
                cluster("b", Optional.of(Path.of("/b/hosts.yaml")))));

        model.close();
        model.load();

        assertThat(model.cards()).isEmpty();
        assertThat(reads).isEmpty();
    }

    @Test
    void anExpiredCertificateSaysSo() {
        assertThat(ClusterCardModel.expiryWords(Optional.of(new CertificateExpiry("quorum-client.pem",
                NOW.minusSeconds(86_400))), NOW)).isEqualTo("certificates: quorum-client.pem EXPIRED 2026-12-03");
    }
}
