package dev.quorum.core.cluster;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Short words for why a call to etcd failed. */
final class ClusterProbeErrors {
    private ClusterProbeErrors() {
    }

    static String describe(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException) {
            return "no answer in time";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
