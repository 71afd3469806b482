package dev.quorum.app.cluster;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;

/**
 * The lines between members after a diagnosis: solid where two members reach each other's peer
 * port, dashed where one of them cannot, dotted where it is not known; and a caption saying
 * when the diagnosis ran, since the lines do not follow the live status.
 */
final class PeerLinksLayer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Group lines = new Group();
    private final Label caption = new Label();
    private final ZoneId zone;
    private final Map<List<String>, Line> byPair = new java.util.LinkedHashMap<>();
    private PeerLinks drawnFor;
    private List<String> drawnHosts = List.of();

    PeerLinksLayer(ZoneId zone) {
        this.zone = zone;
        lines.setId("peer-links");
        lines.setManaged(false);
        caption.setId("peer-links-caption");
        caption.getStyleClass().add("peer-links-caption");
        caption.setManaged(false);
        caption.setVisible(false);
    }

    Group lines() {
        return lines;
    }

    Label caption() {
        return caption;
    }

    /**
     * Draws for these members at these centres (hosts in the same order); nothing without links.
     * Called on every layout pass (each refresh): lines are rebuilt only when the links or the
     * members change, otherwise only moved.
     */
    void draw(PeerLinks links, List<String> hosts, Map<String, Point2D> centres) {
        if (links != drawnFor || !hosts.equals(drawnHosts)) {
            rebuild(links, hosts);
        }
        for (Map.Entry<List<String>, Line> pair : byPair.entrySet()) {
            Point2D a = centres.get(pair.getKey().get(0));
            Point2D b = centres.get(pair.getKey().get(1));
            pair.getValue().setVisible(a != null && b != null);
            if (a != null && b != null) {
                pair.getValue().setStartX(a.getX());
                pair.getValue().setStartY(a.getY());
                pair.getValue().setEndX(b.getX());
                pair.getValue().setEndY(b.getY());
            }
        }
    }

    private void rebuild(PeerLinks links, List<String> hosts) {
        drawnFor = links;
        drawnHosts = List.copyOf(hosts);
        byPair.clear();
        lines.getChildren().clear();
        caption.setVisible(links != null);
        if (links == null) {
            return;
        }
        caption.setText("Peer links from the diagnosis at " + TIME.format(links.takenAt().atZone(zone))
                + ": solid reach each other, dashed cut off, dotted not known. Diagnose again to update.");
        caption.resizeRelocate(8, 6, caption.prefWidth(-1), caption.prefHeight(-1));
        for (int i = 0; i < hosts.size(); i++) {
            for (int j = i + 1; j < hosts.size(); j++) {
                Line line = line(links.between(hosts.get(i), hosts.get(j)), hosts.get(i) + "-" + hosts.get(j));
                byPair.put(List.of(hosts.get(i), hosts.get(j)), line);
                lines.getChildren().add(line);
            }
        }
    }

    private static Line line(PeerLinks.Link link, String pair) {
        Line line = new Line();
        line.setId("peer-link-" + pair);
        line.getStyleClass().addAll("peer-link", "peer-link-" + link.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'));
        line.setStrokeWidth(2);
        switch (link) {
            case CUT -> {
                line.getStrokeDashArray().setAll(8.0, 6.0);
                line.setStyle("-fx-stroke: -color-danger-emphasis;");
            }
            case UNKNOWN -> {
                line.getStrokeDashArray().setAll(2.0, 5.0);
                line.setStyle("-fx-stroke: -color-fg-muted;");
            }
            case BOTH_WAYS -> line.setStyle("-fx-stroke: -color-success-emphasis;");
        }
        line.setUserData(link);
        return line;
    }
}
