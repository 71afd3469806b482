package dev.quorum.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.cli.QuorumCommand;
import dev.quorum.app.cluster.ClusterViewModel;
import dev.quorum.app.cluster.MemberState;
import dev.quorum.app.cluster.MemberViewModel;
import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The main window on a real 3-host lab cluster installed by the CLI: its three members, a leader, health in words. */
@LabHosts(count = 3)
@Timeout(300)
class DesktopLabTest {
    static Lab lab;
    @TempDir
    static Path dir;
    FxTaskExecutor executor;
    final TestWindows windows = new TestWindows();
    MainWindow window;

    @AfterAll
    static void clearHome() {
        System.clearProperty(QuorumHome.PROPERTY);
    }

    @Test
    void showsTheLabClustersThreeMembers() throws Exception {
        EtcdTarball tarball = EtcdTarball.get();
        Path inventory = lab.writeInventory(dir.resolve("inventory"), Map.of("etcd_version", tarball.version(),
                "etcd_download_url", tarball.uri().toString(), "etcd_binary_checksum", tarball.sha256()), 3);
        Path home = dir.resolve("home");
        System.setProperty(QuorumHome.PROPERTY, home.toString());
        StringWriter out = new StringWriter();
        int installed = QuorumCommand.run(new PrintWriter(out, true), new PrintWriter(out, true), "install", "-i",
                inventory.toString(), "--known-hosts", lab.knownHosts().toString(), "--yes");
        assertThat(installed).as(out.toString()).isZero();

        executor = new FxTaskExecutor(2);
        try {
            FxToolkit.registerPrimaryStage();
            FxToolkit.setupStage(stage -> {
                window = windows.open(ShellServices.standard(executor, new QuorumHome(home))
                        .withActions(c -> new RecordingShellActions()));
                stage.setScene(window.scene());
                stage.show();
            });
            Fx.run(() -> window.openInventory(inventory, Optional.of(lab.knownHosts())));
            Fx.await(Duration.ofSeconds(60), "the lab cluster healthy in the window", () -> window.workspace()
                    .map(w -> w.model().sentenceProperty().get().equals("3/3 healthy, tolerates 1 failure")).orElse(false));

            ClusterViewModel model = Fx.get(() -> window.workspace().orElseThrow().model());
            assertThat(Fx.get(() -> model.members().stream().map(MemberViewModel::name).toList()))
                    .containsExactly("etcd1", "etcd2", "etcd3");
            assertThat(Fx.get(() -> model.members().stream().filter(m -> m.state() == MemberState.LEADER).count()))
                    .isEqualTo(1);
            assertThat(Fx.get(() -> model.members().get(1).endpointProperty().get()))
                    .isEqualTo("https://" + lab.host(1).address() + ":2379");
            assertThat(Fx.get(() -> model.leaderProperty().get())).matches("leader: etcd[123] on lab[123]");

            // Selecting a member reads its host: the service over SSH, the certificate etcd serves.
            MemberViewModel second = Fx.get(() -> model.members().get(1));
            Fx.run(() -> model.select(second));
            Fx.await(Duration.ofSeconds(30), "the host side read", () -> second.certificateProperty().get()
                    .startsWith("valid until"));
            assertThat(Fx.get(() -> second.serviceProperty().get())).isEqualTo("etcd active, enabled at boot");
            assertThat(Fx.get(() -> second.certificateProperty().get())).matches("valid until \\d{4}-\\d{2}-\\d{2} \\(\\d+ days left\\)");
        } finally {
            windows.close(executor);
        }
    }
}
