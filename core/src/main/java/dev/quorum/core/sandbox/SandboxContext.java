package dev.quorum.core.sandbox;

import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;

/**
 * What the sandbox steps share: the layout, the cluster PKI (created on first use) and which
 * etcd to run.
 */
final class SandboxContext {
    private final SandboxLayout layout;
    private final EtcdBinary.Source etcd;
    private ClusterPki pki;

    SandboxContext(SandboxLayout layout, EtcdBinary.Source etcd) {
        this.layout = layout;
        this.etcd = etcd;
    }

    SandboxLayout layout() {
        return layout;
    }

    QuorumHome home() {
        return layout.home();
    }

    EtcdBinary.Source etcdSource() {
        return etcd;
    }

    /** The binary to start: the unpacked one for a tarball, else the installed one. */
    Path executable() {
        return etcd.tarball().isPresent() ? layout.binDir().resolve("etcd") : etcd.installed().orElseThrow();
    }

    synchronized ClusterPki pki() {
        if (pki == null) {
            pki = ClusterPki.open(layout.home(), SandboxLayout.CLUSTER_NAME);
        }
        return pki;
    }
}
