package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.EnvFile;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/** The refusals of preflight, as pure logic over {@link HostFacts}. */
public final class PreflightRules {
    private final EtcdSettings settings;
    private final EtcdMember member;
    private final List<EtcdMember> cluster;
    private final boolean bootstrapping;

    /**
     * @param bootstrapping the whole cluster starts from nothing (install); false when a host joins
     *                      a running cluster, where an empty data dir is what a new member has
     */
    public PreflightRules(EtcdSettings settings, EtcdMember member, List<EtcdMember> cluster, boolean bootstrapping) {
        this.settings = settings;
        this.member = member;
        this.cluster = cluster;
        this.bootstrapping = bootstrapping;
    }

    void verify(String host, HostFacts facts) throws StepFailedException {
        if (!facts.architecture().equals(settings.architecture())) {
            throw new StepFailedException(host + " is " + facts.architecture() + " but the etcd release is for "
                    + settings.architecture(),
                    "set image_arch (or etcd_download_url) to a " + facts.architecture() + " release");
        }
        if (facts.freeKiB() >= 0 && facts.freeKiB() < PreflightStep.MIN_FREE_KIB) {
            throw new StepFailedException(host + " has only " + facts.freeKiB() / 1024 + " MiB free for "
                    + settings.dataDir(), "free at least 1 GiB there (etcd needs room for its database and WAL)");
        }
        boolean ours = belongsToThisCluster(facts.envFile());
        if (facts.dataDir() != HostFacts.DataDirState.EMPTY && !ours) {
            throw new StepFailedException(host + " already has etcd data in " + settings.dataDir()
                    + " that does not belong to this cluster (" + whose(facts.envFile(), settings) + ")",
                    "Quorum never deletes a data dir. If that data is not needed, move it aside (mv "
                            + settings.dataDir() + " " + settings.dataDir() + ".old) and re-run; to keep it, set "
                            + "etcd_data_dir to another path");
        }
        if (bootstrapping && facts.dataDir() == HostFacts.DataDirState.EMPTY && ours && saysExisting(facts.envFile())) {
            throw new StepFailedException(host + "'s data dir " + settings.dataDir()
                    + " is empty but its " + settings.layout().envFile() + " says the cluster already exists: this member "
                    + "lost its data",
                    "starting it now could split the cluster; re-seed the member instead (remove it and add it "
                            + "back), or move " + settings.layout().envFile() + " aside if the whole cluster is being rebuilt");
        }
        listensOnOwnAddress(host, facts);
        for (String listener : facts.listeners()) {
            boolean heldByEtcd = listener.contains("\"etcd\"");
            if (!(heldByEtcd && ours)) {
                throw new StepFailedException(host + ": port " + port(listener) + " is already in use ("
                        + listener + ")",
                        "stop whatever listens there (etcd needs " + settings.layout().clientPort() + " for clients and "
                                + settings.layout().peerPort() + " for peers) and re-run");
            }
        }
    }

    /**
     * etcd cannot listen on an address the host does not have (behind NAT, access_ip is the outside one): it would
     * fail to start after every file was written. Checked when the host listed its addresses and the inventory
     * gives a literal one.
     */
    private void listensOnOwnAddress(String host, HostFacts facts) throws StepFailedException {
        String bind = member.host().bindAddress();
        Optional<InetAddress> wanted = literal(bind);
        if (facts.addresses().isEmpty() || wanted.isEmpty()) {
            return;
        }
        if (facts.addresses().stream().map(PreflightRules::literal).flatMap(Optional::stream).noneMatch(wanted.get()::equals)) {
            throw new StepFailedException(host + ": etcd would listen on " + bind + ", which is not an address of this "
                    + "host (it has " + String.join(", ", facts.addresses()) + ")",
                    "set ip (ip6 on an IPv6-only stack) of " + host + " to one of the host's own addresses; access_ip "
                            + "is the address the other members and clients connect to, e.g. through NAT");
        }
    }

    /** An IP literal as an address, without a DNS lookup; empty for a host name. */
    private static Optional<InetAddress> literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private boolean belongsToThisCluster(Optional<String> envText) {
        return envText.map(EnvFile::parse)
                .map(env -> env.get("ETCD_INITIAL_CLUSTER_TOKEN").orElse("").equals(settings.clusterToken())
                        && env.get("ETCD_NAME").orElse("").equals(member.memberName())
                        && env.get("ETCD_DATA_DIR").orElse("").equals(settings.dataDir())
                        && peersWithinInventory(env.get("ETCD_INITIAL_CLUSTER").orElse("")))
                .orElse(false);
    }

    private boolean peersWithinInventory(String initialCluster) {
        for (String entry : initialCluster.split(",")) {
            String peerUrl = entry.substring(entry.indexOf('=') + 1).strip();
            if (!peerUrl.isEmpty() && cluster.stream().noneMatch(m -> m.peerUrl().equals(peerUrl))) {
                return false;
            }
        }
        return true;
    }

    private static boolean saysExisting(Optional<String> envText) {
        return envText.flatMap(text -> EnvFile.parse(text).initialClusterState())
                .map(state -> state == InitialClusterState.EXISTING).orElse(false);
    }

    private static String whose(Optional<String> envText, EtcdSettings settings) {
        String file = settings.layout().envFile();
        if (envText.isEmpty()) {
            return "no " + file + " describes it";
        }
        EnvFile env = EnvFile.parse(envText.get());
        return file + " names member " + env.get("ETCD_NAME").orElse("?") + ", token "
                + env.get("ETCD_INITIAL_CLUSTER_TOKEN").orElse("?") + ", peers "
                + env.get("ETCD_INITIAL_CLUSTER").orElse("?");
    }

    private static String port(String listener) {
        String address = listener.split(" ")[0];
        return address.substring(address.lastIndexOf(':') + 1);
    }
}
