package dev.quorum.app.cli;

import dev.quorum.app.common.IgnoredVariableWords;
import dev.quorum.core.inventory.IgnoredVariable;
import java.io.PrintWriter;
import java.util.List;

/** Under {@code --plan}: the inventory's {@code etcd_*} variables Quorum does not use ({@link IgnoredVariableWords}). */
final class IgnoredVariablesText {
    private IgnoredVariablesText() {
    }

    static void print(List<IgnoredVariable> ignored, PrintWriter out) {
        if (ignored.isEmpty()) {
            return;
        }
        out.println(IgnoredVariableWords.HEADING);
        IgnoredVariableWords.lines(ignored).forEach(line -> out.println("  " + line));
        out.flush();
    }
}
