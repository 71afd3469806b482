package dev.quorum.core.inventory;

import java.util.Locale;

/**
 * Which of the two etcd clusters Kubespray can put on the etcd hosts, and where each one lives there: the main
 * cluster (Kubernetes' data) and, with {@code etcd_events_cluster_enabled: true}, the events cluster (Kubernetes'
 * events only), laid out as Kubespray's {@code etcd-events.env.j2} and {@code etcd-events-host.service.j2}. Both
 * use the same certificates; everything that differs between them on a host is here (decision 0038).
 *
 * @param envFile        the EnvironmentFile the unit reads
 * @param unitName       the systemd service, e.g. for {@code systemctl start}
 * @param unitFile       the unit's path
 * @param clientPort     the client port (also on 127.0.0.1)
 * @param peerPort       the peer port
 * @param defaultDataDir the data dir when the inventory does not set it
 * @param memberSuffix   appended to the member name ({@code ETCD_NAME}); the host name stays the certificates'
 * @param defaultToken   {@code ETCD_INITIAL_CLUSTER_TOKEN}
 */
public enum ClusterLayout {
    MAIN("/etc/etcd.env", "etcd", "/etc/systemd/system/etcd.service", 2379, 2380, "/var/lib/etcd", "", "k8s_etcd"),
    EVENTS("/etc/etcd-events.env", "etcd-events", "/etc/systemd/system/etcd-events.service", 2383, 2382,
            "/var/lib/etcd-events", "-events", "k8s_events_etcd");

    /** The inventory variable that turns the events cluster on (Kubespray's). */
    public static final String EVENTS_ENABLED = "etcd_events_cluster_enabled";
    /** The inventory variable for the events cluster's data dir (Kubespray's). */
    public static final String EVENTS_DATA_DIR = "etcd_events_data_dir";

    private final String envFile;
    private final String unitName;
    private final String unitFile;
    private final int clientPort;
    private final int peerPort;
    private final String defaultDataDir;
    private final String memberSuffix;
    private final String defaultToken;

    ClusterLayout(String envFile, String unitName, String unitFile, int clientPort, int peerPort,
                  String defaultDataDir, String memberSuffix, String defaultToken) {
        this.envFile = envFile;
        this.unitName = unitName;
        this.unitFile = unitFile;
        this.clientPort = clientPort;
        this.peerPort = peerPort;
        this.defaultDataDir = defaultDataDir;
        this.memberSuffix = memberSuffix;
        this.defaultToken = defaultToken;
    }

    public String envFile() {
        return envFile;
    }

    public String unitName() {
        return unitName;
    }

    public String unitFile() {
        return unitFile;
    }

    public int clientPort() {
        return clientPort;
    }

    public int peerPort() {
        return peerPort;
    }

    public String defaultDataDir() {
        return defaultDataDir;
    }

    public String memberSuffix() {
        return memberSuffix;
    }

    public String defaultToken() {
        return defaultToken;
    }

    /** How a user names it: {@code main} or {@code events} (the CLI's {@code --cluster}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The workstation folder's suffix (runs, snapshots): {@code NAME} for main, {@code NAME-events} for events. */
    public String folderSuffix() {
        return memberSuffix;
    }
}
