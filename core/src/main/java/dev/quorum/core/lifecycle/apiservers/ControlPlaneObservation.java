package dev.quorum.core.lifecycle.apiservers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one control plane's kube-apiserver manifest says, as read over SSH. Read-only.
 *
 * @param etcdServers the manifest's {@code --etcd-servers} value (MANIFEST only, and only when it could be read)
 * @param detail      why the host was not reached (UNREACHABLE), or why the flag cannot be edited (MANIFEST)
 */
public record ControlPlaneObservation(String host, State state, Optional<String> etcdServers, String detail) {
    public enum State { MANIFEST, NO_MANIFEST, UNREACHABLE }

    public ControlPlaneObservation {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(etcdServers, "etcdServers");
        Objects.requireNonNull(detail, "detail");
    }

    public static ControlPlaneObservation manifest(String host, EtcdServersFlag.Reading reading) {
        return new ControlPlaneObservation(host, State.MANIFEST, reading.value(), reading.problem());
    }

    public static ControlPlaneObservation noManifest(String host) {
        return new ControlPlaneObservation(host, State.NO_MANIFEST, Optional.empty(), "");
    }

    public static ControlPlaneObservation unreachable(String host, String why) {
        return new ControlPlaneObservation(host, State.UNREACHABLE, Optional.empty(), why);
    }

    /** Whether the manifest already lists exactly these servers; empty when that is unknown or there is none. */
    public Optional<Boolean> matches(List<String> wanted) {
        return etcdServers.map(value -> EtcdServersFlag.sameServers(value, wanted));
    }
}
