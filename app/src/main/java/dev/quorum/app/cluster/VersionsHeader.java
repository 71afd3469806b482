package dev.quorum.app.cluster;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The picture's header: the cluster version, and a "mixed versions" badge while members run
 * different etcd versions (a rolling upgrade under way); the tooltip names who runs what. When the
 * members are reached through a bastion, it says so ("through bastion HOST"), and when etcd is reached
 * through SSH tunnels, that too ("etcd through SSH tunnels", the reason in its tooltip).
 */
final class VersionsHeader extends HBox {

    VersionsHeader(ClusterViewModel model) {
        super(8);
        setId("cluster-versions");
        getStyleClass().add("cluster-versions");
        setAlignment(Pos.CENTER_LEFT);
        Label cluster = new Label();
        cluster.setId("cluster-version");
        cluster.getStyleClass().add("text-muted");
        cluster.textProperty().bind(model.clusterVersionProperty().map(v -> "cluster version " + v));
        Label mixed = new Label("mixed versions", new FontIcon(MaterialDesignS.SOURCE_BRANCH));
        mixed.setId("mixed-versions-badge");
        mixed.getStyleClass().addAll("mixed-versions-badge", "warning");
        mixed.visibleProperty().bind(model.mixedVersionsProperty());
        mixed.managedProperty().bind(mixed.visibleProperty());
        Tooltip words = new Tooltip();
        words.textProperty().bind(model.versionsProperty());
        cluster.setTooltip(words);
        mixed.setTooltip(words);
        Label bastion = new Label();
        bastion.setId("cluster-bastion");
        bastion.getStyleClass().add("text-muted");
        bastion.textProperty().bind(model.bastionProperty());
        bastion.visibleProperty().bind(model.bastionProperty().isNotEmpty());
        bastion.managedProperty().bind(bastion.visibleProperty());
        Label route = new Label();
        route.setId("cluster-etcd-route");
        route.getStyleClass().add("text-muted");
        route.textProperty().bind(model.etcdRouteProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(model.etcdRouteLineProperty());
        route.setTooltip(why);
        route.visibleProperty().bind(model.etcdRouteProperty().isNotEmpty());
        route.managedProperty().bind(route.visibleProperty());
        getChildren().addAll(cluster, mixed, bastion, route);
    }
}
