package dev.quorum.core.lifecycle.upgrade;

/** One guard's refusal: what is wrong and what to do. */
public record UpgradeRefusal(Gate gate, String reason, String hint) {
}
