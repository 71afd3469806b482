package dev.quorum.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lets {@code quorum certs -i INV renew} mean {@code quorum certs renew -i INV}: people put the
 * cluster's options where {@code quorum certs -i INV} taught them, and picocli would give those
 * to the parent and then miss them on the subcommand.
 */
final class SubcommandOptions {
    private static final Map<String, Set<String>> SUBCOMMANDS = Map.of(
            "certs", Set.of("renew", "rotate-ca"),
            "snapshot", Set.of("save", "list", "verify"),
            "maintain", Set.of("compact", "defrag", "alarms"),
            "backup", Set.of("schedule", "unschedule", "run", "list"),
            "apiservers", Set.of("update"));

    private SubcommandOptions() {
    }

    /** The words between a parent and its subcommand moved after the subcommand; anything else unchanged. */
    static String[] afterSubcommand(String... args) {
        if (args.length < 3 || !SUBCOMMANDS.containsKey(args[0])) {
            return args;
        }
        Set<String> subcommands = SUBCOMMANDS.get(args[0]);
        for (int i = 2; i < args.length; i++) {
            if (subcommands.contains(args[i])) {
                List<String> reordered = new ArrayList<>(List.of(args[0], args[i]));
                reordered.addAll(List.of(args).subList(1, i));
                reordered.addAll(List.of(args).subList(i + 1, args.length));
                return reordered.toArray(String[]::new);
            }
        }
        return args;
    }
}
