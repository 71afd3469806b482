package dev.quorum.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.wizard.PlanSource;
import dev.quorum.app.wizard.PreparedPlan;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.app.wizard.WizardWindow;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.lifecycle.backup.ScheduleRequest;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Schedule backups wizard on screen, over an in-memory plan: the page refuses what the CLI refuses (with its
 * words), starts from the hosts' schedule, and hands exactly the typed request to the plan, reviewed then run.
 */
class ScheduleBackupsWizardUiTest {
    @TempDir
    Path dir;
    FxTaskExecutor executor;
    WizardServices services;
    WizardHarness ui;
    final List<ScheduleRequest> requests = new CopyOnWriteArrayList<>();
    final Set<String> installed = ConcurrentHashMap.newKeySet();
    final AtomicInteger afterRuns = new AtomicInteger();

    @BeforeAll
    static void boot() throws Exception {
        WizardHarness.boot();
    }

    @BeforeEach
    void services() {
        executor = new FxTaskExecutor(2);
        services = new WizardServices(executor, new QuorumHome(dir.resolve("home")), SshOptions.defaults(), event -> { });
        ui = new WizardHarness();
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
        executor.shutdown();
    }

    /** Stands in for the timer step: installed once applied on a host. */
    final Step timer = new Step() {
        @Override
        public String title() {
            return "Start the backup timer";
        }

        @Override
        public List<String> preview(String target) {
            return List.of("systemctl enable --now quorum-backup.timer # on " + target);
        }

        @Override
        public Check check(StepContext context) {
            return installed.contains(context.target()) ? Check.done("running") : Check.needed("not installed");
        }

        @Override
        public void apply(StepContext context) {
            installed.add(context.target());
        }
    };

    PlanSource plan(ScheduleRequest request) {
        requests.add(request);
        return new PlanSource() {
            @Override
            public PreparedPlan build(int part) {
                return new PreparedPlan(new Plan("backup-schedule", "lab", List.of(PlannedStep.onEach(timer,
                        List.of("lab1", "lab2")))), List.of("Backups scheduled."));
            }

            @Override
            public void close() {
            }
        };
    }

    void open(Optional<Duration> every, OptionalInt keep) throws Exception {
        ui.open(() -> WizardWindow.open(null, ScheduleBackupsWizard.create(services, new ScheduleChoices(every, keep),
                afterRuns::incrementAndGet, this::plan)));
    }

    @Test
    void startsFromTheHostsScheduleAndRefusesWhatTheCliRefuses() throws Exception {
        open(Optional.of(Duration.ofMinutes(30)), OptionalInt.of(7));
        assertThat(ui.text("#scheduleEvery")).isEqualTo("30m");
        assertThat(ui.text("#scheduleKeep")).isEqualTo("7");
        assertThat(ui.enabled("#next")).isTrue();
        assertThat(ui.shown("#scheduleReason")).isFalse();

        ui.type("#scheduleEvery", "30s");
        assertThat(ui.enabled("#next")).isFalse();
        assertThat(ui.text("#scheduleReason")).startsWith("--every is 30s").contains("give 1m or more");

        ui.type("#scheduleEvery", "1h");
        ui.type("#scheduleKeep", "0");
        assertThat(ui.text("#scheduleReason")).isEqualTo("--keep is 0: keep between 1 and 1000 backups per host");

        ui.type("#scheduleKeep", "24");
        ui.type("#scheduleEndpoint", "http://127.0.0.1:9000");
        assertThat(ui.text("#scheduleReason")).startsWith("--s3-endpoint without --copy-to");
        assertThat(ui.enabled("#next")).isFalse();

        ui.type("#scheduleCopyTo", "s3://Bad_Bucket/prod");
        assertThat(ui.enabled("#next")).as(ui.text("#scheduleReason")).isFalse();
        assertThat(requests).as("nothing is built while the values are not valid").isEmpty();
    }

    @Test
    void theTypedRequestIsReviewedAsAPlanThenRunAndTheTabReadsAgain() throws Exception {
        open(Optional.empty(), OptionalInt.empty());
        assertThat(ui.text("#scheduleEvery")).isEqualTo("1h");
        assertThat(ui.text("#scheduleKeep")).isEqualTo("24");
        ui.type("#scheduleKeep", "2");
        ui.type("#scheduleCopyTo", "s3://etcd-backups/prod");
        ui.type("#scheduleEndpoint", "http://127.0.0.1:9000");

        ui.click("#next");
        ui.waitUntil("the plan is reviewed", Duration.ofSeconds(20),
                () -> ui.text("#reviewHeadline").contains("nothing was changed"), () -> ui.text("#reviewHeadline"));

        assertThat(requests).containsExactly(new ScheduleRequest(Duration.ofHours(1), 2,
                Optional.of("s3://etcd-backups/prod"), Optional.of("http://127.0.0.1:9000")));
        assertThat(installed).as("the review changed nothing").isEmpty();

        ui.click("#next");
        ui.waitUntil("the run has ended", Duration.ofSeconds(20), () -> afterRuns.get() == 1);

        assertThat(installed).containsExactlyInAnyOrder("lab1", "lab2");
    }
}
