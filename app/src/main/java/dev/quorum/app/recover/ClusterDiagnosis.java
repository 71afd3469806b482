package dev.quorum.app.recover;

import dev.quorum.app.common.ClusterSessions;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.recover.Diagnoser;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** One diagnosis as {@code quorum diagnose} makes it: a fresh session, every host asked over SSH, closed again. */
final class ClusterDiagnosis implements Callable<Diagnosis> {
    /** A host that does not answer SSH within this is reported unreachable: diagnosis must be quick. */
    static final Duration SSH_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final Path inventory;
    private final WizardServices services;

    ClusterDiagnosis(Path inventory, WizardServices services) {
        this.inventory = inventory;
        this.services = services;
    }

    @Override
    public Diagnosis call() {
        try (ClusterSession session = ClusterSessions.open(inventory, services.home(),
                services.ssh().withConnectTimeout(SSH_CONNECT_TIMEOUT))) {
            return new Diagnoser(session).diagnose(inventory.toString());
        }
    }
}
