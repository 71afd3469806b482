package dev.quorum.app.certificates;

import static dev.quorum.app.certificates.CertificatesViewModelTest.NOW;
import static dev.quorum.app.certificates.CertificatesViewModelTest.problem;
import static dev.quorum.app.certificates.CertificatesViewModelTest.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.app.controls.FullTextCell;
import dev.quorum.app.shell.Fx;
import dev.quorum.app.shell.Theme;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.CertificateProblem;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.core.pki.ProblemCode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Certificates tab as wide as a 1280 px window leaves it (the cluster list takes 230 px), with realistic long
 * subjects, issuers and SAN lists: every cell shows its whole text, the SANs on more lines. (Nine columns of
 * long unbroken names do not all fit there: a host or file name may break within the word, but is never cut.)
 */
@Timeout(60)
class CertificatesTableFitTest {
    private static final double TAB_WIDTH_AT_1280 = 1050;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void boot() throws Exception {
        FxToolkit.registerPrimaryStage();
        Fx.run(Theme.LIGHT::apply);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void everyCertificateCellIsWholeWithLongSubjectsAndSans() throws Exception {
        CertificatesViewModel model = new CertificatesViewModel(new SynchronousTaskExecutor(), warn -> report(
                member(1, 700), member(2, 12, problem(ProblemCode.EXPIRING, "expires in 12 days")), member(3, 700)),
                "lab", true);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new CertificatesView(model, (days, replaceCa, afterRun) -> { }), TAB_WIDTH_AT_1280, 500));
            stage.show();
        });
        robot.clickOn("#certs-refresh");
        WaitForAsyncUtils.waitForFxEvents();
        // Seven text columns, Problems empty but on one row.
        Fx.await(Duration.ofSeconds(10), "three rows of cells", () -> cellsNow().size() >= 19);
        WaitForAsyncUtils.waitForFxEvents();

        List<FullTextCell<?>> cells = Fx.get(this::cellsNow);
        assertThat(cells).extracting(FullTextCell::getText).contains(String.join(", ", sans(2)),
                "CN=etcd-member-node2.example.internal,O=quorum", "expires in 12 days");
        for (FullTextCell<?> cell : cells) {
            assertThat(Fx.get(cell::shownText)).as("shown whole").isEqualTo(cell.getText());
        }
        FullTextCell<?> sansCell = cells.stream().filter(c -> c.getText().equals(String.join(", ", sans(2))))
                .findFirst().orElseThrow();
        assertThat(Fx.get(() -> sansCell.getTableColumn().getWidth())).as("the SANs wrap onto more lines")
                .isLessThan(Fx.get(() -> oneLine(sansCell)));
        FullTextCell<?> file = cells.stream().filter(c -> c.getText().startsWith("member-")).findFirst().orElseThrow();
        assertThat(Fx.get(() -> file.getTooltip().getText())).as("the file's full path")
                .startsWith("/etc/ssl/etcd/ssl/member-");
    }

    private static CertificateRecord member(int n, long daysLeft, CertificateProblem... problems) {
        String host = "node" + n + ".example.internal";
        String file = "member-" + host + ".pem";
        CertificateDetails details = new CertificateDetails("CN=etcd-member-" + host + ",O=quorum", sans(n),
                "CN=etcd-ca,OU=etcd cluster lab,O=quorum", "1A", NOW.minus(Duration.ofDays(10)),
                NOW.plus(Duration.ofDays(daysLeft)), daysLeft, "ECDSA P-256", "AA:BB", false);
        return new CertificateRecord(host, "/etc/ssl/etcd/ssl/" + file, CertificateRole.ofFileName(file), List.of(),
                Optional.of(details), Optional.of("/etc/ssl/etcd/ssl/" + file.replace(".pem", "-key.pem")),
                List.of(problems));
    }

    private static List<String> sans(int n) {
        return List.of("node" + n + ".example.internal", "etcd.example.internal", "localhost", "2001:db8::1" + n,
                "10.0.0." + n, "127.0.0.1", "::1");
    }

    private static double oneLine(FullTextCell<?> cell) {
        Text text = new Text(cell.getText());
        text.setFont(cell.getFont());
        return text.getLayoutBounds().getWidth() + cell.snappedLeftInset() + cell.snappedRightInset();
    }

    private List<FullTextCell<?>> cellsNow() {
        return robot.lookup("#certificates-table .table-cell").queryAll().stream()
                .filter(n -> n instanceof FullTextCell<?> c && c.getText() != null && !c.getText().isEmpty()
                        && c.isVisible() && c.getTableRow() != null && c.getTableRow().getItem() != null)
                .<FullTextCell<?>>map(n -> (FullTextCell<?>) n).toList();
    }
}
