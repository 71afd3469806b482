package dev.quorum.app.shell;

import dev.quorum.app.backups.BackupsBadge;
import dev.quorum.app.backups.BackupsView;
import dev.quorum.app.backups.BackupsViewModel;
import dev.quorum.app.backups.FxTicker;
import dev.quorum.app.backups.ScheduleOpener;
import dev.quorum.app.backups.SshBackupsSource;
import dev.quorum.app.charts.ChartsTab;
import dev.quorum.app.certificates.CertificatesView;
import dev.quorum.app.certificates.CertificatesViewModel;
import dev.quorum.app.certificates.LoadState;
import dev.quorum.app.certificates.RenewOpener;
import dev.quorum.app.certificates.SshCertificateSource;
import dev.quorum.app.cluster.ActionAvailability;
import dev.quorum.app.cluster.ClusterAction;
import dev.quorum.app.cluster.ClusterChoiceBar;
import dev.quorum.app.cluster.ClusterChoiceModel;
import dev.quorum.app.cluster.ClusterPicture;
import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.cluster.ClusterViewModel;
import dev.quorum.app.cluster.HostFactsLoader;
import dev.quorum.app.cluster.MemberDetailsView;
import dev.quorum.app.cluster.MemberActions;
import dev.quorum.app.cluster.MembersTable;
import dev.quorum.app.cluster.StatusSource;
import dev.quorum.app.cluster.StatusWatcher;
import dev.quorum.app.kubernetes.KubeClientsTab;
import dev.quorum.app.snapshots.SnapshotsView;
import dev.quorum.app.snapshots.SnapshotsViewModel;
import dev.quorum.app.tasks.LogFeed;
import dev.quorum.app.tasks.TasksView;
import dev.quorum.app.controls.RefusalTip;
import java.time.Clock;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Everything shown for one open cluster: the picture with the selected member's details, and
 * the Members, Certificates, Tasks, Snapshots, Backups and Charts tabs (and Kubernetes, with Kubernetes hosts; a badge
 * above while the backups are stale or failed); plus the watcher that keeps its view model fresh. Built once per
 * opened cluster and disposed when another is shown or the window closes.
 */
final class ClusterWorkspace extends BorderPane {
    private final ClusterSource source;
    private final ClusterViewModel model;
    private final StatusWatcher watcher;
    private final HostFactsLoader hostFacts;
    private final TasksView tasks;
    private final CertificatesViewModel certificates;
    private final TabPane tabs;
    private final Tab tasksTab;

    private final SnapshotsViewModel snapshots;
    private final Tab snapshotsTab;
    private final BackupsViewModel backups;
    private final KubeClientsTab kubernetes;
    private final ChartsTab charts;
    private final ActionAvailability available;
    /** Health changes on the scale of the schedule (1 min at least): a read a minute costs two SSH commands per host. */
    static final java.time.Duration BACKUP_HEALTH_PERIOD = java.time.Duration.ofMinutes(1);

