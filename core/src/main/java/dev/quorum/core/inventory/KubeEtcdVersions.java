package dev.quorum.core.inventory;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The etcd release for a {@code kube_version} when the inventory names no {@code etcd_version}, following
 * Kubespray's {@code etcd_supported_versions}: Kubernetes 1.35 and 1.36 run etcd 3.6, 1.34 (and, as older
 * Kubespray releases did, anything before it) 3.5; Kubespray excludes 3.7, so newer Kubernetes stays on 3.6.
 */
final class KubeEtcdVersions {
    /** The newest 3.5 whose official checksum Quorum ships ({@link KnownReleases}). */
    static final String FOR_KUBE_1_34 = "v3.5.27";
    private static final Pattern KUBE = Pattern.compile("v?1\\.(\\d+)(\\.\\d+)?([-+][0-9A-Za-z.+-]*)?");

    private KubeEtcdVersions() {
    }

    /** Empty when the text is not a Kubernetes 1.x version. */
    static Optional<String> forKube(String kubeVersion) {
        Matcher m = KUBE.matcher(kubeVersion.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int minor = Integer.parseInt(m.group(1));
        return Optional.of(minor >= 35 ? EtcdSettings.DEFAULT_VERSION : FOR_KUBE_1_34);
    }
}
