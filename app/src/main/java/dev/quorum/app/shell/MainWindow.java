package dev.quorum.app.shell;

import dev.quorum.app.common.ErrorWords;
import dev.quorum.app.cluster.ActionAvailability;
import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.cluster.MemberActions;
import dev.quorum.app.cluster.MemberViewModel;
import dev.quorum.app.cluster.PeerLinks;
import dev.quorum.app.common.TaskExecutor;
import dev.quorum.app.tasks.LiveLogViewModel;
import dev.quorum.app.tasks.LogFeed;
import dev.quorum.app.overview.OverviewView;
import dev.quorum.app.overview.OverviewViewModel;
import dev.quorum.app.welcome.WelcomeActions;
import dev.quorum.app.welcome.WelcomeView;
import dev.quorum.app.welcome.WelcomeViewModel;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.known.KnownClusters;
import dev.quorum.core.sandbox.SandboxLayout;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.workspace.QuorumHome;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.time.Duration;
import dev.quorum.app.backups.ScheduleOpener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The main window: navigator on the left, the welcome screen or the shown cluster in the centre,
 * toolbar on top, status bar below. Only one cluster is watched at a time: showing another
 * stops the previous watcher.
 */
public final class MainWindow implements ShellContext, WelcomeActions, MainToolbar.Actions {
    public static final double MIN_WIDTH = 1000;
    public static final double MIN_HEIGHT = 680;

    private final ShellServices services;
    private final ShellActions actions;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private final WelcomeViewModel welcomeModel = new WelcomeViewModel();
    private final OverviewViewModel overviewModel;
    private final ClusterNavigator navigator;
    private final StatusBar statusBar = new StatusBar();
    private final Map<String, LogFeed> feeds = new ConcurrentHashMap<>();
    private final BooleanProperty noCluster = new SimpleBooleanProperty(true);
    private final BooleanProperty noMember = new SimpleBooleanProperty(true);
    private final ActionAvailability available = new ActionAvailability();
    private ClusterWorkspace current;
    private Theme theme = Theme.LIGHT;

