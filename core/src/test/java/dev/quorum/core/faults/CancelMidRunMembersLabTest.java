package dev.quorum.core.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.LiveCluster;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.labtest.ContinuousWriter;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.lifecycle.members.MemberPlans;
import dev.quorum.core.lifecycle.members.ReplaceRequest;
import dev.quorum.core.lifecycle.members.RemoveRequest;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix's "cancel mid-run" column for membership changes, at their most exposed moment:
 * right after `member remove`, before the old host is retired (and, for replace, before the new
 * member joins). The cluster must be healthy with the members left, the run reported cancelled
 * with the rest skipped, and the same command run again must finish the change, old host retired
 * included. lab1..lab3 are members, lab4 a spare; a writer runs throughout and loses nothing.
 */
@LabHosts(count = 4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CancelMidRunMembersLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;
    static ContinuousWriter writer;

    @BeforeAll
    static void installThreeAndStartAWriter() throws Exception {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            writer = new ContinuousWriter(lab.hosts().stream().map(h -> "https://" + h.address() + ":2379").toList(),
                    session.pki().clientTls());
        }
        writer.awaitAcknowledged(30, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopTheWriter() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }

    private static ClusterStatus status() {
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            return LiveCluster.read(session).probe(session);
        }
    }

    private static List<String> memberHosts() {
        return status().members().stream().map(MemberStatus::hostName).sorted().toList();
    }

    private static boolean isMemberRemoval(String title) {
        return title.startsWith("Remove ") && title.endsWith(" from the cluster");
    }

    /** Healthy with exactly these members, and every write acknowledged so far is there. */
    private static void healthyWith(List<String> hosts, String when) throws Exception {
        ClusterStatus status = status();
        assertThat(status.healthy()).as(when + ": " + status.sentence()).isTrue();
        assertThat(memberHosts()).as(when).isEqualTo(hosts);
        int acknowledged = writer.acknowledgedCount();
        writer.awaitAcknowledged(acknowledged + 10, Duration.ofSeconds(10));
        assertThat(writer.acknowledgedCount()).as(when + ": the writer goes on").isGreaterThan(acknowledged);
        List<String> members = lab.hosts().stream().filter(h -> hosts.contains(h.name()))
                .map(h -> "https://" + h.address() + ":2379").toList();
        assertThat(writer.missing(members)).as(when + ": acknowledged writes the cluster does not have").isEmpty();
    }

    private static void retired(LabHost old) {
        assertThat(old.exec("systemctl is-active etcd").stdout().strip()).isNotEqualTo("active");
        assertThat(old.exec("systemctl is-enabled etcd").stdout().strip()).isNotEqualTo("enabled");
        assertThat(old.exec("ls -d /var/lib/etcd.removed-*").ok()).as("data dir kept aside on " + old.name()).isTrue();
        assertThat(old.fileExists("/var/lib/etcd")).isFalse();
    }

    @Test
    @Order(1)
    void replaceCancelledRightAfterTheOldMemberLeftIsFinishedByARerun() throws Exception {
        LabCluster.PlanFactory replace = session -> MemberPlans.replace(session, new ReplaceRequest("lab3", "lab4", false)).plan();

        LabCluster.Outcome interrupted = CancelAfter.step(cluster, replace, CancelMidRunMembersLabTest::isMemberRemoval);

        assertThat(interrupted.result().outcome()).as(interrupted.log()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(interrupted.result().summary().skipped()).as("the rest is reported skipped").isPositive();
        assertThat(CancelAfter.started(interrupted).get(CancelAfter.started(interrupted).size() - 1))
                .satisfies(last -> assertThat(isMemberRemoval(last)).as(last).isTrue());
        healthyWith(List.of("lab1", "lab2"), "after the cancelled replace");

        LabCluster.Outcome rerun = cluster.run(replace);

        assertThat(rerun.result().succeeded()).as(rerun.log() + rerun.firstFailure()).isTrue();
        healthyWith(List.of("lab1", "lab2", "lab4"), "after the re-run");
        assertThat(status().memberList()).noneMatch(m -> m.learner());
        retired(lab.host(2));
    }

    @Test
    @Order(2)
    void removeCancelledRightAfterTheMemberLeftIsFinishedByARerun() throws Exception {
        // As the replacement's inventory notes say: lab4 takes lab3's place in the etcd group, its
        // name pinned. A removal's re-run finds the member it finishes in that group.
        cluster.editInventory("        lab3:\n", "        lab4: {etcd_member_name: etcd4}\n");
        LabCluster.PlanFactory remove = session -> MemberPlans.remove(session, new RemoveRequest("lab4")).plan();

        LabCluster.Outcome interrupted = CancelAfter.step(cluster, remove, CancelMidRunMembersLabTest::isMemberRemoval);

        assertThat(interrupted.result().outcome()).as(interrupted.log()).isEqualTo(RunOutcome.CANCELLED);
        assertThat(interrupted.result().summary().skipped()).isPositive();
        healthyWith(List.of("lab1", "lab2"), "after the cancelled remove");

        LabCluster.Outcome rerun = cluster.run(remove);

        assertThat(rerun.result().succeeded()).as(rerun.log() + rerun.firstFailure()).isTrue();
        healthyWith(List.of("lab1", "lab2"), "after the re-run");
        retired(lab.host(3));
        LabCluster.Outcome third = cluster.run(remove);
        assertThat(third.result().summary().nothingChanged()).as("a finished removal: " + third.log()).isTrue();
        writer.stop();
        assertThat(writer.missing()).as("every write acknowledged in this class, once the writer stopped").isEmpty();
    }
}
