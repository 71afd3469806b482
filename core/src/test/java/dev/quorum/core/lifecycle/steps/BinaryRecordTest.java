package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.release.ReleaseBinary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The record vouches for binaries only when every one has exactly the stat and the release's hash it recorded. */
class BinaryRecordTest {
    private static final String BIN = "/usr/local/bin";
    private static final ReleaseBinary ETCD = new ReleaseBinary("etcd", "etcd-v3.6.14-linux-amd64/etcd", "a".repeat(64));
    private static final ReleaseBinary ETCDCTL = new ReleaseBinary("etcdctl", "etcd-v3.6.14-linux-amd64/etcdctl",
            "b".repeat(64));
    private static final List<ReleaseBinary> BINARIES = List.of(ETCD, ETCDCTL);
    private static final String STAT = "1234 23000000 2026-12-05 07:23:32.123456789 +0000 "
            + "2026-12-05 07:23:32.223456789 +0000 /usr/local/bin/etcd\n"
            + "1235 17000000 2026-12-05 07:23:32.323456789 +0000 "
            + "2026-12-05 07:23:32.423456789 +0000 /usr/local/bin/etcdctl\n";

    @Test
    void theStatCommandQuotesEveryPath() {
        assertThat(BinaryRecord.statCommand("/opt/my bin", BINARIES))
                .isEqualTo("stat -c '%i %s %y %z %n' '/opt/my bin/etcd' '/opt/my bin/etcdctl' 2>/dev/null");
    }

    @Test
    void aRecordWrittenForTheseStatLinesVouchesForThem() {
        Map<String, String> stat = BinaryRecord.statLines(BIN, BINARIES, STAT);
        String record = BinaryRecord.render(BIN, BINARIES, stat);

        assertThat(BinaryRecord.vouches(BIN, BINARIES, stat, Optional.of(record))).isTrue();
    }

    @Test
    void anyChangedCtimeAnotherReleaseAMissingBinaryOrNoRecordMeansHashingAgain() {
        Map<String, String> stat = BinaryRecord.statLines(BIN, BINARIES, STAT);
        String record = BinaryRecord.render(BIN, BINARIES, stat);

        Map<String, String> touched = BinaryRecord.statLines(BIN, BINARIES, STAT.replace("07:23:32.223", "07:24:00.000"));
        assertThat(BinaryRecord.vouches(BIN, BINARIES, touched, Optional.of(record))).isFalse();
        List<ReleaseBinary> other = List.of(ETCD, new ReleaseBinary("etcdctl", ETCDCTL.entry(), "c".repeat(64)));
        assertThat(BinaryRecord.vouches(BIN, other, stat, Optional.of(record))).isFalse();
        Map<String, String> oneGone = BinaryRecord.statLines(BIN, BINARIES, STAT.lines().findFirst().orElseThrow());
        assertThat(BinaryRecord.vouches(BIN, BINARIES, oneGone, Optional.of(record))).isFalse();
        assertThat(BinaryRecord.vouches(BIN, BINARIES, stat, Optional.empty())).isFalse();
    }
}
