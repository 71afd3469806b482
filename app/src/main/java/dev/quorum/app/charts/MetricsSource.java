package dev.quorum.app.charts;

import dev.quorum.core.metrics.MemberScrape;
import dev.quorum.core.metrics.TimelineEvent;
import java.time.Instant;
import java.util.List;

/** Where the Charts tab's numbers come from: each member's etcd metrics, read now. Blocking: off the UI thread. */
public interface MetricsSource extends AutoCloseable {
    List<MemberScrape> scrape() throws Exception;

    /** What this workstation wrote down for the timeline: Quorum's runs since {@code since}, certificate expiry. */
    default List<TimelineEvent> recorded(Instant since) throws Exception {
        return List.of();
    }

    @Override
    void close();
}
