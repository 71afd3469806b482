package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.etcd.MemberInfo;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which current members a member's v3 store marks removed (bbolt bucket {@code members_removed}). etcd 3.6 reads
 * membership from the v3 store and refuses a peer it finds there; 3.5 reads the v2 store and does not notice
 * (decision 0067).
 *
 * @param read    the member's backend file could be read; false when not asked or when the read failed
 * @param members the names of the current members it marks removed
 */
public record RemovedMarks(boolean read, List<String> members) {
    public static final RemovedMarks NOT_READ = new RemovedMarks(false, List.of());

    public RemovedMarks {
        members = List.copyOf(members);
    }

    /**
     * The current members whose ID a mark ends with. A mark is what {@code grep -aoE '[0-9a-f]+removed'} finds in the
     * backend file, the trailing "removed" cut: a key (the ID in hex, as etcd writes it) and the bytes before it
     * that happen to be hex digits too.
     */
    static RemovedMarks of(Optional<Set<String>> marks, Collection<MemberInfo> current) {
        return marks.map(found -> new RemovedMarks(true, current.stream()
                        .filter(m -> found.stream().anyMatch(mark -> mark.endsWith(Long.toHexString(m.id()))))
                        .map(MemberInfo::name).toList()))
                .orElse(NOT_READ);
    }
}
