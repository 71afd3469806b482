package dev.quorum.app.recover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.cluster.PeerLinks;
import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.Label;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Diagnose / Recover wizard on three lab hosts: a follower cut off from its peers is named in
 * the sentence and the matrix, and recovered after the heal; two of three cut: quorum is lost and
 * the wizard will not go on; etcd stopped on two of three: the wizard starts it and quorum returns.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecoverWizardLabTest {
    static Lab lab;
    @RegisterExtension
    static final DesktopLabCluster app = DesktopLabCluster.installed(3);

    static List<String> labels(WizardHarness ui, String container) {
        javafx.scene.Node root = ui.lookup(container).query();
        return ui.from(root).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    @Order(1)
    void aCutFollowerIsNamedInTheSentenceAndMatrixAndIsRecoveredAfterTheHeal() throws Exception {
        WizardHarness ui = new WizardHarness();
        List<Diagnosis> told = new CopyOnWriteArrayList<>();
        try {
            lab.host(2).cutPeers();
            try {
                ui.open(() -> RecoverWizard.open(null, app.services(), app.inventory(), told::add, WizardOpener.NONE));
                DiagnosisRefresh.until(ui, "lab3 named as cut off", Duration.ofSeconds(90),
                        () -> ui.text("#verdictSentence").startsWith("lab3 is cut off"));
                assertThat(ui.text("#verdictWord")).isEqualTo("Degraded");
                assertThat(ui.text("#verdictSentence")).contains("still has quorum");
                assertThat(ui.text("#cell-lab3-lab1")).isEqualTo("NO");
                assertThat(ui.text("#cell-lab3-lab2")).isEqualTo("NO");
                assertThat(ui.text("#cell-lab3-lab3")).isEmpty();
                assertThat(ui.text("#cell-lab1-lab2")).isEqualTo("yes");
                assertThat(ui.text("#member-lab3")).startsWith("lab3 (etcd3): isolated");
                assertThat(ui.text("#recommendedTitle")).startsWith("Recommended: Recover lab3");
                assertThat(ui.text("#recommendedCommand")).isEqualTo("quorum recover -i " + app.inventory());
                assertThat(ui.text("#recommendedAction")).isEqualTo("Recover: review the plan");
                assertThat(ui.enabled("#next")).as("degraded: recovery may go on").isTrue();
                PeerLinks links = PeerLinks.of(told.get(told.size() - 1));
                assertThat(links.between("lab1", "lab3")).as("the main picture's line").isEqualTo(PeerLinks.Link.CUT);
                assertThat(links.between("lab1", "lab2")).isEqualTo(PeerLinks.Link.BOTH_WAYS);
            } finally {
                lab.host(2).healPeers();
            }
            DiagnosisRefresh.until(ui, "lab3 reaches its peers again", Duration.ofSeconds(90),
                    () -> ui.text("#cell-lab3-lab1").equals("yes") && ui.text("#cell-lab3-lab2").equals("yes")
                            && !ui.text("#verdictWord").equals("Quorum lost"));
            // Degraded still (lab3 catching up): the recommended button goes on; healthy already: Next does.
            boolean recommendsRecover = ui.text("#recommendedAction").equals("Recover: review the plan");
            if (recommendsRecover) {
                // Fired, not clicked: the page scrolls, and the robot clicks only what is on screen.
                ui.interact(() -> ui.lookup("#recommendedAction").queryButton().fire());
            } else {
                ui.click("#next");
            }
            ui.awaitReview(Duration.ofSeconds(90));
            assertThat(ui.text("#reviewHeadline")).contains("Plan: recover on cluster");
            ui.runToResult(Duration.ofSeconds(180));
            assertThat(ui.text("#resultHeadline")).as(() -> ui.items("#resultProblems"))
                    .startsWith("Done");
            assertThat(ui.text("#resultNext")).contains("the cluster is healthy");
        } finally {
            ui.close();
        }
        ClusterStatus after = app.cluster().status();
        assertThat(after.healthy()).as(after.sentence()).isTrue();
    }

    @Test
    @Order(2)
    void twoOfThreeCutQuorumIsLostAndNextStaysDisabled() throws Exception {
        WizardHarness ui = new WizardHarness();
        lab.host(1).cutPeers();
        lab.host(2).cutPeers();
        try {
            ui.open(() -> RecoverWizard.open(null, app.services(), app.inventory(), diagnosis -> { },
                    WizardOpener.NONE));
            DiagnosisRefresh.until(ui, "quorum lost", Duration.ofSeconds(120),
                    () -> ui.text("#verdictWord").equals("Quorum lost"));
            assertThat(ui.text("#verdictSentence")).startsWith("quorum is lost: ");
            assertThat(ui.enabled("#next")).isFalse();
            assertThat(ui.text("#diagnosisReason")).startsWith("Recovery needs quorum")
                    .contains("quorum restore -i " + app.inventory());
            assertThat(ui.text("#recommendedAction")).isEqualTo("Diagnose again");
            assertThat(labels(ui, "#alternatives")).anySatisfy(t -> assertThat(t)
                    .isEqualTo("quorum restore -i " + app.inventory() + " --snapshot FILE"))
                    .anySatisfy(t -> assertThat(t).startsWith("Risk: writes made after the snapshot are lost"));
        } finally {
            lab.host(1).healPeers();
            lab.host(2).healPeers();
            ui.close();
        }
    }

    @Test
    @Order(3)
    void quorumLostBecauseEtcdIsStoppedOnTwoIsBroughtBackFromTheWizard() throws Exception {
        WizardHarness ui = new WizardHarness();
        lab.host(1).exec("systemctl stop etcd").requireOk("stop etcd on lab2");
        lab.host(2).exec("systemctl stop etcd").requireOk("stop etcd on lab3");
        try {
            ui.open(() -> RecoverWizard.open(null, app.services(), app.inventory(), diagnosis -> { },
                    WizardOpener.NONE));
            DiagnosisRefresh.until(ui, "quorum lost, etcd stopped", Duration.ofSeconds(120),
                    () -> ui.text("#verdictWord").equals("Quorum lost")
                            && ui.text("#verdictSentence").contains("etcd is only stopped on lab2 and lab3"));
            assertThat(ui.text("#recommendedTitle")).startsWith("Recommended: Bring quorum back: start etcd on lab2 "
                    + "and lab3");
            assertThat(ui.text("#recommendedAction")).isEqualTo("Recover: review the plan");
            assertThat(ui.enabled("#next")).as("starting them loses nothing").isTrue();
            ui.interact(() -> ui.lookup("#recommendedAction").queryButton().fire());
            ui.awaitReview(Duration.ofSeconds(90));
            ui.runToResult(Duration.ofSeconds(180));
            assertThat(ui.text("#resultHeadline")).as(() -> ui.items("#resultProblems")).startsWith("Done");
        } finally {
            ui.close();
            lab.host(1).exec("systemctl start --no-block etcd");
            lab.host(2).exec("systemctl start --no-block etcd");
        }
        ClusterStatus after = app.cluster().status();
        assertThat(after.healthy()).as(after.sentence()).isTrue();
    }
}
