package dev.quorum.app.charts;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.common.ClusterSessions;
import dev.quorum.app.common.SessionOnDemand;
import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.metrics.MemberScrape;
import dev.quorum.core.metrics.MetricsScraper;
import dev.quorum.core.workspace.QuorumHome;
import dev.quorum.core.metrics.RecordedEvents;
import dev.quorum.core.metrics.TimelineEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The inventory's members scraped through one cluster session kept for the tab's life: its SSH tunnels (where
 * the client ports are not reached from here) are opened once, not at every scrape. Closed with the tab.
 */
public final class SessionMetricsSource implements MetricsSource {
    private final ClusterSource cluster;
    private final QuorumHome home;
    private final SessionOnDemand session;
    private MetricsScraper scraper;

    public SessionMetricsSource(ClusterSource cluster, QuorumHome home) {
        this.cluster = cluster;
        this.home = home;
        this.session = new SessionOnDemand(this::open, "the metrics of " + cluster.name() + " are no longer read");
    }

    @Override
    public List<MemberScrape> scrape() {
        return scraper().scrape(cluster.inventory().etcdMembers());
    }

    @Override
    public List<TimelineEvent> recorded(Instant since) throws IOException {
        List<TimelineEvent> events = new ArrayList<>(RecordedEvents.runs(home, cluster.name(), since));
        events.addAll(RecordedEvents.certificateExpiry(home, cluster.name(), Instant.now()));
        return events;
    }

    private synchronized MetricsScraper scraper() {
        ClusterSession open = session.get();
        if (scraper == null) {
            scraper = new MetricsScraper(open);
        }
        return scraper;
    }

    private ClusterSession open() {
        if (!ClusterPki.exists(home, cluster.pkiName())) { // the events cluster uses the main cluster's
            throw new IllegalStateException("this workstation has no client certificate for " + cluster.pkiName()
                    + " (adopt the cluster first): etcd's metrics need one");
        }
        return ClusterSessions.open(cluster.inventory(), home, cluster.ssh());
    }

    @Override
    public synchronized void close() {
        if (scraper != null) {
            scraper.close();
        }
        session.close();
    }
}
