package dev.quorum.app.schedule;

import dev.quorum.app.wizard.PlanSource;
import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardModel;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardState;
import dev.quorum.app.wizard.WizardWindow;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.backup.BackupPlans;
import dev.quorum.core.lifecycle.backup.BackupSchedule;
import dev.quorum.core.lifecycle.backup.Durations;
import dev.quorum.core.lifecycle.backup.ScheduleRequest;
import dev.quorum.core.lifecycle.backup.offsite.AwsWorkstation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Schedule backups (every, keep, optional off-site copy), then the shared review (the plan as {@code --plan} shows
 * it), run and result pages; and Unschedule backups. The same plans as {@code quorum backup schedule} and
 * {@code unschedule}, streamed into the Tasks tab like every wizard's run.
 */
public final class ScheduleBackupsWizard {
    private ScheduleBackupsWizard() {
    }

    /** @param afterRun called on the UI thread each time a run ends, well or not (the Backups tab reads again) */
    public static Stage schedule(Window owner, WizardServices services, Path inventory, Optional<Duration> every,
                                 OptionalInt keep, Runnable afterRun) {
        return WizardWindow.open(owner, create(services, new ScheduleChoices(every, keep), afterRun,
                request -> schedulePlan(inventory, services, request)));
    }

    public static Stage unschedule(Window owner, WizardServices services, Path inventory, Runnable afterRun) {
        WizardModel model = new WizardModel("Unschedule backups", List.of(new UnschedulePage()),
                () -> unschedulePlan(inventory, services), services);
        return WizardWindow.open(owner, afterEachRun(model, afterRun));
    }

    /** Exactly quorum backup schedule's plan, on the cluster of {@code services} (its own units and folder). */
    static PlanSource schedulePlan(Path inventory, WizardServices services, ScheduleRequest request) {
        return SessionPlanSource.of(inventory, services, session -> scheduled(session, request));
    }

    /** Exactly quorum backup unschedule's plan, on the cluster of {@code services}. */
    static PlanSource unschedulePlan(Path inventory, WizardServices services) {
        return SessionPlanSource.of(inventory, services, session -> new PreparedPlan(BackupPlans.unschedule(session),
                List.of("The backups already taken are kept.")));
    }

    /** @param plans the plan source for a request (the real one opens the cluster; tests give their own) */
    static WizardModel create(WizardServices services, ScheduleChoices choices, Runnable afterRun,
                              Function<ScheduleRequest, PlanSource> plans) {
        WizardModel model = new WizardModel("Schedule backups", List.of(new SchedulePage(choices)),
                () -> plans.apply(choices.request()), services);
        return afterEachRun(model, afterRun);
    }

    /**
     * Off the UI thread: the AWS key is read here, when a copy is asked for. The schedule in the cluster's own
     * folder, as {@code quorum backup schedule} words it (the events cluster's is /var/backups/quorum-etcd-events).
     */
    private static PreparedPlan scheduled(ClusterSession session, ScheduleRequest request) {
        BackupSchedule schedule = BackupPlans.forCluster(session, request.resolve(AwsWorkstation::new));
        return new PreparedPlan(BackupPlans.schedule(session, schedule), List.of("Backups scheduled every "
                + Durations.words(schedule.every()) + ", the newest " + schedule.keep() + " kept in " + schedule.dir()
                + " on each member's host" + schedule.offsite().map(c -> " and under " + c.location() + "MEMBER/")
                .orElse("") + ".", "Run now in the Backups tab takes one at once."));
    }

    private static WizardModel afterEachRun(WizardModel model, Runnable afterRun) {
        model.status().stateProperty().addListener((obs, old, now) -> {
            if (old == WizardState.RUNNING && now.ended()) {
                afterRun.run();
            }
        });
        return model;
    }
}
