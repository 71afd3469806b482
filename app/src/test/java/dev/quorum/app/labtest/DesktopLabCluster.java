package dev.quorum.app.labtest;

import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.shell.Fx;
import dev.quorum.app.shell.MainWindow;
import dev.quorum.app.shell.ShellServices;
import dev.quorum.app.shell.TestWindows;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testfx.api.FxToolkit;

/**
 * The set-up the desktop app's lab tests share (issue 17), as {@code CliLabCluster} is the CLI's: before the class's
 * tests, an inventory with the lab's first hosts in the etcd group ({@code inventory/hosts.yaml}), Quorum's home
 * ({@code home/}) in a folder of its own, the cluster installed through core, a task executor and the FX toolkit
 * booted; after them, every main window it opened closed, the executor shut down and the folder removed.
 * Register it on a static field of a {@code @LabHosts} class, beside its {@code static Lab lab} (see {@link LabField});
 * the class's own {@code @BeforeAll} methods run after this set-up, its {@code @AfterAll} ones before the clean-up.
 * The {@code with...} options change the set-up before it runs.
 */
public final class DesktopLabCluster extends LabClusterSetUp {
    /** Writes the known_hosts file the cluster's SSH options trust into {@code folder} and returns it. */
    @FunctionalInterface
    public interface KnownHostsWriter {
        Path write(Lab lab, Path folder) throws IOException;
    }

    private final TestWindows windows = new TestWindows();
    private List<String> laterLines = List.of();
    private KnownHostsWriter knownHostsWriter;
    private Path knownHosts;
    private InstalledCluster cluster;
    private FxTaskExecutor executor;
    private boolean booted;

    private DesktopLabCluster(int etcdCount, boolean install) {
        super(etcdCount, install, "quorum-app-lab");
    }

    /** The lab's first {@code etcdCount} hosts as the etcd group, installed. */
    public static DesktopLabCluster installed(int etcdCount) {
        return new DesktopLabCluster(etcdCount, true);
    }

    /** Inventory, home and executor set up, nothing installed: for tests of the install, or of an adoption. */
    public static DesktopLabCluster notInstalled(int etcdCount) {
        return new DesktopLabCluster(etcdCount, false);
    }

    /** More inventory variables (or other values for the lab's), e.g. {@code etcd_quota_backend_bytes}. */
    public DesktopLabCluster withVars(Map<String, ?> vars) {
        addVars(vars);
        return this;
    }

    /**
     * etcd of this release line ({@code 3.4}...) instead of the lab's default; the class is skipped, before anything
     * is installed, without it or without a tarball of each of {@code laterLines} (the releases it upgrades to).
     */
    public DesktopLabCluster withEtcd(String line, String... laterLines) {
        useEtcd(line);
        this.laterLines = List.of(laterLines);
        return this;
    }

    /** The known_hosts {@code writer} writes instead of the lab's (every host's key known). */
    public DesktopLabCluster withKnownHosts(KnownHostsWriter writer) {
        knownHostsWriter = writer;
        return this;
    }

    @Override
    protected void setUp() throws Exception {
        knownHosts = knownHostsWriter == null ? lab.knownHosts() : knownHostsWriter.write(lab, dir());
        Path inventory = writeLabInventory("inventory", Map.of());
        laterLines.forEach(EtcdTarball::require);
        cluster = new InstalledCluster(inventory, new QuorumHome(dir().resolve("home")),
                SshOptions.defaults().withKnownHostsFile(knownHosts));
        if (install) {
            cluster.install();
        }
        executor = new FxTaskExecutor(4);
        WizardHarness.boot();
        booted = true;
    }

    @Override
    protected void tearDown() throws Exception {
        if (booted) {
            windows.close(executor);
        } else if (executor != null) { // the toolkit did not start: no stage to clean up
            executor.shutdown();
        }
    }

    /**
     * A main window on the app's standard services (the real actions, so toolbar buttons open the real wizards) on
     * the primary stage, opened on the cluster's inventory; closed after the class's tests.
     */
    public MainWindow openWindow() throws Exception {
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(stage -> {
            window[0] = windows.open(ShellServices.standard(executor, cluster.home()));
            stage.setScene(window[0].scene());
            stage.show();
        });
        Fx.run(() -> window[0].openInventory(cluster.inventory(), Optional.of(knownHosts)));
        return window[0];
    }

    /** {@link #openWindow()}, then waits (60 s at most) until the window shows {@code node}: the cluster is shown. */
    public MainWindow openWindowShowing(String node) throws Exception {
        MainWindow window = openWindow();
        WizardHarness ui = new WizardHarness();
        ui.waitUntil("the cluster shown", Duration.ofSeconds(60), () -> ui.shown(node));
        return window;
    }

    /** What a wizard opened on its own (no main window) is given: this executor, home and SSH options. */
    public WizardServices services() {
        return new WizardServices(executor, cluster.home(), cluster.ssh(), event -> { });
    }

    /** The cluster (installed unless {@link #notInstalled}). */
    public InstalledCluster cluster() {
        return cluster;
    }

    public Path inventory() {
        return cluster.inventory();
    }

    public QuorumHome home() {
        return cluster.home();
    }

    public SshOptions ssh() {
        return cluster.ssh();
    }

    /** The known_hosts file trusted (the lab's unless {@link #withKnownHosts}). */
    public Path knownHosts() {
        return knownHosts;
    }
}
