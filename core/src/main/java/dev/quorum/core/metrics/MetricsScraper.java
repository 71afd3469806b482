package dev.quorum.core.metrics;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.etcd.MetricsEndpoint;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.remote.Cancellation;
import dev.quorum.core.remote.FanOut;
import dev.quorum.core.threads.DaemonThreads;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads every member's {@code /metrics} side by side through the session: directly, or through the member's SSH
 * tunnel where the session routes its etcd that way ({@link ClusterSession#dialUrl}), TLS with the session's client
 * certificate against the cluster CA. A member that does not answer within the timeout is a problem, not a
 * failure of the scrape. Blocking: off the UI thread.
 *
 * <p>The app scrapes every few seconds for hours, so the reads run on the scraper's own pool, whose threads live on
 * between scrapes, rather than on threads started and ended for each scrape. Close the scraper to end them.
 */
public final class MetricsScraper implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ClusterSession session;
    private final ExecutorService readers = Executors.newCachedThreadPool(DaemonThreads.numbered("quorum-metrics"));
    private MetricsEndpoint endpoint;

    public MetricsScraper(ClusterSession session) {
        this.session = session;
    }

    private synchronized MetricsEndpoint endpoint() {
        if (endpoint == null) {
            endpoint = new MetricsEndpoint(session.pki().clientTls(), TIMEOUT);
        }
        return endpoint;
    }

    /** In the members' order. */
    public List<MemberScrape> scrape(List<EtcdMember> members) {
        MetricsEndpoint http = endpoint();
        Map<String, EtcdMember> byName = new LinkedHashMap<>();
        members.forEach(m -> byName.putIfAbsent(m.memberName(), m));
        return FanOut.forEach(byName.keySet(), readers, Cancellation.NONE, name -> scrapeOne(http, byName.get(name)))
                .entrySet().stream().map(e -> e.getValue().ok() ? e.getValue().value()
                        : MemberScrape.failed(e.getKey(), "not read: " + e.getValue().error()))
                .toList();
    }

    private MemberScrape scrapeOne(MetricsEndpoint http, EtcdMember member) {
        try {
            String text = http.read(session.dialUrl(member.clientUrl()));
            return MemberScrape.read(member.memberName(), MemberMetrics.parse(text));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return MemberScrape.failed(member.memberName(), "interrupted");
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return MemberScrape.failed(member.memberName(), member.clientUrl() + "/metrics: " + why);
        }
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }
}
