package dev.quorum.app.cluster;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The members on a ring. Nodes are added or removed only when membership changes; positions are
 * computed in layout, so resizing or a refresh never rebuilds anything.
 */
public final class ClusterPicture extends Pane {
    private final ClusterViewModel model;
    private final Circle ring = new Circle();
    private final Map<MemberViewModel, MemberNode> nodes = new HashMap<>();
    private final PeerLinksLayer links = new PeerLinksLayer(ZoneId.systemDefault());
    private final VersionsHeader header;

    private final MemberActions actions;

    /** @param actions what the member's context menu "Replace..." and "Remove..." do */
    public ClusterPicture(ClusterViewModel model, MemberActions actions) {
        this.model = model;
        this.actions = actions;
        getStyleClass().add("cluster-picture");
        ring.getStyleClass().add("cluster-ring");
        ring.setManaged(false);
        header = new VersionsHeader(model);
        getChildren().addAll(ring, links.lines(), links.caption(), header);
        setMinSize(320, 260);
        sync();
        model.members().addListener((ListChangeListener<MemberViewModel>) change -> sync());
        model.peerLinksProperty().addListener((obs, old, now) -> requestLayout());
        model.selectedProperty().addListener((obs, old, now) -> nodes.forEach((m, n) -> n.selected(m == now)));
    }

    private void sync() {
        List<MemberViewModel> members = model.members();
        nodes.keySet().removeIf(m -> {
            if (!members.contains(m)) {
                getChildren().remove(nodes.get(m));
                return true;
            }
            return false;
        });
        for (MemberViewModel member : members) {
            nodes.computeIfAbsent(member, m -> {
                MemberNode node = new MemberNode(m);
                node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> model.select(m));
                node.setOnContextMenuRequested(e -> {
                    model.select(m);
                    contextMenu(m).show(node, e.getScreenX(), e.getScreenY());
                });
                getChildren().add(node);
                return node;
            });
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        List<MemberViewModel> members = model.members();
        double width = getWidth();
        double height = getHeight();
        double cx = width / 2;
        double cy = height / 2;
        double radius = Math.max(40, Math.min(width, height) / 2 - 70);
        ring.setCenterX(cx);
        ring.setCenterY(cy);
        ring.setRadius(radius);
        Map<String, Point2D> centres = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            MemberNode node = nodes.get(members.get(i));
            if (node == null) {
                continue;
            }
            double angle = -Math.PI / 2 + 2 * Math.PI * i / members.size();
            centres.put(members.get(i).hostProperty().get(),
                    new Point2D(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)));
            double w = node.prefWidth(-1);
            double h = node.prefHeight(w);
            // centre the badge (not the whole node) on the ring
            node.resizeRelocate(cx + radius * Math.cos(angle) - w / 2,
                    cy + radius * Math.sin(angle) - MemberNode.RADIUS, w, h);
        }
        header.resizeRelocate(8, 8, header.prefWidth(-1), header.prefHeight(-1));
        links.draw(model.peerLinksProperty().get(), members.stream().map(m -> m.hostProperty().get()).toList(),
                centres);
    }

    private ContextMenu contextMenu(MemberViewModel member) {
        MenuItem replace = new MenuItem("Replace " + member.name() + "...", new FontIcon(MaterialDesignS.SWAP_HORIZONTAL));
        replace.setId("replace-member");
        replace.setOnAction(e -> actions.replace().accept(member.name()));
        MenuItem remove = new MenuItem("Remove " + member.name() + "...", new FontIcon(MaterialDesignS.SERVER_MINUS));
        remove.setId("remove-member");
        remove.setOnAction(e -> actions.remove().accept(member.name()));
        return new ContextMenu(replace, remove);
    }

    /** For tests and the details: the node drawn for a member. */
    MemberNode nodeOf(MemberViewModel member) {
        return nodes.get(member);
    }
}
