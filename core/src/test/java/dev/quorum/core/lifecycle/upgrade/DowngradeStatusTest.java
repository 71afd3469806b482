package dev.quorum.core.lifecycle.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A member's status in JSON, as etcdctl 3.6.14 printed it on lab hosts before and after a downgrade enable. */
class DowngradeStatusTest {
    private static final String BEFORE = "[{\"Endpoint\":\"https://127.0.0.1:2379\",\"Status\":{\"header\":{"
            + "\"cluster_id\":2491711820121451183,\"member_id\":11228086646702882577,\"revision\":1,\"raft_term\":2},"
            + "\"version\":\"3.6.14\",\"dbSize\":24576,\"leader\":11228086646702882577,\"raftIndex\":11,\"raftTerm\":2,"
            + "\"raftAppliedIndex\":11,\"dbSizeInUse\":16384,\"storageVersion\":\"3.6.0\",\"dbSizeQuota\":2147483648,"
            + "\"downgradeInfo\":{}}}]";
    private static final String ENABLED = BEFORE.replace("\"storageVersion\":\"3.6.0\"", "\"storageVersion\":\"3.5.0\"")
            .replace("\"downgradeInfo\":{}", "\"downgradeInfo\":{\"enabled\":true,\"targetVersion\":\"3.5.0\"}");

    @Test
    void noDowngradeEnabledAndTheStorageOnItsOwnMinor() {
        DowngradeStatus status = DowngradeStatus.parse(BEFORE);
        assertThat(status.read()).isTrue();
        assertThat(status.storageVersion()).isEqualTo("3.6.0");
        assertThat(status.enabledTarget()).isEmpty();
        assertThat(status.storageOn("3.5")).isFalse();
        assertThat(status.downgradingTo("3.5")).isFalse();
    }

    @Test
    void anEnabledDowngradeAndTheStorageMigrated() {
        DowngradeStatus status = DowngradeStatus.parse(ENABLED);
        assertThat(status.enabledTarget()).contains("3.5.0");
        assertThat(status.storageOn("3.5")).isTrue();
        assertThat(status.downgradingTo("3.5")).isTrue();
        assertThat(status.downgradingTo("3.4")).isFalse();
        assertThat(status.storageOn("3.6")).as("3.6 is not a prefix of 3.5.0").isFalse();
    }

    /** The same fields as etcd 3.6.14's JSON gateway answers POST /v3/maintenance/status (integers as strings). */
    @Test
    void theGatewaysAnswerReadsTheSame() {
        String gateway = "{\"header\":{\"cluster_id\":\"324952591200643719\",\"member_id\":\"3319814642761637952\","
                + "\"revision\":\"1\",\"raft_term\":\"2\"},\"version\":\"3.6.14\",\"dbSize\":\"20480\","
                + "\"leader\":\"3319814642761637952\",\"raftIndex\":\"5\",\"raftTerm\":\"2\",\"raftAppliedIndex\":\"5\","
                + "\"dbSizeInUse\":\"16384\",\"storageVersion\":\"3.5.0\",\"dbSizeQuota\":\"2147483648\","
                + "\"downgradeInfo\":{\"enabled\":true,\"targetVersion\":\"3.5.0\"}}";
        DowngradeStatus status = DowngradeStatus.parse(gateway);
        assertThat(status.storageOn("3.5")).isTrue();
        assertThat(status.downgradingTo("3.5")).isTrue();
        assertThat(DowngradeStatus.parse("{\"error\":\"not found\"}").read()).isFalse();
    }

    @Test
    void aMemberBefore36OrAnAnswerThatIsNotJsonIsNotRead() {
        String on35 = BEFORE.replace("\"storageVersion\":\"3.6.0\",", "").replace(",\"downgradeInfo\":{}", "");
        assertThat(DowngradeStatus.parse(on35).read()).isFalse();
        assertThat(DowngradeStatus.parse(on35).unread()).contains("no storage version");
        assertThat(DowngradeStatus.parse("Error: context deadline exceeded").read()).isFalse();
        assertThat(DowngradeStatus.parse("[]").read()).isFalse();
        assertThat(DowngradeStatus.NOT_READ.storageOn("3.5")).isFalse();
    }
}
