package dev.quorum.app.shell;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.cluster.ClusterViewModel;
import dev.quorum.app.cluster.MemberState;
import dev.quorum.app.cluster.MemberViewModel;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The left side: every open cluster and, under the one shown, its members' hosts, each with a
 * state dot and the state in words.
 */
final class ClusterNavigator extends TreeView<Object> {
    private final TreeItem<Object> root = new TreeItem<>("clusters");
    private ClusterViewModel shown;
    private final ListChangeListener<MemberViewModel> membersChanged = c -> fillHosts();

    ClusterNavigator(Consumer<ClusterSource> onCluster, Consumer<MemberViewModel> onHost) {
        setId("navigator");
        setRoot(root);
        setShowRoot(false);
        setCellFactory(tree -> new NavCell());
        setPrefWidth(230);
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now.getValue() instanceof ClusterSource source) {
                onCluster.accept(source);
            } else if (now != null && now.getValue() instanceof MemberViewModel member) {
                onHost.accept(member);
            }
        });
    }

    void add(ClusterSource source) {
        for (TreeItem<Object> item : root.getChildren()) {
            if (((ClusterSource) item.getValue()).inventoryFile().equals(source.inventoryFile())) {
                item.setValue(source);
                return;
            }
        }
        root.getChildren().add(new TreeItem<>(source));
    }

    /** Shows this cluster's hosts under it (and no other's), following membership changes. */
    void showing(ClusterSource source, ClusterViewModel model) {
        if (shown != null) {
            shown.members().removeListener(membersChanged);
        }
        shown = model;
        model.members().addListener(membersChanged);
        for (TreeItem<Object> item : root.getChildren()) {
            boolean mine = ((ClusterSource) item.getValue()).inventoryFile().equals(source.inventoryFile());
            if (!mine) {
                item.getChildren().clear();
            } else if (getSelectionModel().getSelectedItem() == null
                    || getSelectionModel().getSelectedItem().getParent() != item) {
                getSelectionModel().select(item);
            }
        }
        fillHosts();
    }

    private void fillHosts() {
        for (TreeItem<Object> item : root.getChildren()) {
            if (shown != null && ((ClusterSource) item.getValue()).name().equals(shown.clusterName())
                    && !item.getChildren().stream().map(TreeItem::getValue).toList().equals(shown.members())) {
                item.getChildren().setAll(shown.members().stream().map(m -> new TreeItem<Object>(m)).toList());
                item.setExpanded(true);
            }
        }
    }

    /** A cluster (icon, name) or a host (state dot, "host: state"). */
    private static final class NavCell extends TreeCell<Object> {
        private final Circle dot = new Circle(5);
        private MemberViewModel bound;
        private final ChangeListener<MemberState> stateChanged = (obs, old, now) -> paint();

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                bound.stateProperty().removeListener(stateChanged);
                bound = null;
            }
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
            } else if (item instanceof ClusterSource source) {
                setText(source.name() + (source.sandbox() ? " (local sandbox)" : ""));
                setGraphic(new FontIcon(source.sandbox() ? MaterialDesignL.LAPTOP : MaterialDesignD.DATABASE_OUTLINE));
            } else if (item instanceof MemberViewModel member) {
                bound = member;
                member.stateProperty().addListener(stateChanged);
                setGraphic(dot);
                paint();
            }
        }

        private void paint() {
            MemberState state = bound.state();
            setText(bound.hostProperty().get() + "  " + state.words());
            setTooltip(new javafx.scene.control.Tooltip(bound.name() + " on " + bound.hostProperty().get() + ": "
                    + state.words()));
            dot.getStyleClass().setAll("state-dot", "state-" + state.styleName());
        }
    }
}
