package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.remote.JumpHost;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every form of jump host an inventory may declare, read into the hosts' SSH targets. */
class JumpHostInventoryTest {
    @TempDir
    Path dir;

    private Inventory yamlWithArgs(String args) {
        return TestInventories.reader().read(TestInventories.write(dir, "hosts.yaml",
                TestInventories.threeEtcdHosts("ansible_ssh_common_args: '" + args.replace("'", "''") + "'")));
    }

    private static Optional<JumpHost> jumpOf(Inventory inventory, String host) {
        return inventory.host(host).orElseThrow().ssh().jump();
    }

    @Test
    void noArgumentsMeansDirect() {
        Inventory inventory = TestInventories.reader().read(TestInventories.write(dir, "hosts.yaml",
                TestInventories.threeEtcdHosts("")));
        assertThat(jumpOf(inventory, "node1")).isEmpty();
        assertThat(inventory.etcdJumps()).isEmpty();
    }

    @Test
    void dashJWithUserHostAndPort() {
        Inventory inventory = yamlWithArgs("-J ops@203.0.113.5:2222");
        assertThat(jumpOf(inventory, "node2")).contains(new JumpHost("203.0.113.5", 2222, "ops", Optional.empty()));
        assertThat(inventory.etcdJumps()).extracting(JumpHost::spec).containsExactly("ops@203.0.113.5:2222");
    }

    @Test
    void dashJWrittenTogetherWithoutUserOrPortTakesTheDefaults() {
        assertThat(jumpOf(yamlWithArgs("-Jbastion.example.com"), "node1"))
                .contains(new JumpHost("bastion.example.com", 22, TestInventories.USER, Optional.empty()));
    }

    @Test
    void proxyJumpOptionBesideOtherOptions() {
        assertThat(jumpOf(yamlWithArgs("-o StrictHostKeyChecking=no -o ProxyJump=ops@[2001:db8::5]:22 -C"), "node3"))
                .contains(new JumpHost("2001:db8::5", 22, "ops", Optional.empty()));
    }

    @Test
    void proxyCommandAsKubesprayWritesIt() {
        Inventory inventory = yamlWithArgs("-o ProxyCommand='ssh -o UserKnownHostsFile=/dev/null "
                + "-o StrictHostKeyChecking=no -W %h:%p -p 2200 admin@198.51.100.7 -i ~/.ssh/bastion_key'");
        assertThat(jumpOf(inventory, "node1")).contains(new JumpHost("198.51.100.7", 2200, "admin",
                Optional.of(TestInventories.HOME.resolve(".ssh/bastion_key"))));
    }

    @Test
    void proxyCommandInDoubleQuotesWithQuietAndLoginName() {
        assertThat(jumpOf(yamlWithArgs("-o ProxyCommand=\"/usr/bin/ssh -q -W %h:%p -l ops -F /dev/null jump1\""),
                "node1")).contains(new JumpHost("jump1", 22, "ops", Optional.empty()));
    }

    @Test
    void proxyJumpNoneInHostVarsOverridesTheGroupsJump() {
        Path file = TestInventories.write(dir, "hosts.yaml", """
                all:
                  vars:
                    ansible_ssh_common_args: -J ops@203.0.113.5
                  hosts:
                    node1: {ip: 10.0.0.1, ansible_ssh_common_args: -o ProxyJump=none}
                    node2: {ip: 10.0.0.2}
                  children:
                    etcd:
                      hosts: {node1: , node2: }
                """);
        Inventory inventory = TestInventories.reader().read(file);
        assertThat(jumpOf(inventory, "node1")).isEmpty();
        assertThat(jumpOf(inventory, "node2")).map(JumpHost::address).contains("203.0.113.5");
    }

