package dev.quorum.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.etcd.EtcdRoute;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which members a session tunnels and why, with the client-port probe replaced by a fixed answer. */
class EtcdRouterTest {
    @TempDir
    Path dir;

    private Inventory inventory(String vars) throws Exception {
        Path file = dir.resolve("hosts.yaml");
        Files.writeString(file, """
                all:
                  vars:
                    ansible_user: root
                %s
                  hosts:
                    node1: {ip: 10.0.0.1}
                    node2: {ip: 10.0.0.2}
                    node3: {ip: "fd00::3"}
                  children:
                    etcd:
                      hosts:
                        node1:
                        node2:
                        node3:
                """.formatted(vars.isBlank() ? "    x_unused: 1" : vars.indent(4).stripTrailing()));
        return new InventoryReader().read(file);
    }

    private final List<String> probed = new ArrayList<>();

    private EtcdRouter router(Inventory inventory, EtcdRoutePolicy policy, Set<String> blocked) {
        return new EtcdRouter(inventory, policy, address -> {
            synchronized (probed) {
                probed.add(address);
            }
            return blocked.contains(address) ? Optional.of("timed out after 3 s") : Optional.empty();
        });
    }

    @Test
    void autoTunnelsOnlyTheMembersWhoseClientPortDoesNotAnswer() throws Exception {
        Inventory inventory = inventory("");
        EtcdRoutes routes = router(inventory, EtcdRoutePolicy.AUTO, Set.of("10.0.0.2")).routes(inventory.etcdMembers());

        assertThat(routes.byHost()).containsExactly(Map.entry("node1", EtcdRoute.DIRECT),
                Map.entry("node2", EtcdRoute.SSH_TUNNEL), Map.entry("node3", EtcdRoute.DIRECT));
        assertThat(routes.reason()).contains(TunnelReason.CLIENT_PORT_UNREACHABLE);
        assertThat(routes.tunnelled()).containsExactly("node2");
        assertThat(routes.allTunnelled()).isFalse();
    }

    @Test
    void eachHostIsProbedOncePerSession() throws Exception {
        Inventory inventory = inventory("");
        EtcdRouter router = router(inventory, EtcdRoutePolicy.AUTO, Set.of());
        router.routes(inventory.etcdMembers());
        router.routes(inventory.etcdMembers());
        router.route(inventory.etcdMembers().get(0).host());

        assertThat(probed).containsExactlyInAnyOrder("10.0.0.1", "10.0.0.2", "fd00::3");
    }

    @Test
    void allDirectNeedsNoReason() throws Exception {
        Inventory inventory = inventory("");
        EtcdRoutes routes = router(inventory, EtcdRoutePolicy.AUTO, Set.of()).routes(inventory.etcdMembers());

        assertThat(routes.anyTunnelled()).isFalse();
        assertThat(routes.reason()).isEmpty();
    }

    @Test
    void directOnlyNeverProbesNorTunnels() throws Exception {
        Inventory inventory = inventory("");
        EtcdRoutes routes = router(inventory, EtcdRoutePolicy.DIRECT_ONLY, Set.of("10.0.0.1"))
                .routes(inventory.etcdMembers());

        assertThat(routes.anyTunnelled()).isFalse();
        assertThat(probed).isEmpty();
    }

    @Test
    void aRequestTunnelsEveryMemberWithoutProbing() throws Exception {
        Inventory inventory = inventory("");
        EtcdRoutes routes = router(inventory, EtcdRoutePolicy.SSH_ALWAYS, Set.of()).routes(inventory.etcdMembers());

        assertThat(routes.allTunnelled()).isTrue();
        assertThat(routes.reason()).contains(TunnelReason.REQUESTED);
        assertThat(probed).isEmpty();
    }

    @Test
    void theInventoryVariableWinsOverADirectOnlySession() throws Exception {
        Inventory inventory = inventory("quorum_etcd_via_ssh: true");
        EtcdRoutes routes = router(inventory, EtcdRoutePolicy.DIRECT_ONLY, Set.of()).routes(inventory.etcdMembers());

        assertThat(routes.allTunnelled()).isTrue();
        assertThat(routes.reason()).contains(TunnelReason.INVENTORY);
    }

    @Test
    void clientUrlsAreMatchedToTheirHostsByAddressAndPort() throws Exception {
        EtcdRouter router = router(inventory(""), EtcdRoutePolicy.AUTO, Set.of());

        assertThat(router.hostAt("https://10.0.0.2:2379").map(h -> h.name())).contains("node2");
        assertThat(router.hostAt("https://[fd00::3]:2379").map(h -> h.name())).contains("node3");
        assertThat(router.hostAt("https://[FD00::3]:2379/").map(h -> h.name())).contains("node3");
        assertThat(router.hostAt("https://10.0.0.2:2380")).isEmpty();
        assertThat(router.hostAt("https://10.9.9.9:2379")).isEmpty();
        assertThat(router.hostAt("not a url")).isEmpty();
    }
}
