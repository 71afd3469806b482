package dev.quorum.core.lifecycle.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.etcd.MemberInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which current members the marks read from a backend file name (decision 0067). */
class RemovedMarksTest {
    static MemberInfo member(String hexId, String name) {
        return new MemberInfo(Long.parseUnsignedLong(hexId, 16), name, List.of(), List.of(), false);
    }

    static final List<MemberInfo> CURRENT = List.of(member("7e9561640e6766ac", "etcd2"),
            member("a3fecd97338796d4", "etcd1"), member("c09c7cf6feb55cb6", "etcd3"));

    /** The marks of the lab cluster that went 3.4 -> 3.5 without a snapshot, as grep found them. */
    @Test
    void namesTheMembersWhoseIdsAreMarkedAlsoBehindStrayHexBytes() {
        RemovedMarks marks = RemovedMarks.of(Optional.of(Set.of("a3fecd97338796d4", "6c09c7cf6feb55cb6")), CURRENT);

        assertThat(marks.read()).isTrue();
        assertThat(marks.members()).containsExactly("etcd1", "etcd3");
    }

    @Test
    void marksOfMembersRemovedLongAgoNameNoCurrentMember() {
        RemovedMarks marks = RemovedMarks.of(Optional.of(Set.of("5d1f0e2a9b7c4e31")), CURRENT);

        assertThat(marks).isEqualTo(new RemovedMarks(true, List.of()));
    }

    @Test
    void anIdWithLeadingZerosIsWrittenWithoutThem() {
        RemovedMarks marks = RemovedMarks.of(Optional.of(Set.of("fe12ab34cd56ef7")),
                List.of(member("0fe12ab34cd56ef7", "etcd4")));

        assertThat(marks.members()).containsExactly("etcd4");
    }

    @Test
    void anUnreadFileIsNotRead() {
        assertThat(RemovedMarks.of(Optional.empty(), CURRENT)).isEqualTo(RemovedMarks.NOT_READ);
    }
}
