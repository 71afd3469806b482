package dev.quorum.core.inventory;

import dev.quorum.core.remote.JumpHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a Kubespray (Ansible YAML or INI, see {@link InventoryFormat}) inventory: {@code all.hosts}, the groups under {@code all.children},
 * and the {@code group_vars/} and {@code host_vars/} beside the file. The etcd group is
 * {@code all.children.etcd}, its own hosts first, then its child groups' hosts, depth first.
 *
 * <p>Variable precedence follows Ansible's documented order (see {@link VariableLayers}): Kubespray's
 * defaults &lt; {@code all.vars} &lt; group {@code vars:} in the inventory file &lt; {@code group_vars/all}
 * &lt; {@code group_vars/GROUP} &lt; host variables in the inventory file &lt; {@code host_vars/HOST}.
 * A group_vars file thus overrides the inventory file's {@code vars:} of the same group, and child groups
 * override their parents. Values are replaced whole, never merged. Cluster-wide settings
 * ({@link EtcdSettings}, {@code cluster_name}, {@link Inventory#vars()}) come from the etcd group's
 * variables; host variables count only for the host ({@code access_ip}, {@code ip}, {@code ansible_*},
 * {@code etcd_member_name}).
 *
 * <p>A host is reached through the bastion its {@code ansible_ssh_common_args} declares, else through
 * Kubespray's bastion (a host named {@code bastion}), which is not itself listed among the hosts.
 *
 * <p>Plain {@code {{ name }}} references are resolved; a variable Quorum honours that uses anything more
 * (filters, expressions) is refused with a message asking for a literal value. Variables Quorum does not
 * interpret are kept in {@code vars()}, resolved where possible and as written otherwise.
 *
 * <p>Every problem is an {@link InventoryException} whose message says what is wrong and what to do.
 */
public final class InventoryReader {
    static final String ETCD_GROUP = "etcd";

    private final String defaultUser;
    private final Path home;

    /** SSH user defaults to the local user (as Ansible); {@code ~} is this user's home directory. */
    public InventoryReader() {
        this(System.getProperty("user.name"), Path.of(System.getProperty("user.home")));
    }

    /**
     * @param defaultUser SSH user for hosts without {@code ansible_user}
     * @param home        what {@code ~} stands for in key file paths
     */
    public InventoryReader(String defaultUser, Path home) {
        this.defaultUser = defaultUser;
        this.home = home;
    }

    public Inventory read(Path inventoryFile) {
        Path file = inventoryFile.toAbsolutePath().normalize();
        checkReadable(file);
        String label = "inventory " + file.getFileName();
        Path dir = file.getParent();
        String text = YamlFiles.readText(file, label);
        InventoryFormat format = InventoryFormat.of(file, text);
        ParsedInventory parsed = format.parse(text, label);
        List<String> etcdHostNames = etcdHosts(parsed, label, format);

        VariableLayers layers = new VariableLayers(label, file, parsed, new VarsFiles(dir, label));
        LocalPaths paths = new LocalPaths(home, dir);
        HostReader hostReader = new HostReader(defaultUser, paths);
        Set<String> bastionHosts = KubesprayBastion.hosts(parsed);
        Optional<InventoryHost> bastionHost = parsed.hostVars().containsKey(KubesprayBastion.NAME)
                ? Optional.of(hostReader.read(KubesprayBastion.NAME, layers.forHost(KubesprayBastion.NAME),
                Optional.empty()))
                : Optional.empty();
        Optional<JumpHost> bastion = KubesprayBastion.jump(label, bastionHosts, bastionHost, etcdHostNames);
        Map<String, VariableScope> scopes = new HashMap<>();
        Map<String, InventoryHost> hosts = new LinkedHashMap<>();
        for (String name : parsed.hostVars().keySet()) {
            checkHostName(name, label);
            if (bastionHosts.contains(name)) {
                continue;
            }
            VariableScope scope = layers.forHost(name);
            scopes.put(name, scope);
            hosts.put(name, hostReader.read(name, scope, bastion));
        }
        List<InventoryHost> etcdHosts = etcdHostNames.stream().map(hosts::get).toList();
        List<EtcdMember> members = MemberNames.assign(label, etcdHosts, scopes::get);

        VariableScope cluster = layers.forGroup(ETCD_GROUP);
        EtcdSettings settings = EtcdSettingsReader.read(cluster, paths);
        etcdHostNames.forEach(name -> ClusterWideVariables.requireSame(cluster, name, scopes.get(name)));
        cluster.bool(Inventory.ALLOW_EVEN_MEMBERS);
        cluster.bool(Inventory.ETCD_VIA_SSH);
        boolean events = cluster.bool(ClusterLayout.EVENTS_ENABLED).orElse(false);
        String eventsDataDir = EtcdSettingsReader.eventsDataDir(cluster);
        Map<String, Object> vars = new LinkedHashMap<>(cluster.kept());
        if (events) {
            // Checked above, kept normalised (no trailing slash) for Inventory.eventsCluster().
            vars.put(ClusterLayout.EVENTS_DATA_DIR, eventsDataDir);
        }
        return new Inventory(file, clusterName(cluster, dir), new ArrayList<>(hosts.values()), members, settings,
                vars, KubernetesGroups.hosts(parsed, bastionHosts),
                KubernetesGroups.controlPlanes(parsed, bastionHosts));
    }

    private static void checkReadable(Path file) {
        if (Files.isDirectory(file)) {
            String hint = Files.isRegularFile(file.resolve("hosts.yaml")) ? " (it has a hosts.yaml)"
                    : Files.isRegularFile(file.resolve("hosts.yml")) ? " (it has a hosts.yml)"
                    : Files.isRegularFile(file.resolve("inventory.ini")) ? " (it has an inventory.ini)" : "";
            throw new InventoryException("inventory " + file + " is a directory" + hint
                    + ". Choose the inventory file inside it, usually hosts.yaml"
                    + (hint.contains("inventory.ini") ? " or inventory.ini." : "."));
        }
        if (!Files.exists(file)) {
            throw new InventoryException("inventory file " + file + " does not exist. Check the path; to start a "
                    + "new inventory, copy Quorum's example kubespray/hosts.yaml (or Kubespray's inventory/sample) "
                    + "and edit it.");
        }
        if (!Files.isReadable(file)) {
            throw new InventoryException("inventory file " + file + " cannot be read. Check its permissions.");
        }
    }

    private static List<String> etcdHosts(ParsedInventory parsed, String label, InventoryFormat format) {
        if (parsed.group(ETCD_GROUP).isEmpty()) {
            throw new InventoryException(label + " has no etcd group. Add your etcd hosts under "
                    + format.etcdGroupPlace() + " (Kubespray usually runs etcd on its 3 control plane nodes).");
        }
        List<String> hosts = parsed.flattenedHosts(ETCD_GROUP);
        if (hosts.isEmpty()) {
            throw new InventoryException(label + ": the etcd group is empty. Add your etcd hosts under "
                    + format.etcdGroupPlace() + ".");
        }
        List<String> undefined = hosts.stream().filter(h -> !parsed.definedHosts().contains(h)).toList();
        if (!undefined.isEmpty()) {
            String known = parsed.definedHosts().isEmpty() ? "none"
                    : parsed.definedHosts().stream().collect(Collectors.joining(", "));
            throw new InventoryException(label + ": the etcd group lists " + String.join(", ", undefined)
                    + (undefined.size() == 1 ? ", which is" : ", which are") + " not defined anywhere (defined hosts: "
                    + known + "). Define " + (undefined.size() == 1 ? "it" : "them")
                    + " under all.hosts with ansible_host and ip, or correct the name in the etcd group.");
        }
        return hosts;
    }

    private static void checkHostName(String name, String label) {
        InventoryRules.hostName(name).ifPresent(fault -> {
            throw new InventoryException(label + ": the host name (inventory_hostname) \"" + InventoryRules.shown(name)
                    + "\" " + fault + ". Rename the host in the inventory, for example node1: Quorum names its "
                    + "certificate files after it and, without ip or ansible_host, reaches the host by it.");
        });
    }

    private static String clusterName(VariableScope cluster, Path dir) {
        if (cluster.isSet("cluster_name")) {
            String written = cluster.text("cluster_name").orElse("");
            if (!written.isEmpty()) {
                cluster.checked("cluster_name", "", written, InventoryRules::clusterName,
                        "Give a name such as prod-etcd or cluster.local; Quorum keeps the cluster's files in a folder "
                                + "of that name");
            }
            String name = ClusterNames.sanitize(written);
            if (!name.isEmpty()) {
                return name;
            }
        }
        String fromDir = dir.getFileName() == null ? "" : ClusterNames.sanitize(dir.getFileName().toString());
        return fromDir.isEmpty() ? ClusterNames.FALLBACK : fromDir;
    }
}
