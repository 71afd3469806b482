package dev.quorum.core.lifecycle.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The pure rules behind the maintenance steps: sizes, the compaction target, when to defragment, when to disarm. */
class MaintenanceRulesTest {
    static final long MIB = 1024L * 1024;

    @Test
    void sizesReadAndPrintAsOperatorsWriteThem() {
        assertThat(Bytes.parse("16MiB")).isEqualTo(16 * MIB);
        assertThat(Bytes.parse("64 mb")).isEqualTo(64 * MIB);
        assertThat(Bytes.parse("1G")).isEqualTo(1024 * MIB);
        assertThat(Bytes.parse("4096")).isEqualTo(4096);
        assertThat(Bytes.parse("0")).isZero();
        assertThatThrownBy(() -> Bytes.parse("lots")).isInstanceOf(MaintenanceException.class)
                .hasMessageContaining("not a size");
        assertThat(Bytes.human(512)).isEqualTo("512 B");
        assertThat(Bytes.human(48 * MIB + MIB / 5)).isEqualTo("48.2 MiB");
        assertThat(Bytes.human(2L * 1024 * MIB)).isEqualTo("2.0 GiB");
    }

    @Test
    void theTargetIsTheCurrentRevisionMinusWhatIsKeptOrTheGivenOne() {
        assertThat(CompactRequest.keep(1000).target(5000)).isEqualTo(4000);
        assertThat(CompactRequest.keep(1000).target(300)).isNegative();
        assertThat(CompactRequest.to(42).target(5000)).isEqualTo(42);
        assertThat(CompactRequest.keep(10).describe()).isEqualTo("keeping the last 10 revisions");
        assertThatThrownBy(() -> CompactRequest.keep(-1)).isInstanceOf(MaintenanceException.class);
        assertThatThrownBy(() -> CompactRequest.to(0)).hasMessage("--to-revision is 0")
                .isInstanceOfSatisfying(MaintenanceException.class, e -> assertThat(e.hint()).isEqualTo("revisions start at 1"));
    }

    @Test
    void aMemberIsDefragmentedOnlyWithEnoughFreeSpace() {
        DefragRequest request = DefragRequest.defaults();
        assertThat(request.worthIt(100 * MIB, 90 * MIB)).isFalse();
        assertThat(request.worthIt(100 * MIB, 84 * MIB)).isTrue();
        assertThat(new DefragRequest(0).worthIt(MIB, MIB)).as("nothing free: nothing to gain").isFalse();
        assertThat(new DefragRequest(0).worthIt(MIB, MIB - 4096)).isTrue();
    }

    @Test
    void nospaceIsDisarmedOnlyBelowTheQuotaWithRoomOnDisk() {
        long quota = 24 * MIB;
        assertThat(new NospaceCause(24 * MIB, quota, 10_000 * MIB).remaining()).get().asString()
                .contains("of its 24.0 MiB quota");
        assertThat(new NospaceCause(23 * MIB, quota, 10_000 * MIB).remaining()).as("within 5 % of it").isPresent();
        assertThat(new NospaceCause(MIB, quota, 10 * MIB).remaining()).get().asString()
                .contains("only 10.0 MiB free on its data disk");
        assertThat(new NospaceCause(MIB, quota, 100 * MIB).remaining()).isEmpty();
        assertThat(new NospaceCause(MIB, quota, -1).remaining()).as("disk unknown: quota decides").isEmpty();
    }
}
