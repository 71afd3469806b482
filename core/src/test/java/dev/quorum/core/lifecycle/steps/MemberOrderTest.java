package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.remote.SshTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ETCD_INITIAL_CLUSTER must not depend on the order a member list or a life-cycle happened to give. */
class MemberOrderTest {
    private static InventoryHost host(String name, String address) {
        return new InventoryHost(name, address, new SshTarget(address, 22, "root", Optional.empty()), Map.of());
    }

    private static final InventoryHost N1 = host("n1", "10.0.0.1");
    private static final InventoryHost N2 = host("n2", "10.0.0.2");
    private static final InventoryHost N3 = host("n3", "10.0.0.3");
    private static final InventoryHost SPARE = host("spare", "10.0.0.4");
    private static final InventoryHost ELSEWHERE = host("(not in inventory: old)", "10.0.0.9");

    private static final Inventory INVENTORY = new Inventory(Path.of("hosts.yaml"), "test",
            List.of(N1, N2, N3, SPARE), List.of(new EtcdMember(N2, "etcd1"), new EtcdMember(N1, "etcd2"),
            new EtcdMember(N3, "etcd3")), null, Map.of());

    @Test
    void theEtcdGroupsOrderComesFirstThenAllHostsThenTheRest() {
        List<EtcdMember> shuffled = List.of(new EtcdMember(ELSEWHERE, "old"), new EtcdMember(SPARE, "etcd4"),
                new EtcdMember(N3, "etcd3"), new EtcdMember(N1, "etcd2"), new EtcdMember(N2, "etcd1"));

        List<String> ordered = LifecycleSession.inventoryOrder(INVENTORY, shuffled).stream()
                .map(EtcdMember::memberName).toList();

        assertThat(ordered).containsExactly("etcd1", "etcd2", "etcd3", "etcd4", "old");
    }

    @Test
    void theSameMembersInAnyOrderGiveTheSameOrder() {
        List<EtcdMember> one = List.of(new EtcdMember(SPARE, "etcd4"), new EtcdMember(N1, "etcd2"));
        List<EtcdMember> other = List.of(new EtcdMember(N1, "etcd2"), new EtcdMember(SPARE, "etcd4"));

        assertThat(LifecycleSession.inventoryOrder(INVENTORY, one))
                .isEqualTo(LifecycleSession.inventoryOrder(INVENTORY, other));
    }
}
