package dev.quorum.core.lifecycle.apiservers;

import dev.quorum.core.ActionableError;
import dev.quorum.core.remote.FanOut;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the kube-apiserver manifest on each control plane, in parallel; read-only, bounded by the SSH timeouts. */
public final class ApiserverObserver {
    private static final int PARALLELISM = 8;

    private ApiserverObserver() {
    }

    /** One observation per host, in the given order; a host that cannot be used is UNREACHABLE with why. */
    public static List<ControlPlaneObservation> observe(List<String> controlPlanes, ControlPlaneAccess access) {
        List<ControlPlaneObservation> observed = new ArrayList<>();
        FanOut.forEach(controlPlanes, PARALLELISM, host -> access.remote(host).read(ApiserverFiles.MANIFEST))
                .forEach((host, outcome) -> observed.add(outcome.ok() ? reading(host, outcome.value())
                        : ControlPlaneObservation.unreachable(host, describe(outcome.error()))));
        return observed;
    }

    private static ControlPlaneObservation reading(String host, Optional<byte[]> manifest) {
        return manifest.map(bytes -> ControlPlaneObservation.manifest(host,
                        EtcdServersFlag.read(new String(bytes, StandardCharsets.UTF_8))))
                .orElseGet(() -> ControlPlaneObservation.noManifest(host));
    }

    static String describe(Exception e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        return e instanceof ActionableError actionable && !actionable.hint().isBlank()
                ? message + "; " + actionable.hint() : message;
    }
}
