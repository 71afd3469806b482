package dev.quorum.app.shell;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.cluster.StatusSource;
import dev.quorum.app.overview.QuickStatus;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.sandbox.SandboxLayout;
import java.nio.file.Path;

/**
 * A known cluster's card status: its inventory read again, one read through the same status source the shown
 * cluster uses (bounded by that source's timeouts), the source closed at once. Blocking: the overview calls it in
 * the background.
 */
final class KnownClusterStatus implements QuickStatus {
    private final ShellServices services;

    KnownClusterStatus(ShellServices services) {
        this.services = services;
    }

    @Override
    public Reading read(Path inventory) throws Exception {
        Path sandbox = new SandboxLayout(services.home()).inventoryFile().toAbsolutePath().normalize();
        ClusterSource source = new ClusterSource(new InventoryReader().read(inventory), java.util.Optional.empty(),
                inventory.toAbsolutePath().normalize().equals(sandbox));
        try (StatusSource status = services.statusSources().apply(source)) {
            ClusterStatus read = status.read();
            return new Reading(read.sentence(), read.versionSentence());
        }
    }
}
