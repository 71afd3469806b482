package dev.quorum.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.wizard.WizardHarness;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.cluster.EtcdRoutePolicy;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberStatus;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.metrics.MemberScrape;
import dev.quorum.core.metrics.MetricsScraper;
import dev.quorum.core.metrics.TimelineEvent;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.time.Duration;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Charts tab of the main window on a real 3-host lab cluster: the charts fill from the members' own /metrics
 * (TLS with the workstation's client certificate), and through SSH tunnels where the client port is closed to the
 * workstation; stopping the leader's etcd puts a leader change on the
 * timeline.
 */
@LabHosts(count = 3)
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartsViewLabTest {
    static Lab lab;
    @RegisterExtension
    static final DesktopLabCluster app = DesktopLabCluster.installed(3);
    static final WizardHarness ui = new WizardHarness();

    @BeforeAll
    static void open() throws Exception {
        app.openWindowShowing("#charts-tab");
    }

    @SuppressWarnings("unchecked")
    static List<XYChart.Series<Number, Number>> lines(String chart) {
        return List.copyOf(ui.lookup(chart).queryAs(LineChart.class).getData());
    }

    static boolean everyMemberHas(String chart, int points) {
        List<XYChart.Series<Number, Number>> lines = lines(chart);
        return lines.size() == 3 && lines.stream().allMatch(l -> l.getData().size() >= points);
    }

    static List<TimelineEvent> events() {
        return ui.lookup("#timeline-events").queryAs(ListView.class).getItems().stream()
                .map(TimelineEvent.class::cast).toList();
    }

    @Test
    @Order(1)
    void theChartsFillFromRealMetrics() {
        ui.click("#charts-tab");
        for (int i = 0; i < 5; i++) { // writes, so the WAL fsync and backend commit histograms move between scrapes
            lab.host(0).exec("/usr/local/bin/etcdctl.sh put charts-test-" + i + " " + i).requireOk("put a key");
        }
        ui.waitUntil("three scrapes of every member", Duration.ofSeconds(90),
                () -> everyMemberHas("#chart-applied-index", 3), () -> ui.text("#charts-status") + " "
                        + ui.text("#charts-problem"));
        assertThat(ui.text("#charts-problem")).isEmpty();
        assertThat(lines("#chart-db-size")).allSatisfy(line -> assertThat(line.getData())
                .allMatch(d -> d.getYValue().doubleValue() > 0));
        assertThat(lines("#chart-lag")).hasSize(3);
        assertThat(lines("#chart-applied-index").get(0).getData().get(0).getYValue().doubleValue()).isPositive();
    }

    @Test
    @Order(2)
    void whereTheClientPortIsClosedTheScrapeGoesThroughTheSshTunnel() {
        lab.hosts().forEach(h -> h.blockFromTool(2379));
        try (ClusterSession session = new ClusterSession(new InventoryReader().read(app.inventory()),
                app.home(), new SshConnector(app.ssh()), EtcdRoutePolicy.AUTO);
             MetricsScraper scraper = new MetricsScraper(session)) {
            List<MemberScrape> scraped = scraper.scrape(session.inventory().etcdMembers());

            assertThat(session.etcdRoutes().allTunnelled()).as(session.etcdRoutes().toString()).isTrue();
            assertThat(scraped).hasSize(3).allSatisfy(s -> assertThat(s.metrics())
                    .as(s.member() + ": " + s.problem()).hasValueSatisfying(m -> assertThat(m.dbSizeBytes()).isPositive()));
        } finally {
            lab.hosts().forEach(LabHost::unblockFromTool);
        }
    }

    @Test
    @Order(3)
    void stoppingTheLeaderPutsALeaderChangeOnTheTimeline() {
        ClusterStatus status = app.cluster().status();
        String leader = status.leader().map(MemberStatus::hostName).orElseThrow();
        LabHost leaderHost = lab.hosts().stream().filter(h -> h.name().equals(leader)).findFirst().orElseThrow();
        leaderHost.exec("systemctl stop etcd").requireOk("stop etcd on the leader " + leader);
        try {
            ui.waitUntil("a leader change on the timeline", Duration.ofSeconds(90),
                    () -> events().stream().anyMatch(e -> e.kind() == TimelineEvent.Kind.LEADER_CHANGE),
                    () -> events() + " " + ui.text("#charts-problem"));
            assertThat(events()).filteredOn(e -> e.kind() == TimelineEvent.Kind.LEADER_CHANGE)
                    .allSatisfy(e -> assertThat(e.text()).containsIgnoringCase("lead"));
            ui.waitUntil("the stopped member said on the Charts tab", Duration.ofSeconds(60),
                    () -> ui.text("#charts-problem").contains("/metrics"));
        } finally {
            leaderHost.exec("systemctl start etcd").requireOk("start etcd again on " + leader);
        }
        // the strip shows marks up to the last scrape's time: a change seen by the status poll after one scrape is
        // marked when the next scrape lands, a period later
        ui.waitUntil("the timeline's strip marks the change", ChartsViewModel.PERIOD.multipliedBy(3),
                () -> ui.lookup("#timeline-strip-0").queryAs(javafx.scene.layout.Pane.class).getChildren().stream()
                        .anyMatch(javafx.scene.Node::isVisible));
    }
}
