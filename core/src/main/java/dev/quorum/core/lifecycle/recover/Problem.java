package dev.quorum.core.lifecycle.recover;

/** One thing wrong with a member, in words an operator can act on. */
public record Problem(ProblemKind kind, String text) {
}
