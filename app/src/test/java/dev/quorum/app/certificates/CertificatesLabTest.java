package dev.quorum.app.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Certificates tab of the main window on a real 3-host lab cluster: every host's
 * certificates without problems; a key made readable by others shows first after Refresh; the
 * renew wizard, opened from the tab and driven by clicks, fixes it and the tab reads it again.
 */
@LabHosts(count = 3)
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificatesLabTest {
    static Lab lab;
    @RegisterExtension
    static final DesktopLabCluster app = DesktopLabCluster.installed(3);
    static final WizardHarness ui = new WizardHarness();

    @BeforeAll
    static void open() throws Exception {
        // The real actions (app.actions through ServiceLoader): Renew... opens the real wizard.
        app.openWindowShowing("#certificates-tab");
    }

    @SuppressWarnings("unchecked")
    static List<CertificateRow> rows() {
        return List.copyOf(ui.lookup("#certificates-table").queryAs(TableView.class).getItems());
    }

    static void awaitRead(String what) {
        ui.waitUntil(what, Duration.ofSeconds(90), () -> ui.enabled("#certs-refresh") && !rows().isEmpty(),
                () -> ui.text("#certs-placeholder"));
    }

    @Test
    @Order(1)
    void listsEveryHostsCertificatesWithoutProblems() {
        assertThat(ui.text("#certs-placeholder")).startsWith("Not read yet");
        ui.click("#certificates-tab");
        awaitRead("the certificates read when the tab is first shown");

        List<CertificateRow> rows = rows();
        assertThat(rows).extracting(CertificateRow::host).contains("lab1", "lab2", "lab3", "workstation");
        assertThat(rows).filteredOn(r -> r.host().equals("lab1")).extracting(CertificateRow::fileName)
                .contains("ca.pem", "member-lab1.pem", "admin-lab1.pem");
        assertThat(rows).as(rows.toString()).allMatch(r -> !r.severity().needsAction());
        CertificateRow member = rows.stream().filter(r -> r.host().equals("lab1") && r.fileName()
                .equals("member-lab1.pem")).findFirst().orElseThrow();
        assertThat(member.sans()).contains(lab.host(0).address());
        assertThat(member.daysLeft()).hasValueSatisfying(days -> assertThat(days).isGreaterThan(300));
        assertThat(member.daysLeftText()).endsWith(" days");
        assertThat(ui.text("#certs-summary")).contains("no problems").contains("checked against the CA in");
        assertThat(ui.enabled("#certs-renew")).isTrue();
    }

    @Test
    @Order(2)
    void aLooseKeyModeShowsFirstAfterRefresh() throws Exception {
        lab.host(0).exec("chmod 0644 /etc/ssl/etcd/ssl/member-lab1-key.pem");
        ui.click("#certs-refresh");
        ui.waitUntil("the loose key reported", Duration.ofSeconds(90), () -> !rows().isEmpty()
                && rows().get(0).severity() == RowSeverity.ERROR, () -> rows().toString());

        CertificateRow first = rows().get(0);
        assertThat(first.host()).isEqualTo("lab1");
        assertThat(first.fileName()).isEqualTo("member-lab1.pem");
        assertThat(first.severityText()).isEqualTo("Error");
        assertThat(first.problems()).contains("member-lab1-key.pem");
        assertThat(rows().stream().filter(r -> r.severity().needsAction()).count()).isEqualTo(1);

        ui.click("#certs-problems-only");
        assertThat(rows()).extracting(CertificateRow::fileName).containsExactly("member-lab1.pem");
        ui.click("#certs-problems-only");
    }

    @Test
    @Order(3)
    void theRenewWizardForLab1FixesItAndTheTabReadsAgain() {
        ui.click("#certs-renew");
        ui.waitUntil("the renew wizard open", Duration.ofSeconds(30), () -> ui.shown("#renewTarget"));
        ui.click("#renewTarget");
        ui.clickOn(ui.lookup(".list-cell").match((Labeled cell) -> "lab1".equals(cell.getText())).<Labeled>query());
        assertThat(ui.text("#renewProblems")).startsWith("Only certificates with problems");
        ui.next(Duration.ofSeconds(30));
        ui.awaitReview(Duration.ofSeconds(120));
        assertThat(ui.text("#reviewHeadline")).contains("certs-renew");
        ui.runToResult(Duration.ofSeconds(300));
        assertThat(ui.text("#resultHeadline")).as(ui.lookup("#resultProblems").query().toString())
                .startsWith("Done");
        ui.click("#cancel");

        ui.waitUntil("the tab read again after the run, without the problem", Duration.ofSeconds(90),
                () -> ui.enabled("#certs-refresh") && !rows().isEmpty()
                        && rows().stream().noneMatch(r -> r.severity().needsAction()), () -> rows().toString());
        assertThat(lab.host(0).exec("stat -c %a /etc/ssl/etcd/ssl/member-lab1-key.pem").stdout().trim())
                .isEqualTo("600");
    }
}
