package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberNamesTest {
    @TempDir
    Path dir;

    private Path inventory(String node2Vars, String node3Vars) {
        return TestInventories.write(dir, "hosts.yaml", """
                all:
                  hosts:
                    node1: {ip: 10.0.0.1}
                    node2: %s
                    node3: %s
                  children:
                    etcd:
                      hosts:
                        node3:
                        node1:
                        node2:
                """.formatted(node2Vars, node3Vars));
    }

    @Test
    void defaultNamesFollowTheEtcdGroupOrder() {
        Inventory inventory = TestInventories.reader().read(inventory("{ip: 10.0.0.2}", "{ip: 10.0.0.3}"));
        assertThat(inventory.etcdMembers()).extracting(m -> m.hostName() + "=" + m.memberName())
                .containsExactly("node3=etcd1", "node1=etcd2", "node2=etcd3");
        assertThat(inventory.member("etcd1").orElseThrow().hostName()).isEqualTo("node3");
        assertThat(inventory.member("node1").orElseThrow().memberName()).isEqualTo("etcd2");
    }

    @Test
    void etcdMemberNameOverridesTheDefault() {
        Inventory inventory = TestInventories.reader().read(
                inventory("{ip: 10.0.0.2, etcd_member_name: \"etcd-{{ inventory_hostname }}\"}", "{ip: 10.0.0.3}"));
        assertThat(inventory.etcdMembers()).extracting(EtcdMember::memberName)
                .containsExactly("etcd1", "etcd2", "etcd-node2");
    }

    @Test
    void duplicateMemberNamesAreRefused() {
        assertThatThrownBy(() -> TestInventories.reader().read(
                inventory("{ip: 10.0.0.2, etcd_member_name: etcd1}", "{ip: 10.0.0.3}")))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory hosts.yaml: etcd hosts node3 and node2 both have the member name etcd1. "
                        + "Give each etcd host its own etcd_member_name, or remove etcd_member_name to use "
                        + "Kubespray's etcd1, etcd2, ... names.");
    }

    @Test
    void duplicateAddressesAreRefused() {
        assertThatThrownBy(() -> TestInventories.reader().read(
                inventory("{ip: 10.0.0.2}", "{ip: 10.0.0.9, access_ip: 10.0.0.2}")))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("etcd hosts node3 and node2 both have the address 10.0.0.2")
                .hasMessageContaining("correct access_ip, ip or ansible_host of one of them.");
    }

    @Test
    void memberNamesEtcdCannotCarryAreRefused() {
        assertThatThrownBy(() -> TestInventories.reader().read(
                inventory("{ip: 10.0.0.2, etcd_member_name: \"etcd 2,x\"}", "{ip: 10.0.0.3}")))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory hosts.yaml: etcd_member_name (set in host node2 in hosts.yaml) of host node2 "
                        + "is \"etcd 2,x\", which contains a space; a member name may only hold letters, digits, dot, "
                        + "dash and underscore. Give it a name such as etcd3, or remove etcd_member_name to use "
                        + "Kubespray's etcd1, etcd2, ... names.");
        assertThatThrownBy(() -> TestInventories.reader().read(
                inventory("{ip: 10.0.0.2, etcd_member_name: \"etcd2,x\"}", "{ip: 10.0.0.3}")))
                .hasMessageContaining("is \"etcd2,x\", which has a character other than letters, digits, dot, dash "
                        + "and underscore");
    }
}
