package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.intent.CommandLine;
import dev.quorum.core.intent.Intent;

/**
 * Something the operator can do next.
 *
 * @param intent       what to do, as a value the app maps to its wizard
 * @param risk         what can go wrong or be lost; empty when nothing
 * @param inventoryArg the inventory as the printed command should name it
 */
public record RecommendedAction(String title, Intent intent, String risk, String inventoryArg) {

    /** The command line that does it, for the CLI and for copying. */
    public String command() {
        return CommandLine.of(intent, inventoryArg);
    }
}
