package dev.quorum.core.lifecycle.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** One decision for every member: all raised by the same amount, or none (decision 0079). */
class RestoredRevisionsTest {
    private static final List<String> HOSTS = List.of("lab1", "lab2", "lab3");

    private static RestoredRevisions everyToolCan(boolean keepAsked) {
        RestoredRevisions revisions = new RestoredRevisions(keepAsked, HOSTS);
        HOSTS.forEach(host -> revisions.toolOn(host, true));
        return revisions;
    }

    @Test
    void raisedByOneBillionWhenEveryHostsToolCan() {
        RestoredRevisions revisions = everyToolCan(false);

        assertThat(revisions.decided().amount()).isEqualTo(1_000_000_000L);
        assertThat(revisions.decided().flags()).isEqualTo(" --bump-revision 1000000000 --mark-compacted");
        assertThat(revisions.keptUnasked()).isEmpty();
    }

    @Test
    void oneHostWhoseToolCannotKeepsEveryMembersRevisionsAndIsNamed() {
        RestoredRevisions revisions = everyToolCan(false);
        revisions.toolOn("lab2", false);

        assertThat(revisions.decided().raises()).isFalse();
        assertThat(revisions.decided().flags()).isEmpty();
        assertThat(revisions.keptUnasked()).hasValueSatisfying(why -> assertThat(why)
                .contains("on lab2 cannot raise them").doesNotContain("lab1").contains("3.5.10"));
    }

    @Test
    void aHostWhoseToolWasNotAskedCountsAsOneThatCannot() {
        RestoredRevisions revisions = new RestoredRevisions(false, HOSTS);
        revisions.toolOn("lab1", true);
        revisions.toolOn("lab2", true);

        assertThat(revisions.decided().raises()).isFalse();
        assertThat(revisions.planned().raises()).as("a preview shows what the run means to do").isTrue();
    }

    @Test
    void keptAsAskedIsNotWarnedAbout() {
        RestoredRevisions revisions = everyToolCan(true);

        assertThat(revisions.decided().raises()).isFalse();
        assertThat(revisions.planned().raises()).isFalse();
        assertThat(revisions.keptUnasked()).isEmpty();
    }

    @Test
    void anInterruptedRunsMembersDecideForTheRestWhateverThisRunAsks() {
        RestoredRevisions keepAsked = everyToolCan(true);
        keepAsked.continuing(OptionalLong.of(1_000_000_000L));
        RestoredRevisions raiseAsked = everyToolCan(false);
        raiseAsked.continuing(OptionalLong.of(0));

        assertThat(keepAsked.decided().amount()).isEqualTo(1_000_000_000L);
        assertThat(raiseAsked.decided().raises()).isFalse();
        assertThat(raiseAsked.keptUnasked()).hasValueSatisfying(why -> assertThat(why).contains("interrupted run"));
    }

    @Test
    void theSnapshotsRevisionIsTakenOnceAndABumpIsNeverNegative() {
        RestoredRevisions revisions = everyToolCan(false);
        revisions.snapshotAt(42);
        revisions.snapshotAt(43);

        assertThat(revisions.snapshotRevision()).hasValue(42);
        assertThatThrownBy(() -> new RevisionBump(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRestoreToolsJsonStatusGivesTheRevision() {
        String etcdutl35 = "{\"hash\":428132988,\"revision\":7,\"totalKey\":12,\"totalSize\":20480}\n";
        String withWarning = "Deprecated: use `etcdutl snapshot status` instead.\n\n" + etcdutl35;

        assertThat(SnapshotStatus.revision(etcdutl35)).hasValue(7);
        assertThat(SnapshotStatus.revision(withWarning)).hasValue(7);
        assertThat(SnapshotStatus.revision("Error: snapshot file not found")).isEmpty();
        assertThat(SnapshotStatus.revision("{\"hash\":1}")).isEmpty();
    }
}
