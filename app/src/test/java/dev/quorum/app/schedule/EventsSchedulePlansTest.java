package dev.quorum.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.wizard.EventsInventories;
import dev.quorum.app.wizard.PlanSource;
import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.backup.ScheduleRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Schedule and Unschedule wizards build {@code quorum backup schedule / unschedule --cluster events}'s plans on
 * the events cluster's view (its own units, folder and workspace; decision 0049) and the main cluster's plans as
 * before on the main view. Plans are built without a host: nothing is connected until a step runs.
 */
class EventsSchedulePlansTest {
    @TempDir
    Path dir;

    private Path inventory() throws Exception {
        return EventsInventories.write(dir, 3);
    }

    private WizardServices services(ClusterLayout layout) {
        return EventsInventories.services(dir, layout);
    }

    private static PreparedPlan built(PlanSource source) throws Exception {
        try (source) {
            return source.build(0);
        }
    }

    private static List<String> previews(Plan plan) {
        return plan.steps().stream()
                .flatMap((PlannedStep s) -> s.targets().stream().flatMap(t -> s.step().preview(t).stream())).toList();
    }

    private static ScheduleRequest hourly() {
        return new ScheduleRequest(Duration.ofHours(1), 24, Optional.empty(), Optional.empty());
    }

    @Test
    void onTheEventsClusterTheScheduleInstallsItsOwnUnitsInItsOwnFolder() throws Exception {
        PreparedPlan prepared = built(ScheduleBackupsWizard.schedulePlan(inventory(), services(ClusterLayout.EVENTS),
                hourly()));

        assertThat(prepared.plan().cluster()).isEqualTo("prod-events");
        assertThat(prepared.plan().steps().stream().flatMap(s -> s.targets().stream()).distinct()).contains("n1");
        assertThat(previews(prepared.plan()))
                .anySatisfy(l -> assertThat(l).contains("systemctl enable --now quorum-backup-events.timer"))
                .anySatisfy(l -> assertThat(l).contains("etcd-events.service"))
                .noneSatisfy(l -> assertThat(l).containsPattern("quorum-backup(\\.| |$)"));
        assertThat(prepared.afterwards().get(0)).contains("kept in /var/backups/quorum-etcd-events on each");
    }

    @Test
    void onTheMainClusterTheScheduleIsAsBefore() throws Exception {
        PreparedPlan prepared = built(ScheduleBackupsWizard.schedulePlan(inventory(), services(ClusterLayout.MAIN),
                hourly()));

        assertThat(prepared.plan().cluster()).isEqualTo("prod");
        assertThat(previews(prepared.plan()))
                .anySatisfy(l -> assertThat(l).contains("systemctl enable --now quorum-backup.timer"))
                .noneSatisfy(l -> assertThat(l).contains("-events"));
        assertThat(prepared.afterwards().get(0)).contains("kept in /var/backups/quorum-etcd on each");
    }

    @Test
    void unscheduleStopsOnlyTheShownClustersTimer() throws Exception {
        Plan events = built(ScheduleBackupsWizard.unschedulePlan(inventory(), services(ClusterLayout.EVENTS))).plan();
        Plan main = built(ScheduleBackupsWizard.unschedulePlan(inventory(), services(ClusterLayout.MAIN))).plan();

        assertThat(events.cluster()).isEqualTo("prod-events");
        assertThat(previews(events)).anySatisfy(l -> assertThat(l).contains("quorum-backup-events.timer"))
                .noneSatisfy(l -> assertThat(l).containsPattern("quorum-backup(\\.| |$)"));
        assertThat(main.cluster()).isEqualTo("prod");
        assertThat(previews(main)).anySatisfy(l -> assertThat(l).contains("quorum-backup.timer"))
                .noneSatisfy(l -> assertThat(l).contains("-events"));
    }
}
