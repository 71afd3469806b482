package dev.quorum.app.charts;

import dev.quorum.core.metrics.TimelineEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The timeline: under each column of charts a strip with one mark per event of the charts' range, where that
 * column's time axis draws its time ({@link TimelineStrip}; its words in a tooltip), and the events in words,
 * newest first, with the certificate expiry ahead at the top.
 */
final class TimelineView extends VBox {
    /** @param axes the time axis of the lowest chart of each column, left to right */
    TimelineView(ChartsViewModel model, ZoneId zone, List<NumberAxis> axes) {
        super(4);
        setId("timeline");
        Label title = new Label("Timeline");
        title.getStyleClass().add("title-4");
        // the charts' grid geometry, so each strip sits under its column
        GridPane strips = new GridPane();
        strips.setHgap(ChartsView.GAP);
        for (int c = 0; c < axes.size(); c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(100.0 / axes.size());
            column.setHgrow(Priority.ALWAYS);
            strips.getColumnConstraints().add(column);
            TimelineStrip strip = new TimelineStrip(model, axes.get(c), c);
            strip.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 1 0 1 0;");
            strips.add(strip, c, 0);
        }
        ListView<TimelineEvent> list = new ListView<>(new SortedList<>(model.timeline().events(),
                Comparator.comparing(TimelineEvent::at).reversed()));
        list.setId("timeline-events");
        list.setPrefHeight(160);
        list.setCellFactory(view -> new EventCell(zone));
        getChildren().addAll(title, strips, list);
        setPadding(new Insets(4, 0, 0, 0));
    }

    static String styleOf(TimelineEvent.Kind kind) {
        return switch (kind) {
            case LEADER_CHANGE, ALARM -> "danger";
            case MEMBER_CHANGE, CERTIFICATE_EXPIRY -> "warning";
            case RUN -> "accent";
        };
    }

    static String words(TimelineEvent event, ZoneId zone) {
        String when = event.kind() == TimelineEvent.Kind.CERTIFICATE_EXPIRY || event.at().isAfter(Instant.now())
                ? TimeWords.day(event.at(), zone) : TimeWords.clock(event.at(), zone);
        return when + "  " + event.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + event.text();
    }

    private static final class EventCell extends ListCell<TimelineEvent> {
        private final ZoneId zone;

        EventCell(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        protected void updateItem(TimelineEvent event, boolean empty) {
            super.updateItem(event, empty);
            setText(empty || event == null ? null : words(event, zone));
        }
    }
}
