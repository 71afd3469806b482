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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new member behind a thin link needs longer than a start to receive the leader's log: the join waits for it
 * while its data directory keeps changing, instead of failing after a fixed 30 s (as it once did on a busy CI
 * machine, with a learner still applying the log of a load test). Longer than systemd's start timeout too, which
 * once killed the learner mid-snapshot and restarted it from nothing until the join gave up (decision 0066): the
 * joining host's admin set it to 30 s (`systemctl edit etcd`), so the wait is past both at a third of the default's cost.
 */
@LabHosts(count = 4)
class SlowJoinLabTest {
    /**
     * 2.2 MB of keys through 400 kbit/s (50 KB/s; ~40 KB/s measured for the leader's snapshot): about 55 s, past a
     * plain start's 30 s and the host's 30 s start timeout, well within the join's 5 minutes.
     */
    private static final int KEYS = 220;
    private static final int VALUE_BYTES = 10_000;
    private static final String ADMIN_START_TIMEOUT = "/etc/systemd/system/etcd.service.d/override.conf";
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    @BeforeAll
    static void threeMembersWithTwoMegabytesOfKeys() throws Exception {
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
        joining.exec("mkdir -p /etc/systemd/system/etcd.service.d").requireOk("mkdir");
        joining.writeFile(ADMIN_START_TIMEOUT, "[Service]\nTimeoutStartSec=30\n");
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

        // what the joiner's etcd and its supervisor said, for a failure's message: starts, the snapshot, timeouts
        String joinerSaw = joining.exec("journalctl -u etcd --no-pager 2>/dev/null | grep -E 'Starting|timed out|"
                + "elected leader|receiving database|received and saved' | cut -c1-300 | tail -n 20",
                Duration.ofSeconds(20)).stdout();
        assertThat(added.result().succeeded()).as(added.log() + added.firstFailure() + "\n" + joinerSaw).isTrue();
        assertThat(added.log()).contains("still catching up with the leader");
        assertThat(joining.exec("systemctl show -p NRestarts --value etcd", Duration.ofSeconds(20)).stdout().strip())
                .as("etcd on the joiner started once, not killed by a start timeout: " + joinerSaw).isEqualTo("0");
        assertThat(joining.fileExists("/run/systemd/system/etcd.service.d/quorum-join.conf"))
                .as("the drop-in that lifted the start timeout is gone once etcd is active").isFalse();
        assertThat(joining.fileExists(ADMIN_START_TIMEOUT)).as("the admin's own drop-in stays").isTrue();
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            ClusterStatus status = LiveCluster.read(session).probe(session);
            assertThat(status.memberList()).hasSize(4).noneMatch(m -> m.learner());
            assertThat(status.healthy()).as(status.sentence()).isTrue();
        }
    }
}