    public MainWindow(ShellServices services) {
        this.services = services;
        this.navigator = new ClusterNavigator(this::show, member -> {
            if (current != null) {
                current.model().select(member);
            }
        });
        root.setTop(new MainToolbar(this, noCluster, noMember, available));
        root.setLeft(navigator);
        overviewModel = new OverviewViewModel(services.executor(), () -> new KnownClusters(services.home()).list(),
                new KnownClusterStatus(services), java.time.Clock.systemUTC());
        WelcomeView welcome = new WelcomeView(welcomeModel, this);
        VBox.setVgrow(welcome, Priority.ALWAYS);
        // The cards above the welcome screen's ways in; with fewer than two known clusters they take no room.
        root.setCenter(new VBox(new OverviewView(overviewModel, this::openInventory), welcome));
        root.setBottom(statusBar);
        scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Theme.appStylesheet());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::open);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::refresh);
        this.actions = services.actions().create(this);
        overviewModel.load();
    }

    public Scene scene() {
        return scene;
    }

    /**
     * Shows a cluster: builds its workspace once and starts watching it; the previous one stops. The events cluster of
     * an inventory is a cluster of its own here (the header's switch shows it, decision 0044).
     */
    public void show(ClusterSource source) {
        if (current != null && current.source().inventoryFile().equals(source.inventoryFile())
                && current.source().layout() == source.layout()) {
            return;
        }
        if (current != null) {
            current.dispose();
        }
        overviewModel.close(); // the overview is off screen from now on: no more status reads for its cards
        current = new ClusterWorkspace(source, services, liveLog(source.name()),
                new MemberActions(member -> actions.replaceMember(source, member),
                        member -> actions.removeMember(source, member)),
                (warnDays, replaceCa, afterRun) -> {
                    if (replaceCa) {
                        actions.rotateCa(source, afterRun);
                    } else {
                        actions.renewCertificates(source, warnDays, afterRun);
                    }
                },
                snapshot -> actions.restore(source, Optional.of(snapshot)),
                () -> actions.adoptCluster(source, () -> adopted(source)), new ScheduleOpener() {
                    @Override
                    public void schedule(Optional<Duration> every, OptionalInt keep, Runnable afterRun) {
                        actions.scheduleBackups(source, every, keep, afterRun);
                    }

                    @Override
                    public void unschedule(Runnable afterRun) {
                        actions.unscheduleBackups(source, afterRun);
                    }
                }, this::show, available);
        root.setCenter(current);
        navigator.add(source);
        navigator.showing(source, current.model());
        statusBar.show(current.model());
        noCluster.set(false);
        available.show(source.layout());
        noMember.bind(current.model().selectedProperty().isNull());
        current.start();
    }

    /** An adoption of {@code source} succeeded: its CA is here now, so its status and certificates can be read. */
    private void adopted(ClusterSource source) {
        if (current != null && current.source() == source) {
            current.adopted();
        }
    }

    @Override
    public void openInventory(Path inventory) {
        openInventory(inventory, Optional.empty());
    }

    @Override
    public void openInventory(Path inventory, Optional<Path> knownHosts) {
        welcomeModel.working("Reading " + inventory + "...");
        SandboxLayout sandbox = new SandboxLayout(services.home());
        services.executor().submit(() -> new ClusterSource(new InventoryReader().read(inventory), knownHosts,
                sandbox.isInventory(inventory)),
                source -> {
                    welcomeModel.done();
                    show(source);
                }, error -> welcomeModel.failed("Cannot open " + inventory + ": " + ErrorWords.describe(error)));
    }

    @Override
    public void createCluster() {
        actions.installNewCluster();
    }

    @Override
    public void openSandbox() {
        welcomeModel.working("Starting the local sandbox: three etcd members on 127.77.0.1-3...");
        LogFeed feed = liveLog(SandboxLayout.CLUSTER_NAME);
        services.executor().submit(() -> services.sandbox().start(feed), inventory -> {
            welcomeModel.done();
            openInventory(inventory, Optional.empty());
        }, error -> welcomeModel.failed("The sandbox did not start: " + ErrorWords.describe(error)));
    }

    @Override
    public void open() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a Kubespray inventory");
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            openInventory(file.toPath());
        }
    }

    @Override
    public void install() {
        actions.installNewCluster();
    }

    @Override
    public void addMember() {
        currentCluster().ifPresent(actions::addMember);
    }

    @Override
    public void replaceSelected() {
        if (current != null && current.model().selectedProperty().get() != null) {
            MemberViewModel member = current.model().selectedProperty().get();
            actions.replaceMember(current.source(), member.name());
        }
    }

    @Override
    public void removeSelected() {
        if (current != null && current.model().selectedProperty().get() != null) {
            actions.removeMember(current.source(), current.model().selectedProperty().get().name());
        }
    }

    @Override
    public void recover() {
        currentCluster().ifPresent(actions::recover);
    }

    @Override
    public void maintain() {
        currentCluster().ifPresent(actions::maintain);
    }

    @Override
    public void upgrade() {
        currentCluster().ifPresent(actions::upgrade);
    }

    @Override
    public void snapshotNow() {
        if (current != null) {
            current.snapshotNow();
        }
    }

    @Override
    public void restore() {
        currentCluster().ifPresent(source -> actions.restore(source, Optional.empty()));
    }

    @Override
    public void refresh() {
        if (current != null) {
            current.refreshNow();
        }
    }

    @Override
    public void toggleTheme() {
        theme = theme.other();
        theme.apply();
    }

    @Override
    public Window window() {
        return scene.getWindow();
    }

    @Override
    public TaskExecutor executor() {
        return services.executor();
    }

    @Override
    public QuorumHome home() {
        return services.home();
    }

    @Override
    public Optional<ClusterSource> currentCluster() {
        return Optional.ofNullable(current).map(ClusterWorkspace::source);
    }

    @Override
    public LogFeed liveLog(String clusterName) {
        return feeds.computeIfAbsent(clusterName, n -> new LogFeed(LiveLogViewModel.DEFAULT_CAPACITY));
    }

    @Override
    public void showDiagnosis(String clusterName, Diagnosis diagnosis) {
        if (current != null && current.model().clusterName().equals(clusterName)) {
            current.model().peerLinksProperty().set(PeerLinks.of(diagnosis));
        }
    }

    /** For tests: the workspace of the cluster shown. */
    Optional<ClusterWorkspace> workspace() {
        return Optional.ofNullable(current);
    }

    /** Stops watching; called when the window closes. */
    public void dispose() {
        overviewModel.close();
        if (current != null) {
            current.dispose();
            current = null;
        }
    }
}
