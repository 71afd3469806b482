package dev.quorum.core.lifecycle.recover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Output as etcd 3.4.23's etcdctl prints it (IDs are unsigned 64-bit decimals). */
class HostReportParserTest {
    private static final String OUTPUT = String.join("\n",
            "@@quorum:service", "active",
            "@@quorum:datadir", "present",
            "@@quorum:log", "2026-12-01 09:34:20.061429 I | rafthttp: peer 1176418682f3578f became active",
            "@@quorum:status",
            "[{\"Endpoint\":\"https://127.0.0.1:2379\",\"Status\":{\"header\":{\"cluster_id\":14841639068965178418,"
                    + "\"member_id\":10276657743932975437,\"revision\":7,\"raft_term\":3},\"version\":\"3.4.23\","
                    + "\"dbSize\":20480,\"leader\":10276657743932975437,\"raftIndex\":38,\"raftTerm\":3,"
                    + "\"raftAppliedIndex\":38,\"dbSizeInUse\":16384}}]",
            "@@quorum:members",
            "{\"header\":{},\"members\":[{\"ID\":10276657743932975437,\"name\":\"etcd1\",\"peerURLs\":"
                    + "[\"https://10.0.0.1:2380\"],\"clientURLs\":[\"https://10.0.0.1:2379\"]},{\"ID\":42,"
                    + "\"peerURLs\":[\"https://10.0.0.4:2380\"],\"isLearner\":true}]}",
            "@@quorum:alarms", "memberID:10276657743932975437 alarm:NOSPACE ",
            "@@quorum:peers", "10.0.0.2 ok", "10.0.0.3 fail", "",
            "@@quorum:dropin", "absent", "@@quorum:restore", "none");

    @Test
    void readsEverySection() {
        HostReport r = HostReportParser.parse("h1", "10.0.0.1", OUTPUT);

        assertThat(r.reachable()).isTrue();
        assertThat(r.running()).isTrue();
        assertThat(r.dataDir()).isEqualTo(DataDirState.PRESENT);
        LocalStatus s = r.status().orElseThrow();
        assertThat(s.memberId()).isEqualTo("8e9e05c52164694d");
        assertThat(s.clusterId()).isEqualTo("cdf818194e3a8c32");
        assertThat(s.isLeader()).isTrue();
        assertThat(s.raftIndex()).isEqualTo(38);
        assertThat(s.version()).isEqualTo("3.4.23");
        assertThat(r.memberList()).hasSize(2);
        assertThat(r.memberList().get(1).learner()).isTrue();
        assertThat(r.memberList().get(1).name()).isEmpty();
        assertThat(r.alarms()).containsExactly("8e9e05c52164694d NOSPACE");
        assertThat(r.peerReach()).containsEntry("10.0.0.2", true).containsEntry("10.0.0.3", false);
        assertThat(r.logTail()).hasSize(1);
        assertThat(r.restoreLeftover()).isEqualTo(new RestoreLeftover(RestoreLeftover.DropIn.ABSENT,
                RestoreLeftover.Marker.NONE));
    }

    @Test
    void aDropInLeftByAnUnfinishedRestoreIsReadAsSuch() {
        HostReport r = HostReportParser.parse("h1", "10.0.0.1", String.join("\n", "@@quorum:service", "active",
                "@@quorum:dropin", "present", "@@quorum:restore", "unfinished"));

        assertThat(r.restoreLeftover().dropInLeft()).isTrue();
        assertThat(r.restoreLeftover().marker()).isEqualTo(RestoreLeftover.Marker.UNFINISHED);
    }

    @Test
    void whatCouldNotBeReadIsUnknownNeverAbsent() {
        HostReport missing = HostReportParser.parse("h1", "10.0.0.1", "@@quorum:service\nactive\n");
        HostReport garbled = HostReportParser.parse("h1", "10.0.0.1", String.join("\n", "@@quorum:dropin",
                "ls: cannot open directory: Permission denied", "@@quorum:restore", ""));

        assertThat(missing.restoreLeftover()).isEqualTo(RestoreLeftover.UNKNOWN);
        assertThat(garbled.restoreLeftover()).isEqualTo(RestoreLeftover.UNKNOWN);
        assertThat(garbled.restoreLeftover().dropInLeft()).isFalse();
        assertThat(HostReport.unreachable("h1", "10.0.0.1", "timeout").restoreLeftover())
                .isEqualTo(RestoreLeftover.UNKNOWN);
        assertThat(HostReportParser.marker("completed")).isEqualTo(RestoreLeftover.Marker.COMPLETED);
    }

