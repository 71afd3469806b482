package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.remote.FanOut;
import java.util.List;

/**
 * Every member's etcd restarted at the same moment, for a cluster no one-at-a-time order can bring back (no member
 * can be confirmed healthy alone): a failed unit's start limit is reset first, and systemd is not waited for, as a
 * Type=notify etcd says ready only once a majority runs.
 */
final class TogetherRestart {
    private TogetherRestart() {
    }

    static void of(LifecycleSession session, List<String> hosts) {
        String unit = session.settings().layout().unitName(); // a fixed word of the layout, never inventory text
        FanOut.forEach(hosts, hosts.size(), host -> session.remote(host)
                        .run("systemctl reset-failed " + unit + " 2>/dev/null; systemctl restart --no-block " + unit)
                        .requireOk("restart " + unit + " on " + host))
                .forEach((host, outcome) -> outcome.valueOrThrow());
    }
}
