package dev.quorum.app.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Installs a 3-member cluster on lab hosts only by clicking through the Install wizard. */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallWizardLabTest {
    static Lab lab;
    // Kubespray's election timeout, not the lab's: the inventory the wizard writes from typed hosts has it,
    // and its re-run must find nothing to change. No host key known yet.
    @RegisterExtension
    static final DesktopLabCluster app = DesktopLabCluster.notInstalled(3)
            .withVars(Map.of("etcd_election_timeout", EtcdSettings.DEFAULT_ELECTION_MILLIS))
            .withKnownHosts((booted, folder) -> Files.writeString(folder.resolve("known_hosts"), ""));
    static WizardServices services;
    static final List<RunEvent> hooked = new CopyOnWriteArrayList<>();
    static EtcdTarball tarball;

    @BeforeAll
    static void setUp() {
        tarball = EtcdTarball.get();
        services = app.services().withRunListener(hooked::add);
    }

    @Test
    @Order(1)
    void installsByClickingThroughAndTheClusterIsHealthy() throws Exception {
        WizardHarness ui = new WizardHarness();
        ui.open(() -> InstallWizard.open(null, services));
        try {
            ui.type("#inventoryPath", app.inventory().toString());
            ui.next(Duration.ofSeconds(20));
            assertThat(ui.text("#inventorySettings")).contains("etcd " + tarball.version()).contains("/var/lib/etcd");
            ui.next(Duration.ofSeconds(5));

            ui.waitUntil("new host keys listed", Duration.ofSeconds(60), () -> ui.shown("#trustHostKeys"));
            assertThat(ui.enabled("#next")).as("no run before the keys are trusted").isFalse();
            assertThat(rows(ui)).allMatch(r -> r.hostKey().startsWith("NEW: ssh-ed25519 SHA256:"));
            ui.click("#trustHostKeys");
            ui.waitUntil("preflight passed", Duration.ofSeconds(60), () -> ui.enabled("#next"),
                    () -> rows(ui) + " " + ui.text("#preflightProblem"));
            assertThat(rows(ui)).hasSize(3).allMatch(r -> r.ok() && r.hostKey().startsWith("known")
                    && r.result().message().contains("no etcd data yet"));
            assertThat(Files.readString(app.ssh().knownHostsFile())).contains(lab.host(0).address() + " ssh-ed25519 ");

            ui.click("#next");
            ui.awaitReview(Duration.ofSeconds(60));
            assertThat(ui.text("#reviewHeadline")).contains("Plan: install on cluster").contains("plan ready");
            assertThat(ui.lookup("#reviewSteps").queryAs(TableView.class).getItems()).hasSize(15);
            assertThat(lab.host(0).fileExists("/etc/etcd.env")).as("review changes nothing").isFalse();

            ui.runToResult(Duration.ofSeconds(180));
            assertThat(ui.text("#resultHeadline")).isEqualTo("Done.");
            assertThat(ui.text("#resultSummary")).startsWith("done: ").contains(" changed, 0 failed");
            assertThat(ui.text("#resultNext")).contains("--etcd-servers=https://" + lab.host(0).address() + ":2379")
                    .contains("Run log: ");
            assertThat(ui.text("#cancel")).isEqualTo("Close");
        } finally {
            ui.close();
        }
        try (Stream<Path> logs = Files.list(app.home().runs("inventory"))) {
            assertThat(logs.filter(p -> p.toString().endsWith("-install.jsonl"))).hasSize(1);
        }
        assertThat(hooked).anyMatch(e -> e instanceof RunEvent.RunFinished);
        var status = app.cluster().status();
        assertThat(status.healthy()).as(status.sentence()).isTrue();
        assertThat(status.members()).hasSize(3);
    }

    /** The same hosts typed in: the written inventory describes the installed cluster, so nothing changes. */
    @Test
    @Order(2)
    void typedInHostsWriteAnInventoryAndARunOnTheInstalledClusterChangesNothing() throws Exception {
        WizardHarness ui = new WizardHarness();
        ui.open(() -> InstallWizard.open(null, services));
        try {
            ui.click("#typeHosts");
            ui.type("#clusterName", "inventory");
            ui.type("#hostLines", String.join("\n", lab.hosts().stream()
                    .map(h -> h.name() + " " + h.address()).toList()));
            ui.type("#sshKey", lab.privateKey().toString());
            ui.next(Duration.ofSeconds(5));
            ui.type("#etcdVersion", tarball.version());
            ui.type("#etcdDownloadUrl", tarball.uri().toString());
            ui.type("#etcdChecksum", tarball.sha256());
            ui.next(Duration.ofSeconds(5));
            ui.waitUntil("preflight passed", Duration.ofSeconds(60), () -> ui.enabled("#next"),
                    () -> rows(ui) + " " + ui.text("#preflightProblem"));
            assertThat(rows(ui)).allMatch(r -> r.result().message().contains("member of this cluster"));
            ui.click("#next");
            ui.awaitReview(Duration.ofSeconds(60));
            assertThat(ui.text("#reviewHeadline")).as(reviewed(ui)).contains("nothing to change");
            ui.runToResult(Duration.ofSeconds(120));
            assertThat(ui.text("#resultHeadline")).isEqualTo("Done: nothing needed changing.");
            assertThat(ui.text("#resultSummary")).startsWith("done, no changes: ").contains(" 0 changed, 0 failed");
        } finally {
            ui.close();
        }
        Path written = app.home().cluster("inventory").resolve("hosts.yaml");
        assertThat(new InventoryReader().read(written).etcdMembers()).extracting(m -> m.memberName())
                .containsExactly("etcd1", "etcd2", "etcd3");
    }

    @SuppressWarnings("unchecked")
    private static String reviewed(WizardHarness ui) {
        return ((List<dev.quorum.app.wizard.ReviewStep>) ui.lookup("#reviewSteps").queryAs(TableView.class)
                .getItems()).stream().map(r -> r.title() + " => " + r.foundProperty().get()).toList().toString();
    }

    @SuppressWarnings("unchecked")
    private static List<PreflightRow> rows(WizardHarness ui) {
        return List.copyOf(ui.lookup("#preflightRows").queryAs(TableView.class).getItems());
    }
}
