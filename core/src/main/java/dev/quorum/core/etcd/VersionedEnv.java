package dev.quorum.core.etcd;

import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.release.EtcdVersion;

/**
 * The lines of {@code /etc/etcd.env} that depend on the etcd version being installed, checked against each
 * line's {@code etcd --help}:
 * <ul>
 *   <li>3.4: the v2 API and {@code ETCD_PROXY=off} as Kubespray always wrote them, and the initial corruption
 *       check;</li>
 *   <li>3.5: the v2 API only when the inventory asks ({@code etcd_enable_v2}: a v2 store blocks the way to 3.6),
 *       the initial and the periodic compact-hash corruption checks as experimental flags;</li>
 *   <li>3.6 and later: no v2 API or proxy (removed), the same checks as feature gates (3.7 removed the
 *       {@code --experimental-*} flags).</li>
 * </ul>
 * The corruption checks are on because 3.5.0-3.5.2 could lose committed writes on some members, and since then
 * Kubespray and kubeadm turn them on: a corrupt member refuses to start instead of serving wrong data.
 *
 * @param proxyLine      {@code ETCD_PROXY=off} or nothing
 * @param v2Lines        {@code ETCD_ENABLE_V2=true} with Kubespray's comment, or nothing
 * @param integrityLines the corruption checks
 */
record VersionedEnv(String proxyLine, String v2Lines, String integrityLines) {
    private static final String WHY = "# Quorum: a member whose data differs from its peers' refuses to serve\n";

    static VersionedEnv of(EtcdSettings settings) {
        EtcdVersion version = EtcdVersion.parse(settings.version());
        // etcd_experimental_initial_corrupt_check: false (Kubespray's switch) drops only the start-up check.
        boolean initial = settings.tuning().initialCorruptCheck();
        if (version.isAtLeast(3, 6, 0)) {
            return new VersionedEnv("", "", WHY + "ETCD_FEATURE_GATES=" + (initial ? "InitialCorruptCheck=true," : "")
                    + "CompactHashCheck=true\n");
        }
        boolean v2 = settings.enableV2().orElse(!version.isAtLeast(3, 5, 0));
        String checks = (initial ? "ETCD_EXPERIMENTAL_INITIAL_CORRUPT_CHECK=true\n" : "")
                + (version.isAtLeast(3, 5, 0) ? "ETCD_EXPERIMENTAL_COMPACT_HASH_CHECK_ENABLED=true\n" : "");
        return new VersionedEnv(v2 ? "ETCD_PROXY=off\n" : "", v2 ? "# Flannel need etcd v2 API\nETCD_ENABLE_V2=true\n" : "",
                WHY + checks);
    }
}