    @Test
    void argumentsFromGroupVarsReferencingAVariable() {
        Path file = TestInventories.write(dir, "hosts.yaml", TestInventories.threeEtcdHosts(""));
        TestInventories.write(dir, "group_vars/etcd.yml", """
                bastion_ip: 192.0.2.9
                ansible_ssh_common_args: "-o ProxyJump=core@{{ bastion_ip }}:22"
                """);
        assertThat(jumpOf(TestInventories.reader().read(file), "node1"))
                .contains(new JumpHost("192.0.2.9", 22, "core", Optional.empty()));
    }

    @Test
    void kubesprayBastionGroupInIniAppliesToEveryOtherHost() {
        Path file = TestInventories.write(dir, "inventory.ini", """
                [bastion]
                bastion ansible_host=203.0.113.5 ansible_port=2222 ansible_user=ops ansible_ssh_private_key_file=keys/bastion

                [etcd]
                node1 ansible_host=10.0.0.1 ip=10.0.0.1
                node2 ansible_host=10.0.0.2 ip=10.0.0.2
                node3 ansible_host=10.0.0.3 ip=10.0.0.3
                """);
        Inventory inventory = TestInventories.reader().read(file);
        JumpHost bastion = new JumpHost("203.0.113.5", 2222, "ops", Optional.of(dir.resolve("keys/bastion")));
        assertThat(inventory.etcdMembers()).allSatisfy(m -> assertThat(m.host().ssh().jump()).contains(bastion));
        assertThat(inventory.hosts()).extracting(InventoryHost::name).containsExactly("node1", "node2", "node3");
        assertThat(inventory.etcdJumps()).containsExactly(bastion);
    }

    @Test
    void aHostsOwnArgumentsBeatTheKubesprayBastion() {
        Path file = TestInventories.write(dir, "inventory.ini", """
                [bastion]
                bastion ansible_host=203.0.113.5

                [etcd]
                node1 ip=10.0.0.1 ansible_ssh_common_args='-J ops@198.51.100.1'
                node2 ip=10.0.0.2
                """);
        Inventory inventory = TestInventories.reader().read(file);
        assertThat(jumpOf(inventory, "node1")).map(JumpHost::address).contains("198.51.100.1");
        assertThat(jumpOf(inventory, "node2"))
                .contains(new JumpHost("203.0.113.5", 22, TestInventories.USER, Optional.empty()));
    }

    @Test
    void iniHostLineWithQuotedProxyCommand() {
        Path file = TestInventories.write(dir, "inventory.ini", """
                [etcd]
                node1 ip=10.0.0.1 ansible_ssh_common_args='-o ProxyCommand="ssh -W %h:%p -q ops@203.0.113.5 -p 2022"'
                """);
        assertThat(jumpOf(TestInventories.reader().read(file), "node1"))
                .contains(new JumpHost("203.0.113.5", 2022, "ops", Optional.empty()));
    }

    @Test
    void aJumpGivenOnTheCommandLineReplacesTheInventorysForEveryHost() {
        JumpHost cli = JumpSpecs.parse("me@192.0.2.1:2022", "ignored");
        Inventory inventory = yamlWithArgs("-J ops@203.0.113.5").withJump(cli);
        assertThat(inventory.hosts()).allSatisfy(h -> assertThat(h.ssh().jump()).contains(cli));
        assertThat(inventory.etcdJumps()).containsExactly(cli);
        assertThat(cli).isEqualTo(new JumpHost("192.0.2.1", 2022, "me", Optional.empty()));
    }

    @Test
    void kubesprayBastionInYamlWithTheGroupAndHostOfTheSameName() {
        Path file = TestInventories.write(dir, "hosts.yaml", """
                all:
                  hosts:
                    node1: {ansible_host: 10.0.0.1}
                  children:
                    bastion:
                      hosts:
                        bastion: {ansible_host: 203.0.113.5, ansible_user: ops}
                    etcd:
                      hosts:
                        node1:
                """);
        Inventory inventory = TestInventories.reader().read(file);
        assertThat(inventory.hosts()).extracting(InventoryHost::name).containsExactly("node1");
        assertThat(jumpOf(inventory, "node1")).contains(new JumpHost("203.0.113.5", 22, "ops", Optional.empty()));
    }
}
