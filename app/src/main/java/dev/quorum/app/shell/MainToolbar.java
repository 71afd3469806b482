package dev.quorum.app.shell;

import dev.quorum.app.cluster.ActionAvailability;
import dev.quorum.app.cluster.ClusterAction;
import dev.quorum.app.controls.RefusalTip;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * The main window's actions; each has a tooltip and is disabled when it cannot apply: no cluster shown, no member
 * selected, or an action the shown cluster refuses (the events cluster, decision 0044; its tooltip then says why).
 */
final class MainToolbar extends ToolBar {

    /** What the buttons do. */
    interface Actions {
        void open();

        void install();

        void addMember();

        void replaceSelected();

        void removeSelected();

        void recover();

        void snapshotNow();

        void maintain();

        void upgrade();

        void restore();

        void refresh();

        void toggleTheme();
    }

    private final ActionAvailability available;

    MainToolbar(Actions actions, ObservableBooleanValue noCluster, ObservableBooleanValue noMemberSelected,
                ActionAvailability available) {
        this.available = available;
        setId("main-toolbar");
        Button open = button("toolbar-open", "Open...", MaterialDesignF.FOLDER_OPEN_OUTLINE,
                "Open a Kubespray inventory (Ctrl+O)", actions::open);
        Button install = button("toolbar-install", "Install...", MaterialDesignP.PLUS_CIRCLE_OUTLINE,
                "Install a new etcd cluster on the hosts of an inventory", actions::install);
        Node add = clusterButton(ClusterAction.ADD, "toolbar-add", "Add...", MaterialDesignS.SERVER_PLUS,
                "Add a host of the inventory to this cluster (joins as a learner, then promoted)", actions::addMember,
                noCluster);
        Node replace = clusterButton(ClusterAction.REPLACE, "toolbar-replace",
                "Replace...", MaterialDesignS.SWAP_HORIZONTAL,
                "Replace the selected member by another host (removed first, then the new one joins)",
                actions::replaceSelected, noMemberSelected);
        Node remove = clusterButton(ClusterAction.REMOVE, "toolbar-remove", "Remove...", MaterialDesignS.SERVER_MINUS,
                "Remove the selected member (refused if the rest would lose quorum; its data dir is moved aside, "
                        + "not deleted)", actions::removeSelected, noMemberSelected);
        Node recover = clusterButton(ClusterAction.RECOVER, "toolbar-recover",
                "Recover...", MaterialDesignS.STETHOSCOPE,
                "Diagnose / Recover: ask every host what it sees (who reaches whom, leader, problems), then recover the cluster after "
                        + "a partition or a member failure", actions::recover, noCluster);
        Node snapshot = clusterButton(ClusterAction.SNAPSHOT, "toolbar-snapshot",
                null, MaterialDesignC.CAMERA_OUTLINE,
                "Snapshot: save a snapshot of this cluster to this workstation now (quorum snapshot save)",
                actions::snapshotNow, noCluster);
        Node restore = clusterButton(ClusterAction.RESTORE, "toolbar-restore", "Restore...", MaterialDesignR.RESTORE,
                "Disaster recovery: a new cluster from a snapshot or a survivor's data (quorum restore)",
                actions::restore, noCluster);
        Node maintain = clusterButton(ClusterAction.MAINTAIN, "toolbar-maintain",
                "Maintain...", MaterialDesignW.WRENCH_OUTLINE,
                "Compact the key history, defragment members one at a time, disarm NOSPACE (quorum maintain)",
                actions::maintain, noCluster);
        // Snapshot, Upgrade, Refresh and the theme are icons only: with text the toolbar would not fit the window's
        // smallest width, and a ToolBar hides what does not fit in an overflow menu (MainToolbarFitTest)
        Node upgrade = clusterButton(ClusterAction.UPGRADE, "toolbar-upgrade",
                null, MaterialDesignA.ARROW_UP_BOLD_CIRCLE_OUTLINE,
                "Upgrade etcd... to the inventory's etcd_version, one member at a time, after its guards "
                        + "(quorum upgrade)", actions::upgrade, noCluster);
        Button refresh = button("toolbar-refresh", null, MaterialDesignR.REFRESH,
                "Read the cluster's status now (it refreshes every second anyway) (F5)", actions::refresh, noCluster);
        Button theme = button("toolbar-theme", null, MaterialDesignT.THEME_LIGHT_DARK,
                "Switch between the light and the dark theme", actions::toggleTheme);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getItems().addAll(open, new Separator(), install, add, replace, remove, recover, new Separator(), snapshot, restore,
                maintain, upgrade, refresh, spacer, theme);
    }

    /**
     * A button on the shown cluster: disabled while {@code disabled} holds (no cluster shown, no member selected) or
     * the cluster refuses {@code clusterAction}, and then its tooltip says why.
     */
    private Node clusterButton(ClusterAction clusterAction, String id, String text, Ikon icon, String tooltip,
                               Runnable action, ObservableBooleanValue disabled) {
        Button button = button(id, text, icon, tooltip, action);
        return RefusalTip.wrap(button, available.tooltip(clusterAction, tooltip),
                Bindings.or(disabled, available.refused(clusterAction)));
    }

    /** A button that is disabled while {@code disabled} holds (no cluster shown, no member selected). */
    private static Button button(String id, String text, Ikon icon, String tooltip, Runnable action,
                                 ObservableBooleanValue disabled) {
        Button button = button(id, text, icon, tooltip, action);
        button.disableProperty().bind(disabled);
        return button;
    }

    private static Button button(String id, String text, Ikon icon, String tooltip, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        return button;
    }
}
