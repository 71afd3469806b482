package dev.quorum.core.lifecycle.members;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.labtest.KeyValues;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new member behind a thin link needs longer than a start to receive the leader's log: the join waits for it
 * while its data directory keeps changing, instead of failing after a fixed 30 s (as it once did on a busy CI
 * machine, with a learner still applying the log of a load test).
 */
@LabHosts(count = 4)
class SlowJoinLabTest {
    /** 3 MB of keys through 400 kbit/s (50 KB/s): a minute at least, well past a plain start's 30 s. */
    private static final int KEYS = 300;
    private static final int VALUE_BYTES = 10_000;
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    @BeforeAll
    static void threeMembersWithThreeMegabytesOfKeys() throws Exception {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        try (ClusterSession session = cluster.session(cluster.ssh());
             KeyValues kv = new KeyValues(session.inventory().etcdMembers().stream().map(m -> m.clientUrl()).toList(),
                     session.pki().clientTls())) {
            kv.put("slow/", KEYS, VALUE_BYTES);
        }
    }

    @Test
    void aLearnerBehindAThinLinkIsWaitedForWhileItCatchesUp() throws Exception {
        LabHost joining = lab.host(3);
        LabCluster.Outcome added;
        try {
            // Thin only once the release is on the host: the wait under test is etcd's catch-up, not the upload.
            added = cluster.run(session -> MemberPlans.add(session, new AddRequest(joining.name())).plan(),
                    cluster.ssh(), RunMode.APPLY, new Cancellation(), event -> {
                        if (event instanceof RunEvent.StepFinished f && f.title().contains("as a learner")) {
                            joining.slowLink("400kbit");
                        }
                    });
        } finally {
            joining.restoreLinkSpeed();
        }

        assertThat(added.result().succeeded()).as(added.log() + added.firstFailure()).isTrue();
        assertThat(added.log()).contains("still catching up with the leader");
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            ClusterStatus status = LiveCluster.read(session).probe(session);
            assertThat(status.memberList()).hasSize(4).noneMatch(m -> m.learner());
            assertThat(status.healthy()).as(status.sentence()).isTrue();
        }
    }
}
