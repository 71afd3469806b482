package dev.quorum.app.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.app.shell.Fx;
import dev.quorum.core.metrics.MemberScrape;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Charts tab on screen, fed a time series: a line per member in every chart, the range, the timeline. */
class ChartsViewUiTest {
    final FxRobot robot = new FxRobot();
    final FedMetrics source = new FedMetrics();
    final FedMetrics.HandClock clock = new FedMetrics.HandClock();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    ChartsViewModel show() throws Exception {
        ChartsViewModel[] model = new ChartsViewModel[1];
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            model[0] = new ChartsViewModel(new SynchronousTaskExecutor(), source, clock, ZoneOffset.UTC);
            stage.setScene(new Scene(new ChartsView(model[0], ZoneOffset.UTC), 1200, 900));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return model[0];
    }

    /** 30 scrapes 30 s apart (15 min); etcd1 leads, then etcd2 from the 16th on. */
    void feed(ChartsViewModel model) {
        for (int i = 0; i < 30; i++) {
            boolean oneLeads = i < 15;
            double changes = oneLeads ? 1 : 2;
            source.answers.add(List.of(
                    MemberScrape.read("etcd1", FedMetrics.member(100 + i * 10, changes, oneLeads, i)),
                    MemberScrape.read("etcd2", FedMetrics.member(95 + i * 10, changes, !oneLeads, i))));
        }
        for (int i = 0; i < 30; i++) {
            Fx.run(model::scrapeNow);
            Fx.run(() -> clock.advance(Duration.ofSeconds(30)));
        }
        Fx.run(model::scrapeNow); // the queue is empty now: the last answer is a failure, the charts stay
        WaitForAsyncUtils.waitForFxEvents();
    }

    long visibleMarks(String strip) {
        return robot.lookup(strip).queryAs(Pane.class).getChildren().stream().filter(javafx.scene.Node::isVisible).count();
    }

    @SuppressWarnings("unchecked")
    LineChart<Number, Number> chart(String id) {
        return robot.lookup(id).queryAs(LineChart.class);
    }

    @Test
    void theChartsFillPerMemberAndTheTimelineShowsTheLeaderChange() throws Exception {
        ChartsViewModel model = show();
        feed(model);

        for (String id : List.of("#chart-applied-index", "#chart-lag", "#chart-db-size", "#chart-wal-fsync-p99")) {
            assertThat(Fx.get(() -> chart(id).getData().stream().map(s -> s.getName()).toList()))
                    .as(id).containsExactly("etcd1", "etcd2");
        }
        assertThat(Fx.get(() -> chart("#chart-applied-index").getData().get(0).getData().size())).isEqualTo(30);
        assertThat(Fx.get(() -> robot.lookup("#chart-lag .chart-series-line").queryAll().size())).isEqualTo(2);
        assertThat(Fx.get(() -> robot.lookup("#charts-problem").queryAs(Label.class).getText()))
                .isEqualTo("Cannot read etcd's metrics: no member answered");

        ListView<?> events = robot.lookup("#timeline-events").queryAs(ListView.class);
        assertThat(Fx.get(() -> events.getItems().stream().map(e -> TimelineView.words(
                (dev.quorum.core.metrics.TimelineEvent) e, ZoneOffset.UTC)).toList()))
                .containsExactly("20:07:30  leader change: Leader change: etcd1 -> etcd2 (seen by etcd1, etcd2)");
        assertThat(Fx.get(() -> visibleMarks("#timeline-strip-0"))).isEqualTo(1);
        assertThat(Fx.get(() -> visibleMarks("#timeline-strip-1"))).isEqualTo(1);
    }

    /** Scene x of the mark in a strip, and of the same time on a chart's time axis. */
    double markX(String strip) {
        javafx.scene.Node mark = robot.lookup(strip).queryAs(Pane.class).getChildren().stream()
                .filter(javafx.scene.Node::isVisible).findFirst().orElseThrow();
        javafx.geometry.Bounds bounds = mark.localToScene(mark.getBoundsInLocal());
        return (bounds.getMinX() + bounds.getMaxX()) / 2;
    }

