package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which address others use, which one etcd listens on, and which go into certificates, per IP stack. */
class StackAddressesTest {
    @TempDir
    Path dir;

    private Inventory read(String vars, String hosts) {
        Path file = TestInventories.write(dir, "mycluster/hosts.yaml", """
                all:
                  vars:
                %s
                  hosts:
                %s
                  children:
                    etcd:
                      hosts:
                        a:
                        b:
                        c:
                """.formatted(vars.indent(4).stripTrailing(), hosts.indent(4).stripTrailing()));
        return TestInventories.reader().read(file);
    }

    private static final String HOSTS = """
            a: {access_ip: 203.0.113.1, ip: 10.0.0.1, ip6: "fd00::1", access_ip6: "2001:db8::1"}
            b: {ip: 10.0.0.2, ip6: "fd00::2"}
            c: {ansible_host: 192.0.2.3}
            """;

    @Test
    void onIpv4OthersUseAccessIpAndEtcdListensOnIp() {
        Inventory inventory = read("cluster_name: c", HOSTS);

        InventoryHost a = inventory.host("a").orElseThrow();
        assertThat(a.address()).isEqualTo("203.0.113.1");
        assertThat(a.bindAddress()).isEqualTo("10.0.0.1");
        assertThat(a.certificateAddresses()).containsExactly("203.0.113.1", "10.0.0.1");
        assertThat(inventory.host("b").orElseThrow().certificateAddresses()).containsExactly("10.0.0.2");
        InventoryHost c = inventory.host("c").orElseThrow();
        assertThat(List.of(c.address(), c.bindAddress())).containsExactly("192.0.2.3", "192.0.2.3");
        EtcdMember member = inventory.etcdMembers().get(0);
        assertThat(member.peerUrl()).isEqualTo("https://203.0.113.1:2380");
        assertThat(member.listenPeerUrl()).isEqualTo("https://10.0.0.1:2380");
        assertThat(member.listenClientUrl()).isEqualTo("https://10.0.0.1:2379");
    }

    @Test
    void onDualStackTheIpv6AddressesGoIntoTheCertificateOnly() {
        Inventory inventory = read("ipv6_stack: true", HOSTS);

        InventoryHost a = inventory.host("a").orElseThrow();
        assertThat(a.address()).isEqualTo("203.0.113.1");
        assertThat(a.bindAddress()).isEqualTo("10.0.0.1");
        assertThat(a.certificateAddresses()).containsExactly("203.0.113.1", "10.0.0.1", "2001:db8::1", "fd00::1");
        assertThat(inventory.host("b").orElseThrow().certificateAddresses()).containsExactly("10.0.0.2", "fd00::2");
    }

    @Test
    void kubesprayOlderDualStackVariableCountsAsIpv6Stack() {
        Inventory inventory = read("enable_dual_stack_networks: true", HOSTS);

        assertThat(inventory.host("b").orElseThrow().certificateAddresses()).containsExactly("10.0.0.2", "fd00::2");
    }

    @Test
    void onAnIpv6OnlyStackEtcdUsesTheIpv6AddressesBracketedInUrls() {
        Inventory inventory = read("ipv4_stack: false\nipv6_stack: true", HOSTS);

        InventoryHost a = inventory.host("a").orElseThrow();
        assertThat(List.of(a.address(), a.bindAddress())).containsExactly("2001:db8::1", "fd00::1");
        assertThat(a.certificateAddresses()).containsExactly("2001:db8::1", "fd00::1");
        assertThat(inventory.host("c").orElseThrow().address()).isEqualTo("192.0.2.3");
        EtcdMember member = inventory.etcdMembers().get(0);
        assertThat(member.peerUrl()).isEqualTo("https://[2001:db8::1]:2380");
        assertThat(member.listenClientUrl()).isEqualTo("https://[fd00::1]:2379");
    }

    @Test
    void anIp6ThatIsNotAnIpv6AddressIsRefusedWhenReadWithWhatToGive() {
        assertThatThrownBy(() -> read("ipv6_stack: true", "a: {ip6: 10.0.0.1}\nb: {}\nc: {}"))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("ip6")
                .hasMessageContaining("is not an IPv6 address")
                .hasMessageContaining("Give the host's IPv6 address");
    }

    @Test
    void noStackAtAllIsRefusedWithTheVariableToSet() {
        assertThatThrownBy(() -> read("ipv4_stack: false", "a: {}\nb: {}\nc: {}"))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("ipv4_stack")
                .hasMessageContaining("Set ipv4_stack: true");
    }
}
