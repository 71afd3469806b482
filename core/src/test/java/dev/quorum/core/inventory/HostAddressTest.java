package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostAddressTest {
    @TempDir
    Path dir;

    private Inventory read(String hosts) {
        Path file = TestInventories.write(dir, "mycluster/hosts.yaml", """
                all:
                  hosts:
                %s
                  children:
                    etcd:
                      hosts:
                        a:
                        b:
                        c:
                        d:
                """.formatted(hosts.indent(4).stripTrailing()));
        return TestInventories.reader().read(file);
    }

    @Test
    void addressIsAccessIpThenIpThenAnsibleHostThenName() {
        Inventory inventory = read("""
                a: {access_ip: 10.0.0.1, ip: 10.1.0.1, ansible_host: 192.0.2.1}
                b: {ip: 10.1.0.2, ansible_host: 192.0.2.2}
                c: {ansible_host: 192.0.2.3}
                d: {}
                """);
        assertThat(inventory.etcdMembers()).extracting(EtcdMember::address)
                .containsExactly("10.0.0.1", "10.1.0.2", "192.0.2.3", "d");
        assertThat(inventory.etcdMembers()).extracting(m -> m.host().ssh().address())
                .containsExactly("192.0.2.1", "192.0.2.2", "192.0.2.3", "d");
    }

    @Test
    void sshSettingsComeFromAnsibleVariables() {
        Inventory inventory = read("""
                a: {ansible_host: 192.0.2.1, ansible_port: 2222, ansible_user: admin, ansible_ssh_private_key_file: ~/.ssh/id_ed25519}
                b: {ansible_host: 192.0.2.2, ansible_port: "2223", ansible_ssh_private_key_file: keys/b.pem}
                c: {ansible_ssh_host: 192.0.2.3, ansible_ssh_port: 2224, ansible_ssh_user: legacy, ansible_private_key_file: /etc/quorum/c.key}
                d: {ansible_host: 192.0.2.4, ansible_ssh_private_key_file: ../shared/d.key}
                """);
        InventoryHost a = inventory.host("a").orElseThrow();
        assertThat(a.ssh().port()).isEqualTo(2222);
        assertThat(a.ssh().user()).isEqualTo("admin");
        assertThat(a.ssh().privateKey()).contains(TestInventories.HOME.resolve(".ssh/id_ed25519"));
        InventoryHost b = inventory.host("b").orElseThrow();
        assertThat(b.ssh().port()).isEqualTo(2223);
        assertThat(b.ssh().user()).isEqualTo(TestInventories.USER);
        assertThat(b.ssh().privateKey()).contains(dir.resolve("mycluster/keys/b.pem"));
        InventoryHost c = inventory.host("c").orElseThrow();
        assertThat(c.ssh().address()).isEqualTo("192.0.2.3");
        assertThat(c.ssh().port()).isEqualTo(2224);
        assertThat(c.ssh().user()).isEqualTo("legacy");
        assertThat(c.ssh().privateKey()).contains(Path.of("/etc/quorum/c.key"));
        assertThat(inventory.host("d").orElseThrow().ssh().privateKey()).contains(dir.resolve("shared/d.key"));
    }

    @Test
    void sshUserAndKeyMayComeFromGroupVariables() {
        Path file = TestInventories.write(dir, "hosts.yaml", TestInventories.threeEtcdHosts("""
                ansible_user: ubuntu
                ansible_ssh_private_key_file: "{{ inventory_dir }}/id_rsa"
                """));
        Inventory inventory = TestInventories.reader().read(file);
        assertThat(inventory.hosts()).allSatisfy(h -> {
            assertThat(h.ssh().user()).isEqualTo("ubuntu");
            assertThat(h.ssh().privateKey()).isEqualTo(Optional.of(dir.resolve("id_rsa")));
        });
    }

    @Test
    void ipv6AddressesAreBracketedInUrls() {
        Inventory inventory = read("""
                a: {ip: "fd00::1"}
                b: {ip: "fd00::2"}
                c: {ip: "fd00::3"}
                d: {ip: "fd00::4"}
                """);
        assertThat(inventory.etcdMembers().get(0).clientUrl()).isEqualTo("https://[fd00::1]:2379");
    }
}
