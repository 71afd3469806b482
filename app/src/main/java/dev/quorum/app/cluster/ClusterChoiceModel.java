package dev.quorum.app.cluster;

import dev.quorum.core.inventory.ClusterLayout;
import java.util.List;
import java.util.function.Consumer;

/**
 * The cluster header's "main / events" switch (decision 0044): offered when the inventory enables Kubespray's events
 * cluster; choosing the other cluster asks the window to show it (a workspace of its own: status, host facts,
 * certificates, charts, runs and snapshots of {@code NAME-events}). UI thread only.
 */
public final class ClusterChoiceModel {
    private final ClusterSource source;
    private final Consumer<ClusterSource> show;

    /** @param show shows a cluster in the window (the shell's {@code MainWindow.show}) */
    public ClusterChoiceModel(ClusterSource source, Consumer<ClusterSource> show) {
        this.source = source;
        this.show = show;
    }

    /** The clusters to choose from: the main one, and the events one when the inventory has it. */
    public List<ClusterLayout> choices() {
        return source.clusters();
    }

    /** Only an inventory with two clusters has a switch. */
    public boolean offered() {
        return choices().size() > 1;
    }

    public ClusterLayout shown() {
        return source.layout();
    }

    /** Shows the inventory's cluster of {@code layout}; nothing when it is the one shown or not one of the choices. */
    public void choose(ClusterLayout layout) {
        if (layout != null && layout != shown() && choices().contains(layout)) {
            show.accept(source.showing(layout));
        }
    }

    /** The switch's words: "main" or "events". */
    public static String words(ClusterLayout layout) {
        return layout.word();
    }

    /** What a cluster of this inventory is, for the switch's tooltip and the line beside it. */
    public String describe(ClusterLayout layout) {
        String name = source.opened().clusterName() + layout.folderSuffix();
        return (layout == ClusterLayout.MAIN ? "The main cluster " + name + " (Kubernetes' data)"
                : "The events cluster " + name + " (Kubernetes' events; the main cluster's CA and client certificate)")
                + ": " + layout.unitName() + ".service, client port " + layout.clientPort() + ", " + layout.envFile();
    }

    /** The line beside the switch: what is shown. */
    public String caption() {
        return describe(shown());
    }
}
