package dev.quorum.app.charts;

import dev.quorum.core.metrics.TimelineEvent;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Point2D;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Polygon;

/**
 * One strip of timeline marks under a column of charts, each mark centred where that column's time axis draws
 * its time: the x comes from the axis' own mapping ({@link NumberAxis#getDisplayPosition}) carried through scene
 * coordinates, so the marks stay pixel-aligned with the charts above whatever the y-axis, padding or window
 * width. Marks are made again when the events change and placed again on every layout (the axis' scale,
 * position and the range all ask for one). At most {@link TimelineModel#MAX_EVENTS} marks. UI thread only.
 */
final class TimelineStrip extends Pane {
    static final double HEIGHT = 24;
    private static final double HALF = 6;

    private final ChartsViewModel model;
    private final NumberAxis axis;

    TimelineStrip(ChartsViewModel model, NumberAxis axis, int column) {
        this.model = model;
        this.axis = axis;
        setId("timeline-strip-" + column);
        getStyleClass().add("timeline-strip");
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        setMaxHeight(HEIGHT);
        model.timeline().events().addListener((InvalidationListener) obs -> remake());
        InvalidationListener relayout = obs -> requestLayout();
        model.lowerBoundProperty().addListener(relayout);
        axis.scaleProperty().addListener(relayout);
        axis.localToSceneTransformProperty().addListener(relayout);
        localToSceneTransformProperty().addListener(relayout);
        remake();
    }

    private void remake() {
        List<TimelineEvent> events = model.timeline().events();
        getChildren().clear();
        for (TimelineEvent event : events) {
            Polygon mark = new Polygon(0, -HALF, HALF, 0, 0, HALF, -HALF, 0);
            mark.getStyleClass().addAll("timeline-mark", TimelineView.styleOf(event.kind()));
            mark.setUserData(event);
            mark.setManaged(false);
            Tooltip.install(mark, new Tooltip(event.text()));
            getChildren().add(mark);
        }
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double lower = model.lowerBoundProperty().get();
        double upper = model.upperBoundProperty().get();
        for (var node : getChildren()) {
            TimelineEvent event = (TimelineEvent) node.getUserData();
            double seconds = ChartsViewModel.seconds(event.at());
            boolean inRange = seconds >= lower && seconds <= upper && axis.getScene() != null;
            node.setVisible(inRange);
            if (inRange) {
                node.setLayoutX(x(seconds)); // the polygon's points are around 0,0: layoutX is its centre

                node.setLayoutY(HEIGHT / 2);
            }
        }
    }

    /** Where the axis draws this time, in this strip's coordinates. */
    double x(double epochSeconds) {
        Point2D onAxis = axis.localToScene(axis.getDisplayPosition(epochSeconds), 0);
        return sceneToLocal(onAxis).getX();
    }
}
