package dev.quorum.app.charts;

import dev.quorum.app.backups.FxTicker;
import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.workspace.QuorumHome;
import java.time.Clock;
import java.time.ZoneId;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The Charts tab of an open cluster: etcd's metrics scraped while the cluster is open (from {@link #start()} until
 * {@link #dispose()}), so the charts have a past when first looked at.
 */
public final class ChartsTab {
    private final ChartsViewModel model;

    private ChartsTab(ChartsViewModel model) {
        this.model = model;
    }

    public static ChartsTab addTo(TabPane tabs, ClusterSource source, TaskExecutor executor, QuorumHome home) {
        ZoneId zone = ZoneId.systemDefault();
        ChartsViewModel model = new ChartsViewModel(executor, new SessionMetricsSource(source, home),
                Clock.systemUTC(), zone);
        Tab tab = new Tab("Charts");
        tab.setId("charts-tab");
        // Built when first shown: ten charts cost the UI thread a moment, and most openings never look at them;
        // the scrapes run from the start all the same, so the charts have a past when they are built.
        tab.selectedProperty().addListener((obs, was, now) -> {
            if (now && tab.getContent() == null) {
                tab.setContent(new ChartsView(model, zone));
            }
        });
        tabs.getTabs().add(tab);
        return new ChartsTab(model);
    }

    public void start() {
        model.watch(new FxTicker(), ChartsViewModel.PERIOD);
    }

    public void statusSeen(ClusterStatus status) {
        model.statusSeen(status);
    }

    public ChartsViewModel model() {
        return model;
    }

    public void dispose() {
        model.dispose();
    }
}
