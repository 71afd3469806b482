package dev.quorum.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.core.etcd.ClusterStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The selected member's host side is read when it is selected and on Refresh, never for others, never after stop. */
class HostFactsLoaderTest {
    final ClusterViewModel model = new ClusterViewModel("c1", List.of(), ZoneOffset.UTC);
    final List<String> asked = new CopyOnWriteArrayList<>();
    final StatusSource source = new StatusSource() {
        @Override
        public ClusterStatus read() {
            return Statuses.of(10, "leader", "follower", "down");
        }

        @Override
        public HostFacts hostFacts(String hostName, String endpointUrl) {
            asked.add(hostName + " " + endpointUrl);
            if (hostName.equals("node3")) {
                throw new IllegalStateException("ssh: connection refused");
            }
            return new HostFacts("etcd active, enabled at boot", "valid until 2027-12-01 (365 days left)");
        }

        @Override
        public void close() {
        }
    };

    @Test
    void selectingAMemberReadsItsHostAndRefreshReadsItAgain() throws Exception {
        model.apply(source.read(), Instant.now());
        HostFactsLoader loader = new HostFactsLoader(new SynchronousTaskExecutor(), source, model);
        MemberViewModel first = model.member("etcd1").orElseThrow();

        model.select(first);

        assertThat(asked).containsExactly("node1 https://10.0.0.1:2379");
        assertThat(first.serviceProperty().get()).isEqualTo("etcd active, enabled at boot");
        assertThat(first.certificateProperty().get()).isEqualTo("valid until 2027-12-01 (365 days left)");
        assertThat(model.member("etcd2").orElseThrow().serviceProperty().get()).as("not selected, not read").isEmpty();

        loader.refresh();
        assertThat(asked).hasSize(2);

        MemberViewModel down = model.member("etcd3").orElseThrow();
        model.select(down);
        assertThat(down.serviceProperty().get()).isEqualTo("not read: ssh: connection refused");

        loader.stop();
        model.select(model.member("etcd2").orElseThrow());
        assertThat(asked).as("no reads after stop").hasSize(3);
    }

    @Test
    void expiryIsSaidInDaysLeftOrDaysAgo() {
        HostFactsReader reader = new HostFactsReader(Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));

        assertThat(reader.expiry(Instant.parse("2027-12-01T12:00:00Z"))).isEqualTo("valid until 2027-12-01 (365 days left)");
        assertThat(reader.expiry(Instant.parse("2026-12-02T13:00:00Z"))).isEqualTo("valid until 2026-12-02 (1 day left)");
        assertThat(reader.expiry(Instant.parse("2026-11-28T12:00:00Z")))
                .isEqualTo("EXPIRED on 2026-11-28 (3 days ago): quorum certs renew");
    }
}
