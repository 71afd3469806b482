package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostRangesTest {
    @Test
    void aNameWithoutRangeIsItself() {
        assertThat(HostRanges.expand("node1")).containsExactly("node1");
    }

    @Test
    void numbers() {
        assertThat(HostRanges.expand("node[1:3]")).containsExactly("node1", "node2", "node3");
    }

    @Test
    void zeroPaddedNumbersKeepTheirWidth() {
        assertThat(HostRanges.expand("node[08:11].example.com"))
                .containsExactly("node08.example.com", "node09.example.com", "node10.example.com", "node11.example.com");
    }

    @Test
    void letters() {
        assertThat(HostRanges.expand("etcd-[a:c]")).containsExactly("etcd-a", "etcd-b", "etcd-c");
    }

    @Test
    void stride() {
        assertThat(HostRanges.expand("node[1:9:4]")).containsExactly("node1", "node5", "node9");
        assertThat(HostRanges.expand("node[a:e:2]")).containsExactly("nodea", "nodec", "nodee");
    }

    @Test
    void omittedStartCountsFromZero() {
        assertThat(HostRanges.expand("n[:2]")).containsExactly("n0", "n1", "n2");
    }

    @Test
    void severalRangesMultiply() {
        assertThat(HostRanges.expand("r[1:2]n[a:b]")).containsExactly("r1na", "r1nb", "r2na", "r2nb");
    }

    @Test
    void badRangesSayWhatIsWrong() {
        assertThatThrownBy(() -> HostRanges.expand("node[1:3")).hasMessage("opens a range with `[` but never closes "
                + "it with `]`");
        assertThatThrownBy(() -> HostRanges.expand("node1]")).hasMessage("has a `]` without a `[` before it");
        assertThatThrownBy(() -> HostRanges.expand("node[1]")).hasMessage("has `[1]`, but a range is [start:end] or "
                + "[start:end:step]");
        assertThatThrownBy(() -> HostRanges.expand("node[1:]")).hasMessage("has `[1:]`, which has no end");
        assertThatThrownBy(() -> HostRanges.expand("node[3:1]")).hasMessage("has `[3:1]`, which runs backwards; "
                + "write the smaller number first");
        assertThatThrownBy(() -> HostRanges.expand("node[c:a]")).hasMessage("has `[c:a]`, which runs backwards; "
                + "write the first name first");
        assertThatThrownBy(() -> HostRanges.expand("node[01:3]")).hasMessage("has `[01:3]`: a zero-padded range "
                + "needs both ends of the same width, for example [01:12]");
        assertThatThrownBy(() -> HostRanges.expand("node[1:3:0]")).hasMessage("has `[1:3:0]`, whose step must be "
                + "1 or more");
        assertThatThrownBy(() -> HostRanges.expand("node[1:x2]")).hasMessage("has `[1:x2]`, but `x2` is neither a "
                + "number nor a single letter");
    }
}
