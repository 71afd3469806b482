package dev.quorum.app.certificates;

import static dev.quorum.app.certificates.CertificatesViewModelTest.problem;
import static dev.quorum.app.certificates.CertificatesViewModelTest.record;
import static dev.quorum.app.certificates.CertificatesViewModelTest.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.app.shell.Fx;
import dev.quorum.core.pki.ProblemCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The tab on screen with a hand-made inventory: severity as icon and word, the filter, Renew.... */
@Timeout(60)
class CertificatesViewTest {
    final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void showsSeverityByIconAndWordAndRenewCallsTheAction() throws Exception {
        CertificatesViewModel model = new CertificatesViewModel(new SynchronousTaskExecutor(), warn -> report(
                record("lab1", "member-lab1.pem", 700),
                record("lab2", "member-lab2.pem", 5, problem(ProblemCode.EXPIRING, "expires in 5 days"))),
                "lab", true);
        AtomicInteger renewals = new AtomicInteger();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new CertificatesView(model,
                    (days, replaceCa, afterRun) -> renewals.incrementAndGet()), 1100, 400));
            stage.show();
        });
        assertThat(Fx.get(() -> robot.lookup("#certs-placeholder").queryLabeled().getText()))
                .startsWith("Not read yet");
        assertThat(robot.lookup("#certs-renew").query().isDisabled()).as("nothing read yet").isTrue();

        robot.clickOn("#certs-refresh");
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> first = Fx.get(() -> robot.lookup("#certificates-table .table-cell").queryAll().stream()
                .map(n -> (TableCell<?, ?>) n).filter(c -> "Warning".equals(c.getText())).findFirst().orElseThrow());
        assertThat(first.getGraphic()).isInstanceOf(FontIcon.class);
        assertThat(first.getStyleClass()).contains("cert-warning");
        assertThat(Fx.get(() -> robot.lookup("#certificates-table .table-cell").queryAll().stream()
                .map(n -> ((TableCell<?, ?>) n).getText()).toList())).contains("5 days", "700 days",
                "expires in 5 days", "member-lab2.pem");

        robot.clickOn("#certs-problems-only");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Fx.get(() -> model.rows().size())).isEqualTo(1);

        assertThat(Fx.get(() -> robot.lookup("#certs-advice").queryLabeled().getText()))
                .isEqualTo("Next: Renew the certificates: 1 certificate needs re-issuing from the cluster CA");
        robot.clickOn("#certs-renew");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(renewals).hasValue(1);
    }

    @Test
    void aCaThatExpiresSoonTurnsRenewIntoItsReplacement() throws Exception {
        CertificatesViewModel model = new CertificatesViewModel(new SynchronousTaskExecutor(), warn -> report(
                record("lab1", "member-lab1.pem", 5, problem(ProblemCode.EXPIRING, "expires in 5 days")),
                record("lab1", "ca.pem", 5, problem(ProblemCode.EXPIRING, "expires in 5 days"))), "lab", true);
        List<String> opened = new ArrayList<>();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new CertificatesView(model, (days, replaceCa, afterRun) -> opened.add(days + " "
                    + (replaceCa ? "replace the CA" : "renew"))), 1100, 400));
            stage.show();
        });

        robot.clickOn("#certs-refresh");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Fx.get(() -> robot.lookup("#certs-renew").queryButton().getText())).isEqualTo("Replace the CA...");
        assertThat(Fx.get(() -> robot.lookup("#certs-advice").queryLabeled().getText()))
                .startsWith("Next: Replace the CA: the CA in /etc/ssl/etcd/ssl/ca.pem on lab1 expires soon (")
                .endsWith("every certificate it signs ends with it, so renewing them cannot help");
        robot.clickOn("#certs-renew");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).containsExactly("30 replace the CA");
    }
}
