package dev.quorum.core.lifecycle.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replace in the events cluster acts on its members, files and service only (decision 0038); no host, no root. */
class EventsMemberPlanTest {
    @TempDir
    Path dir;

    private static MemberInfo member(long id, String name, String ip) {
        return new MemberInfo(id, name, List.of("https://" + ip + ":2382"), List.of("https://" + ip + ":2383"), false);
    }

    @Test
    void replaceNamesTheNewEventsMemberAndTouchesOnlyTheEventsFilesAndService() throws Exception {
        ClusterSession main = PlanShapes.offlineSession(dir, 4, 3,
                "      vars:\n        etcd_events_cluster_enabled: true\n");
        Inventory eventsInventory = main.inventory().eventsCluster().orElseThrow();
        ClusterSession events = main.sibling(eventsInventory);
        LiveCluster live = LiveCluster.of(eventsInventory, List.of(member(1, "etcd1-events", "127.88.0.1"),
                member(2, "etcd2-events", "127.88.0.2"), member(3, "etcd3-events", "127.88.0.3")));

        MemberChange change = MemberPlanner.replace(events, live, new ReplaceRequest("etcd3-events", "node4", false));

        assertThat(live.members()).extracting(EtcdMember::hostName).containsExactly("node1", "node2", "node3");
        assertThat(change.membersAfter()).extracting(EtcdMember::memberName)
                .containsExactly("etcd1-events", "etcd2-events", "etcd4-events");
        assertThat(change.membersAfter()).extracting(EtcdMember::clientUrl).contains("https://127.88.0.4:2383");
        List<String> previews = change.plan().steps().stream()
                .flatMap((PlannedStep s) -> s.targets().stream().flatMap(t -> s.step().preview(t).stream())).toList();
        assertThat(previews).anySatisfy(line -> assertThat(line).contains("systemctl stop etcd-events"))
                .anySatisfy(line -> assertThat(line).contains("/etc/etcd-events.env"))
                .anySatisfy(line -> assertThat(line).contains("systemctl start etcd-events"))
                .noneSatisfy(line -> assertThat(line).containsPattern("systemctl [a-z -]*etcd($|[ ;&])"))
                .noneSatisfy(line -> assertThat(line).contains("/etc/etcd.env"));
    }
}
