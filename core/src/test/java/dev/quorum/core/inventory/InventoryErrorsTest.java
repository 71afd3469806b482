package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryErrorsTest {
    @TempDir
    Path dir;

    private void assertRefused(String hostsYaml, String message) {
        Path file = TestInventories.write(dir, "hosts.yaml", hostsYaml);
        assertThatThrownBy(() -> TestInventories.reader().read(file))
                .isInstanceOf(InventoryException.class)
                .hasMessage(message);
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope/hosts.yaml");
        assertThatThrownBy(() -> TestInventories.reader().read(missing))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory file " + missing + " does not exist. Check the path; to start a new inventory, "
                        + "copy Quorum's example kubespray/hosts.yaml (or Kubespray's inventory/sample) and edit it.");
    }

    @Test
    void directoryInsteadOfFile() {
        TestInventories.write(dir, "hosts.yaml", "all: {}\n");
        assertThatThrownBy(() -> TestInventories.reader().read(dir))
                .hasMessage("inventory " + dir + " is a directory (it has a hosts.yaml). Choose the inventory file "
                        + "inside it, usually hosts.yaml.");
    }

    @Test
    void emptyFile() {
        assertRefused("# nothing yet\n", "inventory hosts.yaml is empty. Describe your hosts under all.hosts and the "
                + "etcd group under all.children.etcd.hosts (see Quorum's example kubespray/hosts.yaml).");
    }

    @Test
    void notYaml() {
        Path file = TestInventories.write(dir, "hosts.yaml", "all:\n  hosts:\n    node1: {ip: 10.0.0.1\n");
        assertThatThrownBy(() -> TestInventories.reader().read(file))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("inventory hosts.yaml is not valid YAML (")
                .hasMessageContaining("at line ")
                .hasMessageEndingWith("). Fix the YAML syntax there; `ansible-inventory -i FILE --list` shows the "
                        + "same problem.");
    }

    @Test
    void directoryWithAnIniInventoryHintsThatFile() {
        TestInventories.write(dir, "inventory.ini", "[etcd]\nnode1\n");
        assertThatThrownBy(() -> TestInventories.reader().read(dir))
                .hasMessage("inventory " + dir + " is a directory (it has an inventory.ini). Choose the inventory file "
                        + "inside it, usually hosts.yaml or inventory.ini.");
    }

    @Test
    void noAllKey() {
        assertRefused("etcd:\n  hosts:\n    node1:\n", "inventory hosts.yaml has no top-level `all` key (found "
                + "top-level keys [etcd]). Quorum reads Kubespray's YAML inventory form: put the hosts under all.hosts "
                + "and the groups under all.children (the etcd group is all.children.etcd).");
    }

    @Test
    void groupPlacedDirectlyUnderAll() {
        assertRefused("all:\n  etcd:\n    hosts:\n      node1:\n", "inventory hosts.yaml: all has an unknown key "
                + "`etcd`. A group may only contain hosts, children and vars; put a group `etcd` under all.children "
                + "and host variables under all.hosts.HOSTNAME.");
    }

    @Test
    void hostsAsAList() {
        assertRefused("all:\n  hosts:\n    - node1\n", "inventory hosts.yaml: all.hosts must be a mapping (name: value "
                + "lines), but it is a list ([node1]). Indent its entries as `name:` lines below it, as in Kubespray's "
                + "inventory/sample/hosts.yaml.");
    }

    @Test
    void noEtcdGroup() {
        assertRefused("""
                all:
                  hosts:
                    node1: {ip: 10.0.0.1}
                  children:
                    kube_control_plane:
                      hosts:
                        node1:
                """, "inventory hosts.yaml has no etcd group. Add your etcd hosts under all.children.etcd.hosts "
                + "(Kubespray usually runs etcd on its 3 control plane nodes).");
    }

    @Test
    void emptyEtcdGroup() {
        assertRefused("""
                all:
                  hosts:
                    node1: {ip: 10.0.0.1}
                  children:
                    etcd:
                      hosts: {}
                """, "inventory hosts.yaml: the etcd group is empty. Add your etcd hosts under all.children.etcd.hosts.");
    }

    @Test
    void undefinedEtcdHost() {
        assertRefused("""
                all:
                  hosts:
                    node1: {ip: 10.0.0.1}
                    node2: {ip: 10.0.0.2}
                  children:
                    etcd:
                      hosts:
                        node1:
                        node02:
                """, "inventory hosts.yaml: the etcd group lists node02, which is not defined anywhere (defined hosts: "
                + "node1, node2). Define it under all.hosts with ansible_host and ip, or correct the name in the etcd "
                + "group.");
    }

    @Test
    void hostRange() {
        assertRefused("""
                all:
                  children:
                    etcd:
                      hosts:
                        "node[1:3]":
                """, "inventory hosts.yaml: all.children.etcd.hosts.node[1:3] is a host range, which Quorum does not "
                + "expand. List the hosts one by one (node1, node2, ...).");
    }

    @Test
    void badSshPort() {
        assertRefused("""
                all:
                  hosts:
                    node1: {ip: 10.0.0.1, ansible_port: 70000}
                  children:
                    etcd:
                      hosts:
                        node1:
                """, "inventory hosts.yaml: ansible_port (set in host node1 in hosts.yaml) is 70000, which is not a "
                + "TCP port. Give the SSH port of the host, a number from 1 to 65535 (usually 22).");
    }

    @Test
    void groupVarsFileNotAMapping() {
        TestInventories.write(dir, "group_vars/etcd.yml", "- etcd_data_dir: /x\n");
        assertRefused(TestInventories.threeEtcdHosts(""), "inventory hosts.yaml: group_vars/etcd.yml must be a mapping "
                + "of variable names to values, but it is a list. Write one `name: value` per line.");
    }

    @Test
    void groupVarsFileNotYaml() {
        TestInventories.write(dir, "group_vars/all/etcd.yml", "etcd_data_dir: [\n");
        Path file = TestInventories.write(dir, "hosts.yaml", TestInventories.threeEtcdHosts(""));
        assertThatThrownBy(() -> TestInventories.reader().read(file))
                .hasMessageStartingWith("inventory hosts.yaml: group_vars/all/etcd.yml is not valid YAML (")
                .hasMessageEndingWith("Fix the YAML syntax there; `ansible-inventory -i FILE --list` shows the same "
                        + "problem.");
    }

    @Test
    void listWhereAValueIsExpected() {
        assertRefused(TestInventories.threeEtcdHosts("etcd_data_dir: [/a, /b]"), "inventory hosts.yaml: etcd_data_dir "
                + "(set in all.vars in hosts.yaml) is a list, but Quorum expects a single value. Write it as one value, "
                + "for example etcd_data_dir: ....");
    }
}