    double axisX(String chart, java.time.Instant at) {
        javafx.scene.chart.NumberAxis axis = (javafx.scene.chart.NumberAxis) chart(chart).getXAxis();
        return axis.localToScene(axis.getDisplayPosition(ChartsViewModel.seconds(at)), 0).getX();
    }

    @Test
    void theLeaderChangeMarkSitsWhereEveryChartOfItsColumnDrawsItsTime() throws Exception {
        ChartsViewModel model = show();
        feed(model);
        java.time.Instant change = FedMetrics.T0.plusSeconds(15 * 30); // the 16th scrape: etcd2 leads
        List<String> left = List.of("#chart-applied-index", "#chart-db-size", "#chart-leader-changes",
                "#chart-proposals-failed", "#chart-wal-fsync-p99");
        List<String> right = List.of("#chart-lag", "#chart-db-quota-use", "#chart-proposals-committed",
                "#chart-peer-round-trip-p99", "#chart-backend-commit-p99");

        for (double width : List.of(1200.0, 1040.0)) { // and again after the window narrowed
            Fx.run(() -> robot.lookup("#charts-view").query().getScene().getWindow().setWidth(width));
            WaitForAsyncUtils.waitForFxEvents();
            double leftMark = Fx.get(() -> markX("#timeline-strip-0"));
            double rightMark = Fx.get(() -> markX("#timeline-strip-1"));
            for (String id : left) {
                assertThat(Fx.get(() -> axisX(id, change))).as(id + " at " + width).isCloseTo(leftMark, within(1.0));
            }
            for (String id : right) {
                assertThat(Fx.get(() -> axisX(id, change))).as(id + " at " + width).isCloseTo(rightMark, within(1.0));
            }
            assertThat(rightMark - leftMark).as("two columns apart").isGreaterThan(width / 3);
        }
    }

    @Test
    void theQuotaChartSpansTheWholeQuotaWhileTheOthersFitTheirValues() throws Exception {
        ChartsViewModel model = show();
        feed(model);

        javafx.scene.chart.NumberAxis quota = (javafx.scene.chart.NumberAxis) chart("#chart-db-quota-use").getYAxis();
        assertThat(Fx.get(quota::getLowerBound)).isEqualTo(0.0);
        assertThat(Fx.get(quota::getUpperBound)).isEqualTo(100.0);
        assertThat(Fx.get(quota::isAutoRanging)).isFalse();
        assertThat(Fx.get(() -> chart("#chart-db-size").getYAxis().isAutoRanging())).isTrue();
    }

    @Test
    void aShorterRangeShowsLessOfTheSameHistory() throws Exception {
        ChartsViewModel model = show();
        feed(model);

        Fx.run(() -> robot.lookup("#charts-range").queryAs(ChoiceBox.class).setValue(ChartRange.FIVE_MINUTES));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Fx.get(() -> chart("#chart-applied-index").getData().get(0).getData().size())).isEqualTo(10);
        assertThat(Fx.get(() -> visibleMarks("#timeline-strip-0")))
                .as("the leader change was 7.5 min ago, before the range").isZero();
        Fx.run(model::dispose);
        assertThat(source.closed).isTrue();
    }

    @Test
    void everyChartFitsTheWidthOfTheTab() throws Exception {
        ChartsViewModel model = show();
        feed(model);
        // The width of a laptop's window beside the cluster tree, where the right-hand charts once ran under the
        // scroll bar and lost their last time label.
        Fx.run(() -> robot.lookup("#charts-view").query().getScene().getWindow().setWidth(1040));
        WaitForAsyncUtils.waitForFxEvents();

        ScrollPane scroll = robot.lookup("#charts-view .scroll-pane").queryAs(ScrollPane.class);
        double visibleRight = Fx.get(() -> scroll.localToScene(scroll.getViewportBounds()).getMaxX());
        for (String id : List.of("#chart-applied-index", "#chart-lag", "#chart-wal-fsync-p99", "#chart-backend-commit-p99")) {
            assertThat(Fx.get(() -> chart(id).localToScene(chart(id).getBoundsInLocal()).getMaxX()))
                    .as(id).isLessThanOrEqualTo(visibleRight);
        }
    }
}
