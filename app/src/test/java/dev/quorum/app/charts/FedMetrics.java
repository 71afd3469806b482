package dev.quorum.app.charts;

import dev.quorum.core.metrics.Histogram;
import dev.quorum.core.metrics.MemberMetrics;
import dev.quorum.core.metrics.MemberScrape;
import dev.quorum.core.metrics.TimelineEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A fed time series for the Charts tab's tests: scrapes answered from a queue, a clock moved by hand. */
final class FedMetrics implements MetricsSource {
    static final Instant T0 = Instant.parse("2026-12-04T20:00:00Z");
    static final List<Double> BOUNDS = List.of(0.001, 0.01, Double.POSITIVE_INFINITY);

    final Deque<List<MemberScrape>> answers = new ArrayDeque<>();
    boolean closed;
    int scrapes;
    int recordedReads;
    List<TimelineEvent> recorded = List.of();

    /** A member whose counters stand at {@code applied}, with {@code fsyncs} fast WAL fsyncs so far. */
    static MemberMetrics member(double applied, double leaderChanges, boolean leader, double fsyncs) {
        Histogram fsync = new Histogram(BOUNDS, List.of(fsyncs, fsyncs, fsyncs));
        return new MemberMetrics(applied, applied, 64 * 1024 * 1024, 2048.0 * 1024 * 1024, leaderChanges, 0,
                leader, true, fsync, Histogram.EMPTY, Histogram.EMPTY);
    }

    @Override
    public List<MemberScrape> scrape() {
        scrapes++;
        if (answers.isEmpty()) {
            throw new IllegalStateException("no member answered");
        }
        return answers.poll();
    }

    @Override
    public List<TimelineEvent> recorded(Instant since) {
        recordedReads++;
        return recorded;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** A clock the test moves. */
    static final class HandClock extends Clock {
        Instant now = T0;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
