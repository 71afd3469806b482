package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.LogLevel;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.EndpointStatus;
import dev.quorum.core.etcd.MemberInfo;
import dev.quorum.core.etcd.MemberStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A check's probe asks a cluster seen unhealthy again before it calls it a change. */
class HealthWaitSettledTest {
    private static final StepContext CONTEXT = new StepContext() {
        private final Cancellation cancellation = new Cancellation();

        @Override
        public String target() {
            return "cluster";
        }

        @Override
        public void log(LogLevel level, String line) {
        }

        @Override
        public Cancellation cancellation() {
            return cancellation;
        }
    };

    private static MemberStatus answering(int i) {
        String url = "https://10.0.0." + i + ":2379";
        return new MemberStatus("node" + i, "etcd" + i, url, Optional.of(new EndpointStatus(url, i, "3.5.30", 1, 2,
                10, 10, 20_000, 16_000, false, List.of())), "");
    }

    private static MemberStatus silent(int i) {
        return new MemberStatus("node" + i, "etcd" + i, "https://10.0.0." + i + ":2379", Optional.empty(),
                "DEADLINE_EXCEEDED");
    }

    private static MemberStatus refusing(int i) {
        return new MemberStatus("node" + i, "etcd" + i, "https://10.0.0." + i + ":2379", Optional.empty(),
                "nothing listens on 10.0.0." + i + ":2379 (connection refused)", true);
    }

    private static ClusterStatus cluster(MemberStatus third) {
        return new ClusterStatus(List.of(answering(1), answering(2), third), List.of(1, 2, 3).stream()
                .map(i -> new MemberInfo(i, "etcd" + i, List.of("https://10.0.0." + i + ":2380"),
                        List.of("https://10.0.0." + i + ":2379"), false)).toList(), List.of(), true, "");
    }

    @Test
    void aHealthyClusterIsAskedOnce() throws Exception {
        Settled settled = settledAlways(cluster(answering(3)));

        assertThat(settled.status().healthy()).isTrue();
        assertThat(settled.asked()).isEqualTo(1);
    }

    @Test
    void oneSlowAnswerIsAskedAgainAndTheClusterSeenHealthy() throws Exception {
        Deque<ClusterStatus> answers = new ArrayDeque<>(List.of(cluster(silent(3)), cluster(answering(3))));

        ClusterStatus status = HealthWait.settled(CONTEXT, answers::pop);

        assertThat(status.healthy()).isTrue();
        assertThat(answers).isEmpty();
    }

    @Test
    void aClusterThatStaysUnhealthyIsReportedSoAfterAskingAgain() throws Exception {
        Settled settled = settledAlways(cluster(silent(3)));

        assertThat(settled.status().healthy()).isFalse();
        assertThat(settled.asked()).isGreaterThan(1);
    }

    @Test
    void aClusterUnhealthyOnlyWhereNothingListensIsAskedOnce() throws Exception {
        Settled settled = settledAlways(cluster(refusing(3)));

        assertThat(settled.status().healthy()).isFalse();
        assertThat(settled.asked()).isEqualTo(1);
    }

    @Test
    void aRefusingMemberBesideASilentOneIsStillAskedAgain() throws Exception {
        Settled settled = settledAlways(new ClusterStatus(List.of(answering(1), silent(2), refusing(3)), List.of(),
                List.of(), true, ""));

        assertThat(settled.status().healthy()).isFalse();
        assertThat(settled.asked()).isGreaterThan(1);
    }

    private record Settled(ClusterStatus status, int asked) {
    }

    /** Settles a cluster that answers the same every time it is asked, counting the asks. */
    private static Settled settledAlways(ClusterStatus answer) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        ClusterStatus status = HealthWait.settled(CONTEXT, () -> {
            asked.incrementAndGet();
            return answer;
        });
        return new Settled(status, asked.get());
    }
}
