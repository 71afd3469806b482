package dev.quorum.app.cli;

import dev.quorum.app.common.ClusterSessions;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.EtcdRoutePolicy;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryException;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.inventory.JumpSpecs;
import dev.quorum.core.remote.JumpHost;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every cluster command shares: which inventory, and how SSH trusts hosts. */
final class ClusterOptions {
    @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "INVENTORY",
            description = "Kubespray inventory, YAML (hosts.yaml) or INI (inventory.ini); group_vars/ and host_vars/ beside it are read too.")
    Path inventory;

    @Option(names = "--accept-new-host-keys",
            description = "Trust and record host keys not yet in known_hosts (like OpenSSH's accept-new). "
                    + "A changed key is always refused.")
    boolean acceptNewHostKeys;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "known_hosts file to check host keys against (default: ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = {"-J", "--jump"}, paramLabel = "USER@HOST[:PORT]",
            description = "Reach every host through this bastion (SSH jump host), instead of the one the inventory "
                    + "declares (ansible_ssh_common_args, Kubespray's [bastion]). Its host key is checked like any host's.")
    String jump;

    @Option(names = "--etcd-via-ssh",
            description = "Reach etcd through SSH tunnels (a local port forward to each member's 127.0.0.1:2379 over "
                    + "its SSH connection, through the bastion if any), even where client port 2379 would answer. "
                    + "Without it, Quorum tunnels only to members whose client port does not answer from here.")
    boolean etcdViaSsh;

    @Option(names = "--cluster", paramLabel = "main|events", defaultValue = "main",
            description = "Which etcd cluster of the inventory: main (default) or events, the second cluster Kubespray "
                    + "sets up for Kubernetes' events with etcd_events_cluster_enabled: true (/etc/etcd-events.env, "
                    + "client port 2383). Its runs and snapshots are kept under CLUSTER-events; the CA is the same.")
    String clusterWord = "main";

    /**
     * The commands whose steps were checked to act on the chosen cluster's files, service and ports (decisions 0038,
     * 0043, 0047, 0048): since 0048 every cluster command. The list stays as a guard: a new command refuses
     * {@code --cluster events} until its steps are checked and it is added here, so it cannot act on the main
     * cluster's {@code etcd.service} and {@code /etc/etcd.env} while the user asked for the events cluster.
     */
    static final Set<String> EVENTS_COMMANDS = Set.of("install", "status", "diagnose", "snapshot save", "restore",
            "snapshot list", "add", "remove", "replace", "maintain compact", "maintain defrag", "maintain alarms",
            "backup schedule", "backup unschedule", "backup run", "backup list", "backup pull", "upgrade", "recover",
            "apiservers update", "certs renew", "certs rotate-ca", "adopt");

    /** The command this mixin belongs to; null where a test or another command builds the options by hand. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** {@code --cluster} as a layout, or a message saying the two choices. */
    ClusterLayout clusterLayout() {
        for (ClusterLayout layout : ClusterLayout.values()) {
            if (layout.word().equals(clusterWord)) {
                if (layout != ClusterLayout.MAIN && mixee != null && !EVENTS_COMMANDS.contains(command())) {
                    throw new UserError("quorum " + command() + " cannot act on the events cluster yet: its steps "
                            + "would act on the main cluster's etcd.service and /etc/etcd.env",
                            "for the events cluster use " + String.join(", ", EVENTS_COMMANDS.stream().sorted()
                                    .toList()) + "; leave out --cluster events to run it on the main cluster");
                }
                return layout;
            }
        }
        throw new UserError("--cluster " + clusterWord + " is not a cluster Quorum knows",
                "give --cluster main (the default) or --cluster events");
    }

    /** What a suggested follow-up command adds to {@code -i INVENTORY} so it acts on the same cluster. */
    String clusterArgument() {
        return ClusterLayout.MAIN.word().equals(clusterWord) ? "" : " --cluster " + clusterWord;
    }

    /** The command's name without the program's, e.g. "snapshot save". */
    private String command() {
        String qualified = mixee.qualifiedName(" ");
        int space = qualified.indexOf(' ');
        return space < 0 ? qualified : qualified.substring(space + 1);
    }

    Inventory readInventory() {
        return readInventory(clusterLayout());
    }

    private Inventory readInventory(ClusterLayout layout) {
        if (!Files.isRegularFile(inventory)) {
            throw new UserError("inventory " + inventory + " does not exist",
                    "give the path of a Kubespray inventory (YAML or INI), e.g. -i inventory/mycluster/hosts.yaml");
        }
        Optional<JumpHost> bastion = jumpHost();
        Inventory read = new InventoryReader().read(inventory);
        Inventory chosen;
        try {
            chosen = read.cluster(layout);
        } catch (InventoryException e) {
            throw new UserError("--cluster events: " + e.getMessage(), "set " + ClusterLayout.EVENTS_ENABLED
                    + ": true in the inventory (as Kubespray reads it) if its etcd hosts run etcd-events, or leave "
                    + "out --cluster events");
        }
        return bastion.map(chosen::withJump).orElse(chosen);
    }

    /** The {@code --jump} bastion, checked before anything is read or connected. */
    Optional<JumpHost> jumpHost() {
        if (jump == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JumpSpecs.parse(jump, System.getProperty("user.name")));
        } catch (InventoryException e) {
            throw new UserError("--jump: " + e.getMessage(),
                    "give one bastion as USER@HOST or USER@HOST:PORT, e.g. --jump ops@203.0.113.5:22");
        }
    }

    /** For commands on a cluster Quorum already manages: its CA must be on this workstation. */
    ClusterSession openExisting() {
        return openExisting(SshOptions.defaults().connectTimeout());
    }

    /** Like {@link #openExisting()}, giving up on an SSH connection after {@code connectTimeout}. */
    ClusterSession openExisting(java.time.Duration connectTimeout) {
        return openExisting(clusterLayout(), connectTimeout);
    }

    /**
     * The main cluster's session whatever {@code --cluster} says (after checking it): for a life-cycle of the events
     * cluster that must read the main one too, e.g. upgrade's shared binary (decision 0043).
     */
    ClusterSession openExistingMain() {
        clusterLayout();
        return openExisting(ClusterLayout.MAIN, SshOptions.defaults().connectTimeout());
    }

    /**
     * The main cluster's session for a command whose plan covers both clusters because they share what it changes
     * (certificates, the CA: decision 0048), with the line to print when {@code --cluster events} was given.
     * {@code needsCa}: refused, as {@link #openExisting()} does, without the CA on this workstation.
     */
    ClusterSession openCoveringBoth(java.io.PrintWriter out, boolean needsCa) {
        if (clusterLayout() == ClusterLayout.EVENTS) {
            out.println("--cluster events: the events cluster uses the main cluster's certificates and CA, so this "
                    + "acts on both clusters (etcd and etcd-events), the same as without --cluster events.");
            out.flush();
        }
        return needsCa ? openExisting(ClusterLayout.MAIN, SshOptions.defaults().connectTimeout())
                : open(ClusterLayout.MAIN, SshOptions.defaults().connectTimeout());
    }

    private ClusterSession openExisting(ClusterLayout layout, java.time.Duration connectTimeout) {
        Inventory read = readInventory(layout);
        if (!dev.quorum.core.cluster.ClusterPki.exists(QuorumHome.fromEnvironment(), read.pkiName())) {
            throw new UserError("no certificates for cluster " + read.pkiName() + " on this workstation",
                    "install it first with: quorum install -i " + inventory + " (or, if Kubespray installed it, "
                            + "adopt it: quorum adopt -i " + inventory + ")");
        }
        return open(layout, connectTimeout);
    }

    ClusterSession open() {
        return open(clusterLayout(), SshOptions.defaults().connectTimeout());
    }

    private ClusterSession open(ClusterLayout layout, java.time.Duration connectTimeout) {
        Inventory read = readInventory(layout);
        SshOptions options = SshOptions.defaults().withAcceptNewHostKeys(acceptNewHostKeys)
                .withConnectTimeout(connectTimeout);
        if (knownHosts != null) {
            options = options.withKnownHostsFile(knownHosts);
        }
        return ClusterSessions.open(read, QuorumHome.fromEnvironment(), options,
                etcdViaSsh ? EtcdRoutePolicy.SSH_ALWAYS : EtcdRoutePolicy.AUTO);
    }
}
