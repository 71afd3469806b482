package dev.quorum.app.recover;

import dev.quorum.core.lifecycle.recovery.RecommendedAction;

/**
 * An action the diagnosis recommends, and what its button does here: go on to recover's plan,
 * diagnose again, or copy the command (restore, replace... are other wizards or the CLI).
 */
public record ActionRow(String title, String command, String risk, Kind kind) {

    /** What the action's button does in this wizard. */
    public enum Kind {
        RECOVER("Recover: review the plan"),
        DIAGNOSE("Diagnose again"),
        COPY("Copy the command");

        private final String button;

        Kind(String button) {
            this.button = button;
        }

        public String button() {
            return button;
        }
    }

    static ActionRow of(RecommendedAction action) {
        Kind kind = action.command().startsWith("quorum recover") ? Kind.RECOVER
                : action.command().startsWith("quorum diagnose") ? Kind.DIAGNOSE : Kind.COPY;
        return new ActionRow(action.title(), action.command(), action.risk(), kind);
    }

    /** "risk: ..." or "no risk named". */
    public String riskText() {
        return risk.isEmpty() ? "Risk: none known." : "Risk: " + risk;
    }
}
