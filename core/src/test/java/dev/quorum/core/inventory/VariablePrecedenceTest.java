package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariablePrecedenceTest {
    private final Inventory inventory = TestInventories.reader().read(TestInventories.fixture("precedence/hosts.yaml"));

    @Test
    void groupVarsAllOverridesAllVarsInTheInventoryFile() {
        assertThat(inventory.etcd().dataDir()).isEqualTo("/from/group-vars-all");
    }

    @Test
    void anyGroupVarsFileOverridesGroupVarsWrittenInTheInventoryFile() {
        // Ansible: inventory-file group vars < group_vars/all < group_vars/GROUP
        assertThat(inventory.etcd().certDir()).isEqualTo("/from/group-vars-all");
        assertThat(inventory.etcd().binDir()).isEqualTo("/from/group-vars-etcd");
    }

    @Test
    void etcdGroupVarsInTheInventoryFileOverrideAllVars() {
        assertThat(inventory.etcd().version()).isEqualTo("v3.5.11");
    }

    @Test
    void groupVarsDirectoryFilesApplyInSortedOrder() {
        assertThat(inventory.etcd().heartbeatMillis()).isEqualTo(200);
        assertThat(inventory.etcd().electionMillis()).isEqualTo(3000);
    }

    @Test
    void hostVariablesOverrideGroupVariables() {
        assertThat(inventory.host("node1").orElseThrow().ssh().user()).isEqualTo("root1");
        assertThat(inventory.host("node2").orElseThrow().ssh().user()).isEqualTo("root2");
        assertThat(inventory.host("node3").orElseThrow().ssh().user()).isEqualTo("etcdadmin");
    }

    @Test
    void childGroupsOverrideTheirParents() {
        assertThat(inventory.host("node1").orElseThrow().ssh().port()).isEqualTo(2201);
        assertThat(inventory.host("node2").orElseThrow().ssh().port()).isEqualTo(2200);
        assertThat(inventory.host("node3").orElseThrow().ssh().port()).isEqualTo(2200);
    }

    @Test
    void hostDeclaredOnlyInsideAGroupIsDefinedAndMerged() {
        InventoryHost node3 = inventory.host("node3").orElseThrow();
        assertThat(node3.address()).isEqualTo("192.168.10.13");
        assertThat(inventory.hosts()).extracting(InventoryHost::name).containsExactly("node1", "node2", "node3");
    }

    @Test
    void hostVarsFromSeveralPlacesAreMerged(@TempDir Path dir) {
        Path file = TestInventories.write(dir, "hosts.yaml", """
                all:
                  hosts:
                    node1: {ansible_host: 192.0.2.1, ansible_user: first}
                  children:
                    etcd:
                      hosts:
                        node1: {ip: 10.0.0.1, ansible_user: second}
                """);
        InventoryHost node1 = TestInventories.reader().read(file).host("node1").orElseThrow();
        assertThat(node1.address()).isEqualTo("10.0.0.1");
        assertThat(node1.ssh().address()).isEqualTo("192.0.2.1");
        assertThat(node1.ssh().user()).isEqualTo("second");
    }

    @Test
    void aGroupVarsDirectoryHidesTheFileOfTheSameNameAsInAnsible(@TempDir Path dir) {
        Path file = TestInventories.write(dir, "hosts.yaml", TestInventories.threeEtcdHosts(""));
        TestInventories.write(dir, "group_vars/all.yml", "etcd_data_dir: /from/file\nbin_dir: /from/file\n");
        TestInventories.write(dir, "group_vars/all/b.yaml", "etcd_data_dir: /from/dir-b\n");
        TestInventories.write(dir, "group_vars/all/a.yml", "etcd_data_dir: /from/dir-a\n");
        TestInventories.write(dir, "group_vars/all/README.md", "not yaml: [\n");
        EtcdSettings etcd = TestInventories.reader().read(file).etcd();
        assertThat(etcd.dataDir()).isEqualTo("/from/dir-b");
        assertThat(etcd.binDir()).isEqualTo(EtcdSettings.DEFAULT_BIN_DIR);
    }

    @Test
    void groupVarsAcceptTheYamlExtensionAndNestedEtcdGroups(@TempDir Path dir) {
        Path file = TestInventories.write(dir, "hosts.yaml", """
                all:
                  hosts:
                    a1: {ip: 10.0.0.1}
                    b1: {ip: 10.0.0.2}
                    b2: {ip: 10.0.0.3}
                  children:
                    etcd:
                      children:
                        etcd_site_b:
                          hosts:
                            b1:
                            b2:
                        etcd_site_a:
                          hosts:
                            a1:
                """);
        TestInventories.write(dir, "group_vars/etcd.yaml", "etcd_data_dir: /data/etcd\n");
        Inventory inventory = TestInventories.reader().read(file);
        assertThat(inventory.etcd().dataDir()).isEqualTo("/data/etcd");
        assertThat(inventory.etcdMembers()).extracting(EtcdMember::hostName).containsExactly("b1", "b2", "a1");
        assertThat(inventory.etcdMembers()).extracting(EtcdMember::memberName).containsExactly("etcd1", "etcd2", "etcd3");
    }
}
