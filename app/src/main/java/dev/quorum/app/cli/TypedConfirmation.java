package dev.quorum.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * For changes that may lose data: a y/N is too easy to give by habit, so the user types a word
 * (the host's name). Without a terminal the command needs its explicit flag instead.
 */
final class TypedConfirmation {
    private TypedConfirmation() {
    }

    static boolean ask(PrintWriter out, String question, String expected, String flag) {
        if (System.console() == null) {
            throw new UserError("cannot ask for confirmation: no terminal",
                    "review the plan with --plan, then run again with " + flag);
        }
        out.print(question + " Type " + expected + " to go on: ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.strip().equals(expected);
        } catch (IOException e) {
            return false;
        }
    }
}
