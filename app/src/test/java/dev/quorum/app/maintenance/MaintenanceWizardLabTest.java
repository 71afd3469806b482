package dev.quorum.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.etcd.EtcdAlarm;
import dev.quorum.core.lifecycle.maintenance.MemberSpace;
import dev.quorum.core.lifecycle.maintenance.SpaceReport;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Maintenance wizard on three lab hosts with a 24 MiB quota: the members' sizes and alarms
 * listed, a compaction run, then a filled quota shown as NOSPACE and cured through the wizard.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaintenanceWizardLabTest {
    static final long QUOTA = 24L * 1024 * 1024;
    static Lab lab;
    @RegisterExtension
    static final DesktopLabCluster app = DesktopLabCluster.installed(3)
            .withVars(Map.of("etcd_quota_backend_bytes", Long.toString(QUOTA)));

    static SpaceReport space() {
        try (ClusterSession session = app.cluster().session()) {
            return SpaceReport.read(session);
        }
    }

    static LabHost lab1() {
        return lab.host(0);
    }

    @SuppressWarnings("unchecked")
    static List<MemberSpace> rows(WizardHarness ui) {
        return ui.lookup("#spaceTable").queryAs(TableView.class).getItems();
    }

    static void choose(WizardHarness ui, String task) {
        ui.interact(() -> ui.lookup("#task-" + task).queryAs(RadioButton.class).fire());
    }

    static void set(WizardHarness ui, String field, String text) {
        ui.interact(() -> ui.lookup(field).queryAs(TextField.class).setText(text));
    }

    /** Review, run, and the result's headline. */
    static String run(WizardHarness ui) {
        return ui.reviewAndRun(Duration.ofSeconds(90), Duration.ofSeconds(240));
    }

    @Test
    @Order(1)
    void showsEachMembersSpaceAndCompactsTheHistory() throws Exception {
        lab1().exec("for i in $(seq 0 199); do /usr/local/bin/etcdctl.sh put gui/key value$i >/dev/null || exit 1; "
                + "done", Duration.ofSeconds(120)).requireOk("200 writes");
        WizardHarness ui = new WizardHarness();
        ui.open(() -> MaintenanceWizard.open(null, app.services(), app.inventory()));
        try {
            ui.waitUntil("members read", Duration.ofSeconds(60), () -> rows(ui).size() == 3,
                    () -> ui.text("#maintenanceReason"));
            assertThat(rows(ui)).allMatch(m -> m.dbSize() > 0 && m.quotaBytes() == QUOTA && m.alarms().isEmpty());
            assertThat(rows(ui)).filteredOn(MemberSpace::leader).hasSize(1);
            assertThat(ui.text("#spaceStatus")).contains("at revision").contains("3/3 healthy");
            assertThat(ui.text("#maintenanceReason")).isEqualTo("Choose what to do.");
            assertThat(ui.enabled("#next")).isFalse();

            choose(ui, "nospace");
            assertThat(ui.text("#maintenanceReason")).startsWith("No member has a NOSPACE alarm");
            assertThat(ui.enabled("#next")).isFalse();
            choose(ui, "compact");
            set(ui, "#keepRevisions", "ten");
            assertThat(ui.text("#maintenanceReason")).startsWith("Revisions to keep");
            set(ui, "#keepRevisions", "10");
            assertThat(ui.shown("#maintenanceReason")).isFalse();

            assertThat(run(ui)).as(() -> ui.items("#resultProblems")).isEqualTo("Done.");
        } finally {
            ui.close();
        }
        assertThat(lab1().exec("/usr/local/bin/etcdctl.sh get gui/key --rev=3").stderr())
                .contains("required revision has been compacted");
        assertThat(lab1().exec("/usr/local/bin/etcdctl.sh get gui/key --print-value-only").stdout().strip())
                .isEqualTo("value199");
    }

    @Test
    @Order(2)
    void aFullQuotaShowsNospaceAndTheWizardFreesSpaceAndDisarmsIt() throws Exception {
        lab1().exec("yes x | head -c 204800 > /tmp/filler").requireOk("filler");
        lab1().exec("for i in $(seq 1 400); do /usr/local/bin/etcdctl.sh put fill/$i < /tmp/filler >/dev/null 2>&1 "
                + "|| break; done; true", Duration.ofSeconds(180)).requireOk("fill");
        // a put refused when applied raises the alarm a moment after its answer: wait for the alarm itself
        lab1().exec("for i in $(seq 1 150); do /usr/local/bin/etcdctl.sh alarm list 2>/dev/null | grep -q NOSPACE "
                + "&& break; sleep 0.2; done; true", Duration.ofSeconds(60)).requireOk("wait for the NOSPACE alarm");
        assertThat(space().any(EtcdAlarm.Kind.NOSPACE)).isTrue();
        lab1().exec("/usr/local/bin/etcdctl.sh del fill/ --prefix").requireOk("delete what filled the quota");

        WizardHarness ui = new WizardHarness();
        ui.open(() -> MaintenanceWizard.open(null, app.services(), app.inventory()));
        try {
            ui.waitUntil("members read", Duration.ofSeconds(60), () -> rows(ui).size() == 3,
                    () -> ui.text("#maintenanceReason"));
            assertThat(rows(ui)).anyMatch(m -> m.has(EtcdAlarm.Kind.NOSPACE));
            choose(ui, "nospace");
            set(ui, "#keepRevisions", "0");
            set(ui, "#minReclaim", "1");
            assertThat(ui.shown("#maintenanceReason")).as(ui.text("#maintenanceReason")).isFalse();

            assertThat(run(ui)).as(() -> ui.items("#resultProblems")).isEqualTo("Done.");
        } finally {
            ui.close();
        }
        SpaceReport after = space();
        assertThat(after.alarms()).isEmpty();
        assertThat(after.members()).allMatch(m -> m.dbSize() < QUOTA / 2);
        lab1().exec("/usr/local/bin/etcdctl.sh put after/nospace works").requireOk("a write after the cure");
    }
}
