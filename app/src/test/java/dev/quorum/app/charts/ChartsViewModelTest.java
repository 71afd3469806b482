package dev.quorum.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.core.metrics.MemberScrape;
import dev.quorum.core.metrics.MetricSeries;
import dev.quorum.core.metrics.TimelineEvent;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

/** The Charts tab's logic without a screen: lines per member, the range, the timeline, and nothing once closed. */
class ChartsViewModelTest {
    final FedMetrics source = new FedMetrics();
    final FedMetrics.HandClock clock = new FedMetrics.HandClock();
    final List<Runnable> ticks = new ArrayList<>();
    final List<Boolean> cancelled = new ArrayList<>();
    final ChartsViewModel model = new ChartsViewModel(new SynchronousTaskExecutor(), source, clock, ZoneOffset.UTC);

    void feed(double appliedA, double appliedB, boolean aLeads, double changes) {
        source.answers.add(List.of(
                MemberScrape.read("etcd1", FedMetrics.member(appliedA, changes, aLeads, appliedA)),
                MemberScrape.read("etcd2", FedMetrics.member(appliedB, changes, !aLeads, appliedB))));
    }

    void tick() {
        clock.advance(ChartsViewModel.PERIOD);
        ticks.get(0).run();
    }

    static List<Double> values(XYChart.Series<Number, Number> line) {
        return line.getData().stream().map(d -> d.getYValue().doubleValue()).toList();
    }

    @Test
    void oneLinePerMemberFilledScrapeAfterScrape() {
        feed(100, 90, true, 1);
        feed(200, 200, true, 1);
        model.watch((period, tick) -> {
            ticks.add(tick);
            return () -> cancelled.add(true);
        }, ChartsViewModel.PERIOD);
        tick();

        assertThat(model.lines(MetricSeries.LAG)).extracting(XYChart.Series::getName).containsExactly("etcd1", "etcd2");
        assertThat(values(model.lines(MetricSeries.LAG).get(1))).containsExactly(10.0, 0.0);
        assertThat(values(model.lines(MetricSeries.DB_SIZE).get(0))).containsExactly(64.0, 64.0);
        assertThat(values(model.lines(MetricSeries.PROPOSALS_COMMITTED).get(0))).containsExactly(10.0);
        assertThat(model.statusProperty().get()).startsWith("Read 2 of 2 members at 20:00:10");
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.upperBoundProperty().get() - model.lowerBoundProperty().get()).isEqualTo(15 * 60);
    }

    @Test
    void aLeaderChangeLandsOnTheTimeline() {
        feed(100, 100, true, 1);
        feed(110, 110, false, 2);
        model.scrapeNow();
        clock.advance(Duration.ofSeconds(10));
        model.scrapeNow();

        assertThat(model.timeline().events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(TimelineEvent.Kind.LEADER_CHANGE);
            assertThat(e.text()).isEqualTo("Leader change: etcd1 -> etcd2 (seen by etcd1, etcd2)");
        });
    }

    @Test
    void theLinesHoldTheRangeOnlyAndARangeChangeRedrawsFromTheHistory() {
        for (int i = 0; i < 40; i++) {
            feed(i * 10, i * 10, true, i);
        }
        for (int i = 0; i < 40; i++) {
            model.scrapeNow();
            clock.advance(Duration.ofSeconds(30)); // 20 minutes in all
        }
        model.rangeProperty().set(ChartRange.FIVE_MINUTES);
        assertThat(model.lines(MetricSeries.APPLIED_INDEX).get(0).getData()).hasSize(10);

        model.rangeProperty().set(ChartRange.ONE_HOUR);
        assertThat(model.lines(MetricSeries.APPLIED_INDEX).get(0).getData()).hasSize(40);
    }

    @Test
    void theLinesStayAtMostLinePointsOverHoursAndReuseTheirData() {
        model.rangeProperty().set(ChartRange.ONE_HOUR);
        XYChart.Data<Number, Number> firstFull = null;
        for (int i = 0; i < 3 * 360; i++) { // three hours, one scrape every 10 s
            feed(i * 10, i * 10, true, 1);
            model.scrapeNow();
            clock.advance(ChartsViewModel.PERIOD);
            if (i == 400) {
                firstFull = model.lines(MetricSeries.APPLIED_INDEX).get(0).getData().get(0);
            }
            for (MetricSeries series : MetricSeries.values()) {
                for (XYChart.Series<Number, Number> line : model.lines(series)) {
                    assertThat(line.getData().size()).as(series + " after " + i).isLessThanOrEqualTo(ChartsViewModel.LINE_POINTS);
                }
            }
        }

        XYChart.Series<Number, Number> applied = model.lines(MetricSeries.APPLIED_INDEX).get(0);
        assertThat(applied.getData()).hasSize(ChartsViewModel.LINE_POINTS);
        assertThat(applied.getData().get(0)).as("the same Data, written over").isSameAs(firstFull);
        assertThat(applied.getData().get(ChartsViewModel.LINE_POINTS - 1).getYValue().doubleValue())
                .as("the newest point is the last scrape's").isEqualTo((3 * 360 - 1) * 10.0);
        assertThat(applied.getData().get(0).getXValue().doubleValue())
                .isGreaterThanOrEqualTo(model.lowerBoundProperty().get());
    }

    @Test
    void aMemberThatDoesNotAnswerIsSaidAndTheOthersCharted() {
        source.answers.add(List.of(MemberScrape.read("etcd1", FedMetrics.member(5, 1, true, 0)),
                MemberScrape.failed("etcd2", "https://10.0.0.2:2379/metrics: connection refused")));
        model.scrapeNow();

        assertThat(model.problemProperty().get()).isEqualTo("etcd2: https://10.0.0.2:2379/metrics: connection refused");
        assertThat(model.lines(MetricSeries.APPLIED_INDEX)).extracting(XYChart.Series::getName).containsExactly("etcd1");

        model.scrapeNow(); // the queue is empty: the source throws
        assertThat(model.problemProperty().get()).isEqualTo("Cannot read etcd's metrics: no member answered");
    }

    @Test
    void disposedStopsTheTimerClosesTheSourceAndScrapesNoMore() {
        model.watch((period, tick) -> {
            ticks.add(tick);
            return () -> cancelled.add(true);
        }, ChartsViewModel.PERIOD);
        int before = source.scrapes;

        model.dispose();
        ticks.get(0).run();

        assertThat(cancelled).containsExactly(true);
        assertThat(source.closed).isTrue();
        assertThat(source.scrapes).isEqualTo(before);
    }

    @Test
    void runsAndExpiryReadOnceAMinuteAndStatusChangesOnTheTimeline() {
        source.recorded = List.of(
                new TimelineEvent(FedMetrics.T0.minusSeconds(60), TimelineEvent.Kind.RUN, "Quorum ran maintain: succeeded"),
                new TimelineEvent(FedMetrics.T0.plusSeconds(86_400 * 30), TimelineEvent.Kind.CERTIFICATE_EXPIRY,
                        "ca.pem expires in 30 days"));
        for (int i = 0; i < ChartsViewModel.RECORDED_EVERY + 1; i++) {
            feed(1, 1, true, 1);
            model.scrapeNow();
        }
        assertThat(source.recordedReads).as("the first scrape and the seventh").isEqualTo(2);

        model.statusSeen(StatusFixtures.status(1));
        model.statusSeen(StatusFixtures.status(2));

        assertThat(model.timeline().events()).extracting(TimelineEvent::text).containsExactly(
                "Quorum ran maintain: succeeded", "Leader: etcd1 -> etcd2 (status)", "ca.pem expires in 30 days");
    }
}
