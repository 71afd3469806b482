package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An etcd variable set for one member, differently from the etcd group, is refused when the inventory is read. */
class ClusterWideVariablesTest {
    @TempDir
    Path dir;

    @Test
    void aMembersHostVarsFileWithItsOwnLogLevelIsRefusedNamingTheFileAndWhatToDo() {
        Path file = TestInventories.write(dir, "hosts.yaml", TestInventories.threeEtcdHosts("etcd_log_level: info"));
        TestInventories.write(dir, "host_vars/node2.yml", "etcd_log_level: debug\n");

        assertThatThrownBy(() -> TestInventories.reader().read(file))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("etcd_log_level (set in host_vars/node2)")
                .hasMessageContaining("is \"debug\" for member host node2, but \"info\" for the etcd group (set in all.vars")
                .hasMessageContaining("set it once for the etcd group (group_vars/etcd or group_vars/all)");
    }

    @Test
    void aVariableOnlyOneMemberSetsIsRefusedAgainstKubesprayDefault() {
        Path file = TestInventories.write(dir, "hosts.yaml", """
                all:
                  hosts:
                    node1: {ip: 10.0.0.1}
                    node2: {ip: 10.0.0.2, etcd_data_dir: /data/etcd}
                    node3: {ip: 10.0.0.3}
                  children:
                    etcd:
                      hosts: {node1: , node2: , node3: }
                """);

        assertThatThrownBy(() -> TestInventories.reader().read(file))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("etcd_data_dir (set in host node2 in hosts.yaml) is \"/data/etcd\" for member "
                        + "host node2, but \"/var/lib/etcd\" for the etcd group (Kubespray's default)");
    }

    @Test
    void aGroupThatHoldsOnlySomeMembersMayNotSetAClusterWideVariable() {
        Path file = TestInventories.write(dir, "hosts.yaml", TestInventories.threeEtcdHosts("") + """
                    kube_control_plane:
                      hosts: {node1: }
                """.indent(0));
        TestInventories.write(dir, "group_vars/kube_control_plane.yml", "etcd_snapshot_count: 5000\n");

        assertThatThrownBy(() -> TestInventories.reader().read(file))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("etcd_snapshot_count (set in group_vars/kube_control_plane)")
                .hasMessageContaining("member host node1");
    }

    @Test
    void theSameValueRepeatedForAMemberAndPerHostVariablesAreAccepted() {
        Path file = TestInventories.write(dir, "hosts.yaml", TestInventories.threeEtcdHosts("etcd_log_level: warn"));
        TestInventories.write(dir, "host_vars/node1.yml", "etcd_log_level: warn\netcd_member_name: first\n");

        Inventory inventory = TestInventories.reader().read(file);

        assertThat(inventory.etcd().tuning().logLevel()).contains("warn");
        assertThat(inventory.etcdMembers().get(0).memberName()).isEqualTo("first");
    }
}
