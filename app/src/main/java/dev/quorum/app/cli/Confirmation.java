package dev.quorum.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Asks before changing hosts. Without a terminal there is nobody to ask: the user must pass --yes. */
final class Confirmation {
    private Confirmation() {
    }

    static boolean ask(PrintWriter out, String question) {
        Console console = System.console();
        if (console == null) {
            throw new UserError("cannot ask for confirmation: no terminal",
                    "review the plan with --plan, then run again with --yes");
        }
        out.print(question + " [y/N] ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