    /**
     * @param onRenew   opens the renew wizard with the tab's warn days (or the CA's replacement, when the tab advises
     *                  it); it calls the given Runnable when a run ends
     * @param onRestore opens the restore wizard on the chosen snapshot
     * @param onAdopt   opens the adopt wizard (offered while the cluster's CA is not on this workstation)
     * @param scheduling opens the Schedule / Unschedule backups wizards
     * @param onShow    shows another cluster (the header's main / events switch)
     * @param available which actions the shown cluster allows (the events cluster refuses some, decision 0044)
     */
    ClusterWorkspace(ClusterSource source, ShellServices services, LogFeed liveLog, MemberActions memberActions,
                     RenewOpener onRenew, Consumer<Path> onRestore, Runnable onAdopt,
                     ScheduleOpener scheduling, Consumer<ClusterSource> onShow, ActionAvailability available) {
        this.source = source;
        this.available = available;
        this.model = new ClusterViewModel(source.name(), source.inventory().etcdMembers(), ZoneId.systemDefault());
        Clock clock = Clock.systemUTC();
        StatusSource statusSource = services.statusSources().apply(source);
        this.watcher = new StatusWatcher(services.executor(), statusSource,
                status -> {
                    model.apply(status, clock.instant());
                    statusSource.etcdRoutes().ifPresent(model::routes);
                    statusSeen(status);
                }, error -> model.failed(error, clock.instant()),
                services.refreshInterval());
        this.hostFacts = new HostFactsLoader(services.executor(), statusSource, model);
        setId("cluster-workspace");
        Label problem = new Label();
        problem.setId("cluster-problem");
        problem.getStyleClass().add("cluster-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        ClusterPicture picture = new ClusterPicture(model, memberActions);
        MemberDetailsView details = new MemberDetailsView(model);
        details.setPrefWidth(340);
        details.setPadding(new Insets(12));
        // Scrolls when the wrapped details are taller than the picture's share of the window.
        javafx.scene.control.ScrollPane detailsPane = new javafx.scene.control.ScrollPane(details);
        detailsPane.setFitToWidth(true);
        detailsPane.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        detailsPane.setMinWidth(360);
        detailsPane.getStyleClass().add("edge-to-edge");
        HBox top = new HBox(picture, detailsPane);
        HBox.setHgrow(picture, Priority.ALWAYS);
        tasks = new TasksView(services.executor(), liveLog, services.home().runs(source.name()));
        Tab members = new Tab("Members", new MembersTable(model, memberActions));
        members.setId("members-tab");
        tasksTab = new Tab("Tasks", tasks);
        tasksTab.setId("tasks-tab");
        // Read on first show and on Refresh only: the inventory costs SSH round trips to every host.
        certificates = new CertificatesViewModel(services.executor(), new SshCertificateSource(source, services.home()),
                source.name(), !source.sandbox());
        Tab certsTab = new Tab("Certificates", new CertificatesView(certificates, onRenew, available));
        certsTab.setId("certificates-tab");
        certsTab.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                certificates.shown();
            }
        });
        snapshots = SnapshotsViewModel.forCluster(services.executor(), services.home(), source);
        snapshotsTab = new Tab("Snapshots", new SnapshotsView(snapshots, ZoneId.systemDefault(), onRestore,
                available));
        snapshotsTab.setId("snapshots-tab");
        // Read again when shown: a restore or the CLI may have added files since.
        snapshotsTab.setOnSelectionChanged(e -> {
            if (snapshotsTab.isSelected()) {
                snapshots.reload();
            }
        });
        // Read when the cluster opens (the badge needs it) and when shown; the sandbox's members have no systemd.
        // a run or a pull ended: the Tasks tab's history, and the Snapshots tab where a pulled backup lands
        // The events cluster's view reads and runs its own backups (quorum-backup-events, decision 0049).
        String noBackups = source.sandbox() ? BackupsViewModel.NO_SYSTEMD
                : ClusterAction.SCHEDULE_BACKUPS.refusal(source.layout()).orElse("");
        backups = new BackupsViewModel(services.executor(), new SshBackupsSource(source, services.home(), liveLog),
                noBackups, ZoneId.systemDefault(), () -> {
                    tasks.reloadHistory();
                    snapshots.reload();
                });
        Tab backupsTab = new Tab("Backups", new BackupsView(backups, onRestore, scheduling));
        backupsTab.setId("backups-tab");
        backupsTab.setOnSelectionChanged(e -> {
            if (backupsTab.isSelected()) {
                backups.refresh();
            }
        });
        tabs = new TabPane(members, certsTab, tasksTab, snapshotsTab, backupsTab);
        kubernetes = KubeClientsTab.addTo(tabs, source, services.executor(), services.home());
        charts = ChartsTab.addTo(tabs, source, services.executor(), services.home());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(top, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        BackupsBadge badge = new BackupsBadge(backups, () -> tabs.getSelectionModel().select(backupsTab));
        javafx.scene.layout.VBox header = new javafx.scene.layout.VBox(4,
                new ClusterChoiceBar(new ClusterChoiceModel(source, onShow)), problemBanner(problem, onAdopt), badge);
        setTop(header);
        setCenter(split);
    }

    /** Why the status cannot be read; with "Adopt this cluster..." while the cause is a CA this workstation lacks. */
    private HBox problemBanner(Label problem, Runnable onAdopt) {
        Button adopt = new Button("Adopt this cluster...", new FontIcon(MaterialDesignS.SHIELD_KEY_OUTLINE));
        adopt.setId("adopt-cluster");
        adopt.setTooltip(new Tooltip("A cluster Kubespray installed: check its hosts against the inventory and import "
                + "its CA to this workstation (quorum adopt); etcd itself is not touched"));
        adopt.setOnAction(e -> onAdopt.run());
        adopt.setMinWidth(Region.USE_PREF_SIZE);
        // the events cluster's CA is the main cluster's: adopted there (switch to main), never from here on main
        Region adoptPane = RefusalTip.wrap(adopt, available.tooltip(ClusterAction.ADOPT,
                adopt.getTooltip().getText()), available.refused(ClusterAction.ADOPT));
        adopt.visibleProperty().bind(model.caMissingProperty());
        adoptPane.visibleProperty().bind(adopt.visibleProperty());
        adoptPane.managedProperty().bind(adopt.visibleProperty());
        HBox banner = new HBox(8, problem, adoptPane);
        banner.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(problem, Priority.ALWAYS);
        banner.visibleProperty().bind(model.problemProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** Leader, member and alarm changes between two status reads go on the Charts tab's timeline. */
    private void statusSeen(dev.quorum.core.etcd.ClusterStatus status) {
        charts.statusSeen(status); // the watcher reads only after start(): the tab is built by then
    }

    /** The cluster was adopted: read its status now, and its certificates again if they were shown. */
    void adopted() {
        watcher.refreshNow();
        if (certificates.stateProperty().get() != LoadState.NOT_LOADED) {
            certificates.refresh();
        }
    }

    void start() {
        watcher.start();
        snapshots.reload();
        backups.refresh();
        // the badge must appear without a click when the backups go stale while the window is open
        backups.watch(new FxTicker(), BACKUP_HEALTH_PERIOD);
        charts.start(); // scraped from the start, so the charts have a past when first looked at
    }

    /** Toolbar "Snapshot now": shows the Snapshots tab and saves there. */
    void snapshotNow() {
        tabs.getSelectionModel().select(snapshotsTab);
        snapshots.saveNow();
    }

    SnapshotsViewModel snapshots() {
        return snapshots;
    }

    void refreshNow() {
        watcher.refreshNow();
        hostFacts.refresh();
    }

    void showTasks() {
        tabs.getSelectionModel().select(tasksTab);
    }

    CertificatesViewModel certificates() {
        return certificates;
    }

    void reloadHistory() {
        tasks.reloadHistory();
    }

    ClusterSource source() {
        return source;
    }

    ClusterViewModel model() {
        return model;
    }

    StatusWatcher watcher() {
        return watcher;
    }

    TabPane tabs() {
        return tabs;
    }

    void dispose() {
        hostFacts.stop();
        watcher.stop();
        certificates.dispose();
        kubernetes.dispose();
        charts.dispose();
        backups.dispose();
        tasks.dispose();
    }
}