    @Test
    void anEtcdThatDoesNotAnswerLeavesNoStatusAndSaysWhy() {
        HostReport r = HostReportParser.parse("h1", "10.0.0.1", String.join("\n", "@@quorum:service", "failed",
                "@@quorum:datadir", "missing", "@@quorum:status",
                "{\"level\":\"warn\",\"msg\":\"retrying of unary invoker failed\"}",
                "Error: context deadline exceeded", "@@quorum:members", "", "@@quorum:alarms", "", "@@quorum:peers"));

        assertThat(r.running()).isFalse();
        assertThat(r.status()).isEmpty();
        assertThat(r.statusError()).contains("retrying");
        assertThat(r.dataDir()).isEqualTo(DataDirState.MISSING);
        assertThat(r.memberList()).isEmpty();
    }

    @Test
    void etcdsProcessStateIsReadAndWhatIsNotShownIsUnknown() {
        Map<String, ProcessState> words = Map.of("T", ProcessState.STOPPED, "frozen", ProcessState.STOPPED,
                "D", ProcessState.DISK_WAIT, "S", ProcessState.RUNNING, "none", ProcessState.NONE, "", ProcessState.UNKNOWN);
        words.forEach((word, state) -> assertThat(HostReportParser.parse("h1", "10.0.0.1", "@@quorum:process\n" + word
                + "\n").process()).as(word).isEqualTo(state));
        assertThat(HostReportParser.parse("h1", "10.0.0.1", "@@quorum:service\nactive\n").process())
                .isEqualTo(ProcessState.UNKNOWN);
    }

    @Test
    void aUnitIsTakenOutOfServiceOnlyWhenSystemdSaysDisabledOrMasked() {
        Map<String, Boolean> words = Map.of("disabled", true, "masked", true, "masked-runtime", true, "enabled", false,
                "static", false, "", false);
        words.forEach((word, out) -> {
            HostReport r = HostReportParser.parse("h1", "10.0.0.1", "@@quorum:enabled\n" + word + "\n");
            assertThat(r.unitFileState()).isEqualTo(word);
            assertThat(r.disabled()).as(word).isEqualTo(out);
        });
        assertThat(HostReportParser.parse("h1", "10.0.0.1", "@@quorum:service\ninactive\n").disabled())
                .as("not read is not disabled").isFalse();
    }

    @Test
    void expiredCertificatesAreReadLineByLineAndAnythingElseIsLeftOut() {
        HostReport r = HostReportParser.parse("h1", "10.0.0.1", String.join("\n", "@@quorum:expired",
                "/etc/ssl/etcd/ssl/member-h1.pem\tNov 30 09:43:35 2026 GMT\tcert", "openssl: something odd",
                "/etc/ssl/etcd/ssl/ca.pem\tNov 30 09:43:35 2026 GMT\tca", ""));

        assertThat(r.expired()).containsExactly(new ExpiredCertificate("/etc/ssl/etcd/ssl/member-h1.pem",
                "Nov 30 09:43:35 2026 GMT", false), new ExpiredCertificate("/etc/ssl/etcd/ssl/ca.pem",
                "Nov 30 09:43:35 2026 GMT", true));
        assertThat(HostReportParser.parse("h1", "10.0.0.1", "@@quorum:service\nactive\n").expired()).isEmpty();
    }

    @Test
    void theDataDirsFreeSpaceIsAWholeNumberOfKibOrUnknown() {
        assertThat(HostReportParser.parse("h1", "10.0.0.1", "@@quorum:datafree\n123456\n").dataDirFreeKib())
                .hasValue(123456);
        for (String word : List.of("", "-", "12k", "99999999999999999999")) {
            assertThat(HostReportParser.parse("h1", "10.0.0.1", "@@quorum:datafree\n" + word + "\n").dataDirFreeKib())
                    .as(word).isEmpty();
        }
    }
}
