package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.HostFiles;
import java.util.Optional;

/** {@code etcdctl.sh}: etcdctl with the member's admin certificate, so operators can use it as is. */
public final class EtcdctlWrapperStep extends ManagedFileStep {

    public EtcdctlWrapperStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Install " + HostFiles.etcdctlWrapperPath(session.settings());
    }

    @Override
    String path() {
        return HostFiles.etcdctlWrapperPath(session.settings());
    }

    @Override
    String desired(StepContext context, Optional<String> current) {
        return HostFiles.etcdctlWrapper(session.settings());
    }

    @Override
    String mode() {
        return "0755";
    }

    @Override
    void changed(String hostName) {
        // a helper script: etcd does not use it
    }
}
