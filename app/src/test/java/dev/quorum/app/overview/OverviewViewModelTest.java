package dev.quorum.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.core.known.CertificateExpiry;
import dev.quorum.core.known.KnownCluster;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The overview's logic without a screen: which cards are read, what they say, and nothing once closed. */
class OverviewViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private final List<Path> reads = new ArrayList<>();

    private OverviewViewModel model(List<KnownCluster> known) {
        return new OverviewViewModel(new SynchronousTaskExecutor(), () -> known, inventory -> {
            reads.add(inventory);
            if (inventory.toString().contains("down")) {
                throw new IllegalStateException("no member answered");
            }
            return new QuickStatus.Reading("3/3 healthy, tolerates 1 failure", "etcd v3.6.14, cluster version 3.6");
        }, Clock.fixed(NOW, ZoneOffset.UTC));
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
