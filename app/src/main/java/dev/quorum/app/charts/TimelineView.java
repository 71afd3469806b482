package dev.quorum.app.charts;

import dev.quorum.core.metrics.TimelineEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/**
 * The timeline: a strip over the charts' range with one mark per event (its words in a tooltip), and the events
 * in words, newest first, with the certificate expiry ahead at the top.
 */
final class TimelineView extends VBox {
    private final ChartsViewModel model;
    private final Pane strip = new Pane();

    TimelineView(ChartsViewModel model, ZoneId zone) {
        super(4);
        this.model = model;
        setId("timeline");
        Label title = new Label("Timeline");
        title.getStyleClass().add("title-4");
        strip.setId("timeline-strip");
        strip.setMinHeight(24);
        strip.setPrefHeight(24);
        strip.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 1 0 1 0;");
        Label from = new Label();
        from.textProperty().bind(Bindings.createStringBinding(
                () -> TimeWords.axis(model.lowerBoundProperty().get(), zone), model.lowerBoundProperty()));
        Label to = new Label();
        to.textProperty().bind(Bindings.createStringBinding(
                () -> TimeWords.axis(model.upperBoundProperty().get(), zone), model.upperBoundProperty()));
        BorderPane ends = new BorderPane();
        ends.setLeft(from);
        ends.setRight(to);
        ListView<TimelineEvent> list = new ListView<>(new SortedList<>(model.timeline().events(),
                Comparator.comparing(TimelineEvent::at).reversed()));
        list.setId("timeline-events");
        list.setPrefHeight(160);
        list.setCellFactory(view -> new EventCell(zone));
        getChildren().addAll(title, strip, ends, list);
        setPadding(new Insets(4, 0, 0, 0));
        InvalidationListener redraw = obs -> redraw();
        model.timeline().events().addListener(redraw);
        model.lowerBoundProperty().addListener(redraw);
        strip.widthProperty().addListener(redraw);
        redraw();
    }

    /** At most {@link TimelineModel#MAX_EVENTS} marks; only those inside the range are drawn. */
    private void redraw() {
        double lower = model.lowerBoundProperty().get();
        double span = model.upperBoundProperty().get() - lower;
        double width = strip.getWidth();
        strip.getChildren().clear();
        if (span <= 0 || width <= 0) {
            return;
        }
        for (TimelineEvent event : model.timeline().events()) {
            double x = (ChartsViewModel.seconds(event.at()) - lower) / span;
            if (x < 0 || x > 1) {
                continue;
            }
            Label mark = new Label("\u25C6");
            mark.getStyleClass().addAll("timeline-mark", styleOf(event.kind()));
            Tooltip.install(mark, new Tooltip(event.text()));
            mark.setLayoutX(Math.max(0, x * width - 5));
            mark.setLayoutY(3);
            strip.getChildren().add(mark);
        }
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
