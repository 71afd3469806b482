package dev.quorum.core.lifecycle.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.lifecycle.PlanShapes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup plans from the inventory and the request alone: no host, no etcd, no root. */
class BackupPlanShapeTest {
    private static final String MEMBERS = "[node1, node2, node3]";

    @TempDir
    Path dir;
    private ClusterSession session;

    @BeforeEach
    void threeMembersOfFourHosts() throws Exception {
        session = PlanShapes.offlineSession(dir, 4, 3);
    }

    @Test
    void scheduleGuardsEveryMemberHostThenInstallsTheFilesThenStartsTheTimer() {
        Plan plan = BackupPlans.schedule(session, BackupSchedule.of(Duration.ofHours(1), 24));

        assertThat(PlanShapes.shape(plan)).containsExactly("BackupHostsGuardStep [cluster]",
                "BackupFileStep " + MEMBERS, "BackupFileStep " + MEMBERS, "BackupFileStep " + MEMBERS,
                "BackupFileStep " + MEMBERS, "EnableTimerStep " + MEMBERS);
        assertThat(plan.steps().stream().map(PlannedStep::step).filter(BackupFileStep.class::isInstance)
                .map(s -> ((BackupFileStep) s).path())).containsExactly(BackupFiles.SCRIPT, BackupFiles.ENV_FILE,
                BackupFiles.SERVICE_FILE, BackupFiles.TIMER_FILE);
        assertThat(plan.lifecycle()).isEqualTo("backup-schedule");
    }

    @Test
    void thePreviewNeverShowsTheOffsiteSecret() {
        OffsiteCopy copy = new OffsiteCopy("s3://bucket/etcd", "https://s3.example.net", "eu-west-1", "AKIDEXAMPLE",
                "wJalrXUtnFEMI-very-secret");
        Plan plan = BackupPlans.schedule(session, BackupSchedule.of(Duration.ofHours(1), 24).withOffsite(copy));

        assertThat(PlanShapes.shape(plan)).startsWith("BackupHostsGuardStep [cluster]", "OffsiteCheckStep [cluster]");
        String preview = plan.steps().stream().flatMap(s -> s.step().preview("node1").stream()).toList().toString();
        String titles = plan.steps().stream().map(s -> s.step().title()).toList().toString();
        assertThat(preview).contains(BackupFiles.ENV_FILE, "s3://bucket/etcd/", "AKIDEXAMPLE").doesNotContain("very-secret");
        assertThat(titles).doesNotContain("very-secret");
        assertThat(copy.toString()).doesNotContain("very-secret");
    }

    @Test
    void unscheduleStopsTheTimerThenRemovesItsFiles() {
        assertThat(PlanShapes.shape(BackupPlans.unschedule(session))).containsExactly(
                "BackupHostsGuardStep [cluster]", "DisableTimerStep " + MEMBERS, "RemoveScheduleFilesStep " + MEMBERS);
    }

    @Test
    void runStartsTheServiceOnEveryMemberOrOnTheOneHostGiven() {
        assertThat(PlanShapes.shape(BackupPlans.run(session, Optional.empty())))
                .containsExactly("RunBackupStep " + MEMBERS);
        assertThat(PlanShapes.shape(BackupPlans.run(session, Optional.of("node2"))))
                .containsExactly("RunBackupStep [node2]");
    }

    @Test
    void aRunOnAHostWithoutAMemberIsRefusedNamingTheMembers() {
        assertThatThrownBy(() -> BackupPlans.run(session, Optional.of("node4")))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("node4 is not a host of the inventory's etcd group")
                .satisfies(e -> assertThat(((BackupException) e).hint()).contains("node1, node2, node3"));
    }
}
