package dev.quorum.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Backups tab's Schedule... and Unschedule... on a real 3-host lab cluster, through the main window as a user
 * would: the wizard's plan is reviewed, run (logged like every run), the timer is then installed and running on
 * every member's host with the root-only settings, the tab reads the new schedule; Unschedule removes it again.
 */
@LabHosts(count = 3)
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduleBackupsWizardLabTest {
    static Lab lab;
    @RegisterExtension
    static final DesktopLabCluster app = DesktopLabCluster.installed(3);
    static final WizardHarness ui = new WizardHarness();

    @BeforeAll
    static void open() throws Exception {
        app.openWindowShowing("#backups-tab");
        ui.click("#backups-tab");
        awaitIdle("the schedule read");
    }

    static void awaitIdle(String what) {
        ui.waitUntil(what, Duration.ofSeconds(180), () -> ui.enabled("#backups-refresh"),
                () -> ui.text("#backups-status") + " " + ui.text("#backups-error"));
    }

    static void set(String field, String text) {
        ui.interact(() -> ui.lookup(field).queryAs(TextField.class).setText(text));
    }

    /** Review, run, the result's headline; then the wizard is closed. */
    static String reviewRunAndClose() {
        String headline = ui.reviewAndRun(Duration.ofSeconds(90), Duration.ofSeconds(240));
        ui.click("#cancel");
        ui.waitUntil("the wizard closed", Duration.ofSeconds(30), () -> !ui.shown("#next"));
        return headline;
    }

    @Test
    @Order(1)
    void scheduleInstallsTheTimerOnEveryMemberAndTheTabReadsIt() throws Exception {
        assertThat(ui.text("#backups-schedule")).isEqualTo("not scheduled");

        ui.click("#backups-schedule-open");
        ui.waitUntil("the wizard open", Duration.ofSeconds(30), () -> ui.shown("#scheduleEvery"));
        set("#scheduleEvery", "2m");
        set("#scheduleKeep", "2");
        assertThat(ui.shown("#scheduleReason")).isFalse();

        assertThat(reviewRunAndClose()).as(() -> ui.items("#resultProblems")).isEqualTo("Done.");

        ui.waitUntil("the tab read the new schedule", Duration.ofSeconds(120),
                () -> ui.text("#backups-schedule").equals("every 2m, keep the newest 2 per host"),
                () -> ui.text("#backups-schedule") + " " + ui.text("#backups-error"));
        for (LabHost host : lab.hosts()) {
            assertThat(host.exec("systemctl is-active quorum-backup.timer").stdout().strip()).as(host.name())
                    .isEqualTo("active");
            assertThat(host.exec("stat -c '%a %U' /etc/quorum-backup.env").stdout().strip()).as(host.name())
                    .isEqualTo("600 root");
        }
        try (Stream<Path> logs = Files.list(app.home().runs(app.cluster().name()))) {
            assertThat(logs.map(p -> p.getFileName().toString())).as("logged as every run is")
                    .anyMatch(name -> name.endsWith("-backup-schedule.jsonl"));
        }
    }

    @Test
    @Order(2)
    void theWizardStartsFromTheHostsScheduleAndUnscheduleRemovesIt() throws Exception {
        awaitIdle("the tab idle");
        ui.click("#backups-schedule-open");
        ui.waitUntil("the wizard open", Duration.ofSeconds(30), () -> ui.shown("#scheduleEvery"));
        assertThat(ui.text("#scheduleEvery")).isEqualTo("2m");
        assertThat(ui.text("#scheduleKeep")).isEqualTo("2");
        ui.click("#cancel");
        ui.waitUntil("the wizard closed", Duration.ofSeconds(30), () -> !ui.shown("#next"));

        ui.click("#backups-unschedule-open");
        ui.waitUntil("the wizard open", Duration.ofSeconds(30), () -> ui.shown("#next"));
        assertThat(reviewRunAndClose()).as(() -> ui.items("#resultProblems")).isEqualTo("Done.");

        ui.waitUntil("the tab read that nothing is scheduled", Duration.ofSeconds(120),
                () -> ui.text("#backups-schedule").equals("not scheduled"),
                () -> ui.text("#backups-schedule") + " " + ui.text("#backups-error"));
        for (LabHost host : lab.hosts()) {
            assertThat(host.exec("test -e /etc/systemd/system/quorum-backup.timer || test -e /etc/quorum-backup.env "
                    + "|| echo gone").stdout().strip()).as(host.name()).isEqualTo("gone");
        }
    }
}
