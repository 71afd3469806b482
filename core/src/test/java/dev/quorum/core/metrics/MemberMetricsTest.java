package dev.quorum.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class MemberMetricsTest {

    @Test
    void etcd35sOwnOutput() throws IOException {
        MemberMetrics m = MemberMetrics.parse(PromTextParserTest.fixture("etcd-3.5.33-single.txt"));

        assertThat(m.appliedIndex()).isEqualTo(4);
        assertThat(m.committedIndex()).isEqualTo(4);
        assertThat(m.dbSizeBytes()).isEqualTo(20480);
        assertThat(m.quotaBytes()).isEqualTo(2147483648.0);
        assertThat(m.leaderChanges()).isEqualTo(1);
        assertThat(m.proposalsFailed()).isZero();
        assertThat(m.leader()).isTrue();
        assertThat(m.hasLeader()).isTrue();
        assertThat(m.walFsync().count()).isEqualTo(5);
        assertThat(m.backendCommit().count()).isEqualTo(6);
        assertThat(m.peerRoundTrip().bounds()).isEmpty(); // a single member has no peers
    }

    @Test
    void whatIsNotWrittenIsNaN() {
        MemberMetrics m = MemberMetrics.parse("go_info{version=\"go1\"} 1\n");

        assertThat(m.appliedIndex()).isNaN();
        assertThat(m.leader()).isFalse();
        assertThat(m.walFsync()).isEqualTo(Histogram.EMPTY);
    }
}
