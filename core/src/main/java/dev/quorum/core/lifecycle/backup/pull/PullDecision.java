package dev.quorum.core.lifecycle.backup.pull;

import java.util.Optional;

/**
 * What a pull will do, decided from what was observed ({@link PullPlanner}).
 *
 * @param backup the listed backup the copy is checked against (absent when refused before it was found)
 * @param reason one sentence for the run's log, or the refusal's message
 * @param hint   what to do, for a refusal
 */
public record PullDecision(Kind kind, Optional<ListedBackup> backup, String reason, String hint) {
    public enum Kind {
        /** Copy it: nothing is at the target. */
        COPY,
        /** The same bytes are there, without the metadata a pull writes: write that only. */
        RECORD,
        /** Already here: nothing to do. */
        ALREADY_HERE,
        /** Not pulled, and nothing changed: see the reason and hint. */
        REFUSE
    }

    static PullDecision copy(ListedBackup backup, String reason) {
        return new PullDecision(Kind.COPY, Optional.of(backup), reason, "");
    }

    static PullDecision record(ListedBackup backup, String reason) {
        return new PullDecision(Kind.RECORD, Optional.of(backup), reason, "");
    }

    static PullDecision alreadyHere(Optional<ListedBackup> backup, String reason) {
        return new PullDecision(Kind.ALREADY_HERE, backup, reason, "");
    }

    static PullDecision refuse(String reason, String hint) {
        return new PullDecision(Kind.REFUSE, Optional.empty(), reason, hint);
    }
}
