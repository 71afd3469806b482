package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every INI syntax error names the file, the line and what to write instead. */
class IniInventoryErrorsTest {
    private static final String HOSTS = """
            [etcd]
            node1 ip=10.0.0.1
            node2 ip=10.0.0.2
            node3 ip=10.0.0.3
            """;

    @TempDir
    Path dir;

    private void assertRefused(String ini, String message) {
        Path file = TestInventories.write(dir, "inventory.ini", ini);
        assertThatThrownBy(() -> TestInventories.reader().read(file))
                .isInstanceOf(InventoryException.class)
                .hasMessage(message);
    }

    @Test
    void unknownSectionSuffix() {
        assertRefused(HOSTS + "\n[etcd:foo]\nx=1\n", "inventory inventory.ini, line 6: [etcd:foo] has the unknown "
                + "suffix :foo. Write [etcd] for its hosts, [etcd:children] for its child groups or [etcd:vars] for "
                + "its variables.");
    }

    @Test
    void malformedSectionHeader() {
        assertRefused("[etcd hosts]\n", "inventory inventory.ini, line 1: `[etcd hosts]` is not a section header. "
                + "Write [group], [group:children] or [group:vars], without spaces; a comment after it starts with #.");
    }

    @Test
    void hostVariableWithoutEquals() {
        assertRefused("# etcd\n[etcd]\nnode1 ip=10.0.0.1 primary\n", "inventory inventory.ini, line 3: `primary` "
                + "after host node1 is not a variable. Write host variables as name=value (quote a value with spaces: "
                + "name=\"a value\"); put comments after a #.");
    }

    @Test
    void varsLineWithoutEquals() {
        assertRefused(HOSTS + "[etcd:vars]\netcd_version\n", "inventory inventory.ini, line 6: `etcd_version` in "
                + "[etcd:vars] is not a variable. Write one name=value per line in a :vars section.");
    }

    @Test
    void varsValueRunningIntoAComment() {
        assertRefused(HOSTS + "[etcd:vars]\netcd_version=v3.5.21 # pinned\n", "inventory inventory.ini, line 6: the "
                + "value of etcd_version in [etcd:vars] goes on into a comment (`v3.5.21 # pinned`), which Ansible "
                + "would keep as part of the value. Move the comment to a line of its own, or quote the value if the "
                + "# belongs to it.");
    }

    @Test
    void badRange() {
        assertRefused("[etcd]\nnode[3:1] ip=10.0.0.1\n", "inventory inventory.ini, line 2: the host node[3:1] has "
                + "`[3:1]`, which runs backwards; write the smaller number first. Write a range as node[1:3], "
                + "node[01:03], node[a:c] or node[1:9:2], or list the hosts one per line.");
    }

    @Test
    void unclosedQuote() {
        assertRefused("[etcd]\nnode1 note=\"open\n", "inventory inventory.ini, line 2: the host line opens a quote "
                + "(\") that is never closed. Close the quote, or quote a value with spaces as name=\"a value\".");
    }

    @Test
    void childrenLineWithVariables() {
        assertRefused(HOSTS + "[k8s_cluster:children]\netcd ip=10.0.0.1\n", "inventory inventory.ini, line 6: "
                + "[k8s_cluster:children] lists one group name per line, but `etcd ip=10.0.0.1` is more than a name. "
                + "Put hosts and their variables under [k8s_cluster] or the child's own section, and group variables "
                + "under [k8s_cluster:vars].");
    }

    @Test
    void childGroupNeverDeclaredIsRefusedAsAnsibleDoes() {
        assertRefused("[etcd:children]\nkube_control_plane\n", "inventory inventory.ini, line 2: [etcd:children] "
                + "names the group kube_control_plane, which no [kube_control_plane] or [kube_control_plane:children] "
                + "section declares. Add a [kube_control_plane] section (it may stay empty) or correct the name.");
    }

    @Test
    void varsForAGroupNeverDeclared() {
        assertRefused(HOSTS + "[kube_node:vars]\nx=1\n", "inventory inventory.ini, line 5: [kube_node:vars] names "
                + "the group kube_node, which no [kube_node] or [kube_node:children] section declares. Add a "
                + "[kube_node] section (it may stay empty) or correct the name.");
    }

    @Test
    void childDeclaredLaterIsFine() {
        Path file = TestInventories.write(dir, "inventory.ini", "[etcd:children]\ncp\n[cp]\nnode1\nnode2\nnode3\n");
        assertThat(TestInventories.reader().read(file).etcdMembers()).hasSize(3);
    }

    @Test
    void noEtcdGroupHintsTheIniForm() {
        assertRefused("[kube_node]\nnode1\n", "inventory inventory.ini has no etcd group. Add your etcd hosts under "
                + "an [etcd] section (or [etcd:children] naming your control plane group) (Kubespray usually runs etcd "
                + "on its 3 control plane nodes).");
    }

    @Test
    void emptyEtcdGroup() {
        assertRefused("[etcd]\n", "inventory inventory.ini: the etcd group is empty. Add your etcd hosts under an "
                + "[etcd] section (or [etcd:children] naming your control plane group).");
    }

    @Test
    void valuesAreStillValidatedByTheUsualRules() {
        assertRefused("[etcd]\nnode1 ip='10.0.0.1; reboot'\nnode2\nnode3\n", "inventory inventory.ini: ip (set in "
                + "host node1 in inventory.ini) of host node1 is \"10.0.0.1; reboot\", which contains a space; an address "
                + "must be an IP address or an RFC 1123 host name. Give the host's IP address (for example 10.0.0.11) "
                + "or its DNS name (node1.example.com).");
    }
}
