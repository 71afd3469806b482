package dev.quorum.app.charts;

import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.MemberStatus;
import java.util.List;
import java.util.Optional;

/** Two members' status with the given one leading. */
final class StatusFixtures {
    private StatusFixtures() {
    }

    static ClusterStatus status(long leader) {
        return new ClusterStatus(List.of(member(1, leader), member(2, leader)), List.of(), List.of(), true, "");
    }

    private static MemberStatus member(int i, long leader) {
        String url = "https://10.0.0." + i + ":2379";
        return new MemberStatus("node" + i, "etcd" + i, url,
                Optional.of(new EndpointStatus(url, i, "3.6.14", leader, 2, 10, 10, 1, 1, false, List.of())), "");
    }
}
