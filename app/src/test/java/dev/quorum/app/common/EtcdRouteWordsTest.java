package dev.quorum.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.EtcdRoutes;
import dev.quorum.core.cluster.TunnelReason;
import dev.quorum.core.etcd.EtcdRoute;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EtcdRouteWordsTest {
    private static EtcdRoutes routes(Optional<TunnelReason> reason, EtcdRoute... perHost) {
        Map<String, EtcdRoute> byHost = new LinkedHashMap<>();
        for (int i = 0; i < perHost.length; i++) {
            byHost.put("n" + (i + 1), perHost[i]);
        }
        return new EtcdRoutes(byHost, reason);
    }

    @Test
    void allDirectSaysNothing() {
        EtcdRoutes direct = routes(Optional.empty(), EtcdRoute.DIRECT, EtcdRoute.DIRECT);
        assertThat(EtcdRouteWords.line(direct)).isEmpty();
        assertThat(EtcdRouteWords.header(direct)).isEmpty();
    }

    @Test
    void allTunnelledNamesTheReason() {
        assertThat(EtcdRouteWords.line(routes(Optional.of(TunnelReason.CLIENT_PORT_UNREACHABLE),
                EtcdRoute.SSH_TUNNEL, EtcdRoute.SSH_TUNNEL)))
                .contains("etcd reached through SSH tunnels (client port 2379 not reachable from here)");
        assertThat(EtcdRouteWords.line(routes(Optional.of(TunnelReason.INVENTORY), EtcdRoute.SSH_TUNNEL)))
                .contains("etcd reached through SSH tunnels (quorum_etcd_via_ssh: true in the inventory)");
        assertThat(EtcdRouteWords.line(routes(Optional.of(TunnelReason.REQUESTED), EtcdRoute.SSH_TUNNEL)))
                .contains("etcd reached through SSH tunnels (--etcd-via-ssh)");
        assertThat(EtcdRouteWords.header(routes(Optional.of(TunnelReason.REQUESTED), EtcdRoute.SSH_TUNNEL)))
                .isEqualTo("etcd through SSH tunnels");
    }

    @Test
    void aMixNamesWhichMembersGoWhichWay() {
        EtcdRoutes mixed = routes(Optional.of(TunnelReason.CLIENT_PORT_UNREACHABLE),
                EtcdRoute.DIRECT, EtcdRoute.SSH_TUNNEL, EtcdRoute.DIRECT);
        assertThat(EtcdRouteWords.line(mixed)).contains("etcd reached through SSH tunnels on n2 (client port 2379 "
                + "not reachable from here); directly on n1, n3");
        assertThat(EtcdRouteWords.header(mixed)).isEqualTo("etcd through SSH tunnels on n2");
    }
}
