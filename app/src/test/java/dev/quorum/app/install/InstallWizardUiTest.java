package dev.quorum.app.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input on the Install wizard's pages: the reason beside the field, and Next stays disabled. */
class InstallWizardUiTest {
    @TempDir
    Path dir;
    FxTaskExecutor executor;
    WizardServices services;
    WizardHarness ui;

    @BeforeAll
    static void boot() throws Exception {
        WizardHarness.boot();
    }

    @BeforeEach
    void open() throws Exception {
        executor = new FxTaskExecutor(2);
        services = new WizardServices(executor, new QuorumHome(dir.resolve("home")),
                SshOptions.defaults().withKnownHostsFile(dir.resolve("known_hosts")).withIdentityFiles(List.of())
                        .withAgentSocket(java.util.Optional.empty()).withConnectTimeout(Duration.ofSeconds(2)),
                event -> { });
        ui = new WizardHarness();
        ui.open(() -> InstallWizard.open(null, services));
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
        executor.shutdown();
    }

    @Test
    void anEmptyOrUnknownInventoryPathSaysWhyAndNextStaysDisabled() throws Exception {
        assertThat(ui.text("#inventoryReason")).isEqualTo("Choose the cluster's Kubespray inventory file (hosts.yaml).");
        assertThat(ui.enabled("#next")).isFalse();

        ui.type("#inventoryPath", dir.resolve("missing.yaml").toString());
        assertThat(ui.text("#inventoryReason")).startsWith("No such file: " + dir.resolve("missing.yaml"));
        assertThat(ui.enabled("#next")).isFalse();

        Path notAnInventory = Files.writeString(dir.resolve("hosts.yaml"), "all:\n  hosts: {}\n");
        ui.type("#inventoryPath", notAnInventory.toString());
        ui.waitUntil("inventory read", Duration.ofSeconds(10), () -> !ui.text("#inventoryReason").startsWith("Reading"));
        assertThat(ui.text("#inventoryReason")).contains("has no etcd group");
        assertThat(ui.enabled("#next")).isFalse();
        assertThat(ui.enabled("#back")).isFalse();
    }

    @Test
    void typedHostsAreCheckedAsTypedAndWrittenAsAnInventoryBeforePreflight() throws Exception {
        ui.click("#typeHosts");
        assertThat(ui.text("#clusterNameReason")).startsWith("Name the cluster");
        ui.type("#clusterName", "Bad Name");
        assertThat(ui.text("#clusterNameReason")).startsWith("Use lower-case letters");
        ui.type("#clusterName", "demo");
        assertThat(ui.shown("#clusterNameReason")).isFalse();
        ui.type("#hostLines", "node1");
        assertThat(ui.text("#hostLinesReason")).isEqualTo("Line 1: write a name and an address, separated by a space.");
        assertThat(ui.enabled("#next")).isFalse();
        ui.type("#hostLines", "node1 127.0.0.1");
        assertThat(ui.shown("#hostLinesReason")).isFalse();
        ui.next(Duration.ofSeconds(5));

        ui.type("#etcdVersion", "3.4");
        assertThat(ui.text("#etcdVersionReason")).startsWith("Write the version as etcd tags it");
        assertThat(ui.enabled("#next")).isFalse();
        ui.type("#etcdVersion", "v3.4.23");
        ui.next(Duration.ofSeconds(5));

        ui.waitUntil("preflight done", Duration.ofSeconds(30), () -> !preflight().isEmpty());
        assertThat(preflight().get(0).host()).isEqualTo("node1");
        assertThat(preflight().get(0).ok()).as("nothing listens for SSH on 127.0.0.1:22 here").isFalse();
        assertThat(ui.enabled("#next")).isFalse();
        Path written = services.home().cluster("demo").resolve("hosts.yaml");
        Inventory read = new InventoryReader().read(written);
        assertThat(read.clusterName()).isEqualTo("demo");
        assertThat(read.etcdMembers()).hasSize(1);
        assertThat(read.etcd().version()).isEqualTo("v3.4.23");
    }

    @Test
    void backKeepsWhatWasTypedAndCancelBeforeARunClosesTheWindow() throws Exception {
        Path file = Files.writeString(dir.resolve("inventory.yaml"), "all:\n  hosts:\n    a:\n      ip: 127.0.0.1\n"
                + "  children:\n    etcd:\n      hosts:\n        a:\n  vars:\n    etcd_version: v3.4.23\n");
        ui.type("#inventoryPath", file.toString());
        ui.next(Duration.ofSeconds(10));
        assertThat(ui.text("#inventorySettings")).startsWith("etcd v3.4.23 for amd64");
        assertThat(ui.enabled("#back")).isTrue();

        ui.click("#back");
        assertThat(ui.text("#inventoryPath")).isEqualTo(file.toString());
        assertThat(ui.text("#inventorySummary")).startsWith("Cluster ");
        assertThat(ui.text("#cancel")).isEqualTo("Cancel");

        ui.click("#cancel");
        ui.waitUntil("window closed", Duration.ofSeconds(5), () -> !ui.stage().isShowing());
    }

    @SuppressWarnings("unchecked")
    private List<PreflightRow> preflight() {
        return List.copyOf(ui.lookup("#preflightRows").queryAs(TableView.class).getItems());
    }
}
