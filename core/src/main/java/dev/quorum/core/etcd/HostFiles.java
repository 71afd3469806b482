package dev.quorum.core.etcd;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.Shell;
import dev.quorum.resources.Templates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the files an etcd host gets, as Kubespray writes them: the main cluster's or, with the events layout in
 * the settings, the events cluster's ({@code etcd-events.env.j2}, {@code etcd-events-host.service.j2}).
 */
public final class HostFiles {
    /** The main cluster's; a session's own are in {@code settings.layout()}. */
    public static final String ENV_FILE = ClusterLayout.MAIN.envFile();
    public static final String UNIT_FILE = ClusterLayout.MAIN.unitFile();

    private HostFiles() {
    }

    /**
     * {@code /etc/etcd.env} for one member, with the lines of the version being installed ({@link VersionedEnv}).
     *
     * @param cluster the members listed in {@code ETCD_INITIAL_CLUSTER}, in inventory order
     */
    public static String envFile(EtcdMember member, List<EtcdMember> cluster, EtcdSettings settings,
                                 InitialClusterState state) {
        Map<String, String> values = new HashMap<>();
        values.put("etcd_version", settings.version());
        values.put("etcd_data_dir", settings.dataDir());
        values.put("etcd_cert_dir", settings.certDir());
        values.put("etcd_election_timeout", Integer.toString(settings.electionMillis()));
        values.put("etcd_heartbeat_interval", Integer.toString(settings.heartbeatMillis()));
        values.put("cluster_token", settings.clusterToken());
        values.put("client_url", member.clientUrl());
        values.put("peer_url", member.peerUrl());
        values.put("listen_client_url", member.listenClientUrl());
        values.put("listen_peer_url", member.listenPeerUrl());
        values.put("member_name", member.memberName());
        values.put("host_name", member.hostName());
        values.put("initial_cluster_state", state.value());
        values.put("initial_cluster", initialCluster(cluster));
        String envFile = settings.layout().envFile();
        HostFileValues.requirePlain(envFile, values);
        values.put("client_port", Integer.toString(settings.layout().clientPort()));
        // A whole line or nothing, as Kubespray's `{% if etcd_quota_backend_bytes is defined %}`: an env
        // file without the variable stays byte for byte what it was, so no member restarts for it.
        values.put("quota_backend_bytes_line", settings.quotaBackendBytes()
                .map(bytes -> "ETCD_QUOTA_BACKEND_BYTES=" + bytes + "\n").orElse(""));
        Map<String, String> tuned = TunedEnv.values(member, settings.tuning(), EtcdVersion.parse(settings.version()));
        HostFileValues.requirePlain(envFile, TunedEnv.scalars(settings.tuning()));
        values.putAll(tuned);
        if (settings.layout() == ClusterLayout.EVENTS) {
            // Kubespray's events env has no metrics listener: the main cluster's members already hold those ports.
            values.put("listen_metrics_urls_line", "");
        }
        VersionedEnv versioned = VersionedEnv.of(settings);
        values.put("proxy_line", versioned.proxyLine());
        values.put("legacy_api_lines", versioned.v2Lines());
        values.put("integrity_lines", versioned.integrityLines());
        return Templates.render(Templates.ETCD_ENV, values);
    }

    public static String initialCluster(List<EtcdMember> cluster) {
        return cluster.stream()
                .map(m -> m.memberName() + "=" + m.peerUrl())
                .collect(Collectors.joining(","));
    }

    public static String unitFile(EtcdSettings settings) {
        ClusterLayout layout = settings.layout();
        return Templates.render(Templates.ETCD_SERVICE, HostFileValues.requirePlain(layout.unitFile(),
                Map.of("bin_dir", settings.binDir(), "env_file", layout.envFile())));
    }

    /** The path is quoted for sh (a plain path, the usual case, stays as it was: quoting it changes nothing). */
    public static String etcdctlWrapper(EtcdSettings settings) {
        return Templates.render(Templates.ETCDCTL_WRAPPER, Map.of("etcdctl", Shell.quote(settings.binDir() + "/etcdctl")));
    }

    public static String etcdctlWrapperPath(EtcdSettings settings) {
        return settings.binDir() + "/etcdctl.sh";
    }
}
