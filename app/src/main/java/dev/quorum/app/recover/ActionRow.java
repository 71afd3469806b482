package dev.quorum.app.recover;

import dev.quorum.core.intent.Intent;
import dev.quorum.core.lifecycle.recover.RecommendedAction;

/**
 * An action the diagnosis recommends, and what its button does here: go on to recover's plan,
 * diagnose again, open the wizard that does it (replace, remove, add, restore) or copy the command.
 */
public record ActionRow(String title, Intent intent, String command, String risk, Kind kind) {

    /** What the action's button does in this wizard. */
    public enum Kind {
        RECOVER("Recover: review the plan"),
        DIAGNOSE("Diagnose again"),
        OPEN_WIZARD("Open its wizard"),
        COPY("Copy the command");

        private final String button;

        Kind(String button) {
            this.button = button;
        }

        public String button() {
            return button;
        }
    }

    static ActionRow of(RecommendedAction action, WizardOpener wizards) {
        Intent intent = action.intent();
        Kind kind = intent instanceof Intent.Recover ? Kind.RECOVER
                : intent instanceof Intent.Diagnose ? Kind.DIAGNOSE
                : wizards.opens(intent) ? Kind.OPEN_WIZARD : Kind.COPY;
        return new ActionRow(action.title(), intent, action.command(), action.risk(), kind);
    }

    /** "risk: ..." or "no risk named". */
    public String riskText() {
        return risk.isEmpty() ? "Risk: none known." : "Risk: " + risk;
    }
}
