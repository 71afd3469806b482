package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.HostFiles;
import java.util.Optional;

/** {@code /etc/systemd/system/etcd.service}, as Kubespray's host unit. */
public final class UnitFileStep extends ManagedFileStep {

    public UnitFileStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Write " + session.settings().layout().unitFile();
    }

    @Override
    String path() {
        return session.settings().layout().unitFile();
    }

    @Override
    String desired(StepContext context, Optional<String> current) {
        return HostFiles.unitFile(session.settings());
    }

    @Override
    String mode() {
        return "0644";
    }

    @Override
    void changed(String hostName) {
        session.unitChanged(hostName);
    }
}
