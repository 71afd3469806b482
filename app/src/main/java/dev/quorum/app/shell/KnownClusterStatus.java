package dev.quorum.app.shell;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.cluster.StatusSource;
import dev.quorum.app.overview.QuickStatus;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import dev.quorum.core.sandbox.SandboxLayout;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A known cluster's card status: its inventory read again, one read through the same status source the shown
 * cluster uses (bounded by that source's timeouts), the source closed at once; then its backups. Blocking: the
 * overview calls it in the background.
 */
final class KnownClusterStatus implements QuickStatus {
    private final ShellServices services;

    KnownClusterStatus(ShellServices services) {
        this.services = services;
    }

    @Override
    public Reading read(Path inventory) throws Exception {
        try (StatusSource status = services.statusSources().apply(source(inventory))) {
            ClusterStatus read = status.read();
            return new Reading(read.sentence(), read.versionSentence());
        }
    }

    /** As {@code quorum status} reads them; none for the sandbox. */
    @Override
    public Optional<BackupHealth> backups(Path inventory) {
        ClusterSource source = source(inventory);
        if (source.sandbox()) {
            return Optional.empty();
        }
        return Optional.of(services.backupReads().apply(source));
    }

    private ClusterSource source(Path inventory) {
        Path sandbox = new SandboxLayout(services.home()).inventoryFile().toAbsolutePath().normalize();
        return new ClusterSource(new InventoryReader().read(inventory), Optional.empty(),
                inventory.toAbsolutePath().normalize().equals(sandbox));
    }
}
