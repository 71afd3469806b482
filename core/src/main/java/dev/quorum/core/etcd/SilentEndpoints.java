package dev.quorum.core.etcd;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Endpoints that gave no answer in time during one command. A dead or cut-off host answers no
 * probe, and every guard of a plan probes again: without this memory each of them would wait the
 * full timeout for it. An endpoint that answers again is forgotten at once.
 */
public final class SilentEndpoints {
    /** Plenty for a live member on a LAN (a status call takes ~30 ms, a new TLS handshake ~0.35 s). */
    static final Duration SHORT_WAIT = Duration.ofMillis(700);

    private final Set<String> silent = ConcurrentHashMap.newKeySet();

    Duration timeoutFor(String endpoint, Duration normal) {
        return silent.contains(endpoint) && SHORT_WAIT.compareTo(normal) < 0 ? SHORT_WAIT : normal;
    }

    void answered(String endpoint) {
        silent.remove(endpoint);
    }

    void timedOut(String endpoint) {
        silent.add(endpoint);
    }

    public boolean isSilent(String endpoint) {
        return silent.contains(endpoint);
    }
}
