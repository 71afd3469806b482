package dev.quorum.app.replace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.add.AddMemberWizard;
import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.wizard.ClusterMembers;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.time.Duration;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Replace and Add wizards on one lab: lab1..lab3 form the cluster, lab4 and lab5 are spare
 * hosts of the inventory. A dead member is replaced; an add is cancelled mid-run, then run again; the replaced
 * member, still in the etcd group, is then offered as a former one.
 */
@LabHosts(count = 5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemberWizardsLabTest {
    static Lab lab;
    // Only the members' keys are known: the spare hosts' keys are new to the wizards.
    @RegisterExtension
    static final DesktopLabCluster app = DesktopLabCluster.installed(3).withKnownHosts((booted, folder) ->
            Files.write(folder.resolve("known_hosts"), Files.readAllLines(booted.knownHosts()).subList(0, 3)));


    @Test
    @Order(1)
    void addWithoutAHostChosenSaysWhyAndNextStaysDisabled() throws Exception {
        WizardHarness ui = new WizardHarness();
        ui.open(() -> AddMemberWizard.open(null, app.services(), app.inventory()));
        try {
            ui.waitUntil("free hosts listed", Duration.ofSeconds(30), () -> ui.shown("#host-lab4"),
                    () -> ui.text("#hostsReason"));
            assertThat(ui.text("#hostsReason")).isEqualTo("Choose at least one host to add.");
            assertThat(ui.enabled("#next")).isFalse();
            assertThat(ui.shown("#host-lab1")).as("members are not offered").isFalse();
            ui.click("#host-lab4");
            assertThat(ui.shown("#hostsReason")).isFalse();
            ui.waitUntil("host key read", Duration.ofSeconds(30), () -> ui.shown("#trustHostKeys"),
                    () -> ui.text("#hostKeysReason"));
            assertThat(ui.text("#hostKeys")).startsWith("lab4: NEW: ssh-ed25519 SHA256:");
            assertThat(ui.text("#hostKeysReason")).startsWith("New host key: check its fingerprint");
            assertThat(ui.enabled("#next")).as("not before the new key is trusted").isFalse();
            assertThat(Files.readString(app.knownHosts())).doesNotContain(lab.host(3).address());

            ui.click("#trustHostKeys");
            ui.waitUntil("key trusted", Duration.ofSeconds(30), () -> ui.enabled("#next"),
                    () -> ui.text("#hostKeys"));
            assertThat(ui.text("#hostKeys")).startsWith("lab4: known (SHA256:");
            assertThat(Files.readString(app.knownHosts())).contains(lab.host(3).address() + " ssh-ed25519 ");
        } finally {
            ui.close();
        }
    }

    @Test
    @Order(2)
    void replacesADeadMemberThroughTheWizard() throws Exception {
        lab.host(2).cutLink();
        lab.host(2).kill("etcd");
        WizardHarness ui = new WizardHarness();
        ui.open(() -> ReplaceMemberWizard.open(null, app.services(), app.inventory(), "etcd3"));
        try {
            ui.waitUntil("members read", Duration.ofSeconds(60), () -> selected(ui) != null,
                    () -> ui.text("#oldMemberReason"));
            assertThat(selected(ui).name()).isEqualTo("etcd3");
            assertThat(selected(ui).answering()).isFalse();
            assertThat(ui.text("#newHostReason")).isEqualTo("Choose the host that takes its place.");
            assertThat(ui.enabled("#next")).isFalse();
            assertThat(ui.lookup("#newHost").queryAs(ComboBox.class).getItems()).containsExactly("lab4", "lab5");
            ui.click("#newHost");
            ui.click("lab4");
            ui.waitUntil("lab4's key, trusted in the first test, is known", Duration.ofSeconds(30),
                    () -> ui.text("#hostKeys").startsWith("lab4: known"), () -> ui.text("#hostKeys"));
            ui.next(Duration.ofSeconds(30));

            ui.awaitReview(Duration.ofSeconds(90));
            assertThat(ui.text("#reviewHeadline")).contains("Plan: replace on cluster");
            ui.runToResult(Duration.ofSeconds(240));
            assertThat(ui.text("#resultHeadline")).as(ui.lookup("#resultProblems").query().toString())
                    .isEqualTo("Done.");
            assertThat(ui.text("#resultNext")).contains("kube-apiserver --etcd-servers=")
                    .contains("https://" + lab.host(3).address() + ":2379")
                    .doesNotContain("https://" + lab.host(2).address() + ":2379")
                    .contains("Add lab4 to the etcd group").contains("Remove lab3 from the etcd group");
        } finally {
            ui.close();
        }
        ClusterStatus after = app.cluster().status();
        assertThat(after.healthy()).as(after.sentence()).isTrue();
        assertThat(after.members()).extracting(m -> m.hostName()).containsExactlyInAnyOrder("lab1", "lab2", "lab4");
    }

    @Test
    @Order(3)
    void cancelDuringARunStopsBetweenStepsAndASecondRunCompletes() throws Exception {
        WizardHarness ui = new WizardHarness();
        ui.open(() -> AddMemberWizard.open(null, app.services(), app.inventory()));
        try {
            ui.waitUntil("free hosts listed", Duration.ofSeconds(60), () -> ui.shown("#host-lab5"),
                    () -> ui.text("#hostsReason"));
            ui.click("#host-lab5");
            ui.waitUntil("host key read", Duration.ofSeconds(30), () -> ui.shown("#trustHostKeys"));
            ui.click("#trustHostKeys");
            ui.next(Duration.ofSeconds(30));
            ui.awaitReview(Duration.ofSeconds(90));
            ui.click("#next");
            ui.click("#cancel");
            ui.awaitResult("run cancelled", Duration.ofSeconds(120));
            assertThat(ui.text("#resultHeadline")).startsWith("Cancelled.");
            assertThat(ui.text("#resultSummary")).startsWith("cancelled").contains(" not run");
            assertThat(ui.shown("#runAgain")).isTrue();

            ui.click("#runAgain");
            ui.waitUntil("plan reviewed again", Duration.ofSeconds(90), () -> ui.enabled("#next"),
                    () -> ui.text("#reviewHeadline") + " " + ui.text("#reviewProblem"));
            ui.click("#next");
            ui.waitUntil("second run finished", Duration.ofSeconds(240), () -> ui.shown("#resultHeadline")
                    && !ui.text("#resultHeadline").isEmpty(), () -> ui.text("#runCurrent"));
            assertThat(ui.text("#resultHeadline")).isEqualTo("Done.");
            assertThat(ui.text("#resultNext")).contains("https://" + lab.host(4).address() + ":2379");
        } finally {
            ui.close();
        }
        ClusterStatus after = app.cluster().status();
        assertThat(after.healthy()).as(after.sentence()).isTrue();
        assertThat(after.members()).extracting(m -> m.hostName()).contains("lab5").hasSize(4);
    }

    /** etcd3, replaced by lab4 while cut off, is still in the inventory's etcd group: a former member to clean up. */
    @Test
    @Order(4)
    void aMemberReplacedEarlierIsOfferedAsFormerAndItsOwnHostIsRefusedAsTheNewOne() throws Exception {
        WizardHarness ui = new WizardHarness();
        ui.open(() -> ReplaceMemberWizard.open(null, app.services(), app.inventory(), "etcd3"));
        try {
            ui.waitUntil("members read", Duration.ofSeconds(60), () -> selected(ui) != null,
                    () -> ui.text("#oldMemberReason"));
            assertThat(selected(ui).listed()).as(selected(ui).toString()).isFalse();
            assertThat(ui.lookup("#oldMember").queryAs(ComboBox.class).getItems()).hasSize(5);
            assertThat(ui.text("#replaceOutlook")).isEqualTo("etcd3 is no longer in the member list: the quorum "
                    + "stays as it is; the replacement stops etcd on lab3, moves its data aside, then the new host joins.");
            assertThat(ui.lookup("#newHost").queryAs(ComboBox.class).getItems()).containsExactly("lab3");
            ui.click("#newHost");
            ui.click("lab3");
            ui.waitUntil("the same host refused", Duration.ofSeconds(10),
                    () -> ui.text("#newHostReason").startsWith("lab3 is the host of etcd3 itself"),
                    () -> ui.text("#newHostReason"));
            assertThat(ui.enabled("#next")).isFalse();
        } finally {
            ui.close();
        }
    }

    private static ClusterMembers.Member selected(WizardHarness ui) {
        return (ClusterMembers.Member) ui.lookup("#oldMember").queryAs(ComboBox.class).getValue();
    }

}
