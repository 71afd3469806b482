package dev.quorum.app.recover;

import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.recover.Diagnoser;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** One diagnosis as {@code quorum recover} makes it: a fresh session, every host asked over SSH, closed again. */
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
        // the cluster shown (the events cluster as --cluster events reads it); its hints name that cluster too
        try (ClusterSession session = SessionPlanSource.open(inventory,
                services.withSsh(services.ssh().withConnectTimeout(SSH_CONNECT_TIMEOUT)))) {
            return new Diagnoser(session).diagnose(RecoverWizard.inventoryArgument(inventory, services));
        }
    }
}
