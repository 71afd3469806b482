package dev.quorum.core.etcd;

import dev.quorum.core.threads.DaemonThreads;
import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A call to one member whose client port refuses connections fails at once instead of waiting out its timeout. jetcd
 * retries an unavailable endpoint until its retry budget is spent, so a stopped etcd on a live host looked like a
 * cut-off host for seconds: `quorum status` with one member stopped took 5.7 s against 1.1 s (issue 18). The refusal is
 * the host's own answer (nothing listens on the port), asked beside the call, never instead of it: a knock that
 * connects, times out or fails otherwise leaves the call's own outcome.
 */
final class RefusedPort {
    private static final ExecutorService KNOCKS = Executors.newCachedThreadPool(DaemonThreads.numbered("quorum-knock"));

    private RefusedPort() {
    }

    static <T> CompletableFuture<T> failingFast(String dialedUrl, CompletableFuture<T> call) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        call.whenComplete((value, error) -> {
            if (error == null) {
                answer.complete(value);
            } else {
                answer.completeExceptionally(error);
            }
        });
        URI uri = URI.create(dialedUrl);
        if (uri.getHost() == null || uri.getPort() < 0) {
            return answer; // no port to knock on: the call's own outcome
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        CompletableFuture.runAsync(() -> {
            if (ClientPortReach.refuses(host, uri.getPort())) {
                answer.completeExceptionally(new Refusal(uri.getAuthority()));
            }
        }, KNOCKS);
        return answer;
    }

    /** Whether a call failed because its member's port refused the connection (this class's own failure). */
    static boolean isRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof Refusal) {
                return true;
            }
        }
        return false;
    }

    private static final class Refusal extends ConnectException {
        private static final long serialVersionUID = 1L;

        Refusal(String authority) {
            super("nothing listens on " + authority + " (connection refused)");
        }
    }
}
