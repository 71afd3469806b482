package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IniInventoryTest {
    @TempDir
    Path dir;

    private Inventory read(String name, String text) {
        return TestInventories.reader().read(TestInventories.write(dir, name, text));
    }

    @Test
    void rangesDefineEveryHostAndPortsGoToAnsiblePort() {
        Inventory inventory = read("inventory.ini", """
                [etcd]
                etcd[01:03].example.com:2222 ansible_user=core
                """);
        assertThat(inventory.etcdMembers()).extracting(EtcdMember::hostName)
                .containsExactly("etcd01.example.com", "etcd02.example.com", "etcd03.example.com");
        InventoryHost first = inventory.host("etcd01.example.com").orElseThrow();
        assertThat(first.ssh().port()).isEqualTo(2222);
        assertThat(first.ssh().user()).isEqualTo("core");
        assertThat(first.address()).isEqualTo("etcd01.example.com");
    }

    @Test
    void quotedValuesKeepSpacesAndEquals() {
        Inventory inventory = read("inventory.ini", """
                [etcd]
                node1 ip=10.0.0.1 note="primary = yes" other='x y' text="'5000'" number="5000"
                node2 ip=10.0.0.2
                node3 ip=10.0.0.3
                """);
        assertThat(inventory.host("node1").orElseThrow().vars())
                .containsEntry("note", "primary = yes")
                .containsEntry("other", "x y")
                .containsEntry("text", "5000")
                // Ansible's shlex removes the quotes before typing, so this is a number, as in Ansible
                .containsEntry("number", 5000);
    }

    @Test
    void commentsAndBlankLines() {
        Inventory inventory = read("inventory.ini", """
                # a comment
                ; another comment

                [etcd]   # the etcd hosts
                node1 ip=10.0.0.1  # ip=10.9.9.9
                ; node9 ip=10.0.0.9
                node2 ip=10.0.0.2 etcd_member_name=e2#comment right after the value
                node3 ip=10.0.0.3
                """);
        assertThat(inventory.etcdMembers()).extracting(EtcdMember::address)
                .containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");
        assertThat(inventory.member("e2")).isPresent();
    }

    @Test
    void varsSectionsAreTypedAsAnsibleTypesThemAndStillRead() {
        Inventory inventory = read("inventory.ini", """
                [etcd]
                node1 ip=10.0.0.1 ansible_port=2200
                node2 ip=10.0.0.2 ansible_port='2201'
                node3 ip=10.0.0.3

                [etcd:vars]
                etcd_election_timeout=2500
                etcd_heartbeat_interval='250'
                quorum_allow_even_members=true
                etcd_version = v3.5.21

                [all:vars]
                ansible_user=ubuntu
                """);
        assertThat(inventory.etcd().electionMillis()).isEqualTo(2500);
        assertThat(inventory.etcd().heartbeatMillis()).isEqualTo(250);
        assertThat(inventory.etcd().version()).isEqualTo("v3.5.21");
        assertThat(inventory.allowsEvenMemberCount()).isTrue();
        assertThat(inventory.vars()).containsEntry("etcd_election_timeout", 2500)
                .containsEntry("quorum_allow_even_members", "true");
        assertThat(inventory.host("node1").orElseThrow().ssh().port()).isEqualTo(2200);
        assertThat(inventory.host("node2").orElseThrow().ssh().port()).isEqualTo(2201);
        assertThat(inventory.host("node3").orElseThrow().ssh().user()).isEqualTo("ubuntu");
    }

    @Test
    void aHostInSeveralGroupsMergesItsVariablesLaterLinesWinning() {
        Inventory inventory = read("inventory.ini", """
                node1 ip=10.0.0.1 ansible_host=1.1.1.1
                [kube_control_plane]
                node1 ansible_host=2.2.2.2 etcd_member_name=first
                [etcd]
                node1
                node2 ip=10.0.0.2
                node3 ip=10.0.0.3
                """);
        InventoryHost node1 = inventory.host("node1").orElseThrow();
        assertThat(node1.address()).isEqualTo("10.0.0.1");
        assertThat(node1.ssh().address()).isEqualTo("2.2.2.2");
        assertThat(inventory.etcdMembers().get(0).memberName()).isEqualTo("first");
    }

    @Test
    void groupVarsAndHostVarsBesideAnIniFile() {
        TestInventories.write(dir, "group_vars/all.yml", "ansible_user: admin\netcd_election_timeout: 3000\n");
        TestInventories.write(dir, "group_vars/etcd.yml", "etcd_heartbeat_interval: 300\n");
        TestInventories.write(dir, "host_vars/node2.yml", "ansible_host: 192.0.2.2\n");
        Inventory inventory = read("inventory.ini", """
                [etcd]
                node1 ip=10.0.0.1
                node2 ip=10.0.0.2
                node3 ip=10.0.0.3
                [etcd:vars]
                etcd_election_timeout=9000
                """);
        // group_vars/all beats the inventory file's group vars, as in Ansible and as for YAML
        assertThat(inventory.etcd().electionMillis()).isEqualTo(3000);
        assertThat(inventory.etcd().heartbeatMillis()).isEqualTo(300);
        assertThat(inventory.host("node2").orElseThrow().ssh().address()).isEqualTo("192.0.2.2");
        assertThat(inventory.host("node3").orElseThrow().ssh().user()).isEqualTo("admin");
    }

    @Test
    void chosenByContentWithoutTheIniExtension() {
        Inventory inventory = read("hosts", """
                [etcd]
                node1 ip=10.0.0.1
                node2 ip=10.0.0.2
                node3 ip=10.0.0.3
                """);
        assertThat(inventory.etcdMembers()).hasSize(3);
    }

    @Test
    void theOldIniFixtureIsReadNow() {
        Inventory inventory = TestInventories.reader().read(TestInventories.fixture("ini/hosts.ini"));
        assertThat(inventory.etcdMembers()).extracting(EtcdMember::address).containsExactly("10.3.0.1", "10.3.0.2");
        assertThat(inventory.host("node1").map(h -> h.ssh().address())).isEqualTo(Optional.of("95.54.0.12"));
    }

    @Test
    void hostsOutsideAnyGroupAreUngroupedAndGetThatGroupsVars() {
        TestInventories.write(dir, "group_vars/ungrouped.yml", "quorum_note: loose\n");
        Inventory inventory = read("inventory.ini", """
                spare ip=10.0.0.9
                [etcd]
                node1 ip=10.0.0.1
                node2 ip=10.0.0.2
                node3 ip=10.0.0.3
                """);
        assertThat(inventory.hosts()).extracting(InventoryHost::name).containsExactly("spare", "node1", "node2", "node3");
        assertThat(inventory.host("spare").orElseThrow().vars()).containsEntry("quorum_note", "loose");
        assertThat(inventory.host("node1").orElseThrow().vars()).doesNotContainKey("quorum_note");
    }

    @Test
    void aYamlInventoryStaysYamlWhateverItsNameOrASectionLikeLine() {
        String yaml = """
                all:
                  vars:
                    quorum_note: |
                      [etcd]
                  hosts:
                    node1: {ip: 10.0.0.1}
                  children:
                    etcd:
                      hosts:
                        node1:
                """;
        Inventory named = read("hosts.ini", yaml);
        Inventory plain = read("hosts.yaml", yaml);
        assertThat(named.vars()).containsEntry("quorum_note", "[etcd]\n");
        assertThat(named.hosts()).isEqualTo(plain.hosts());
        assertThat(named.etcdMembers()).isEqualTo(plain.etcdMembers());
    }
}
