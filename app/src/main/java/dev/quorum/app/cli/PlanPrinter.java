package dev.quorum.app.cli;

import dev.quorum.core.engine.Plan;
import dev.quorum.core.engine.PlannedStep;
import java.io.PrintWriter;

/** The plan as an operator reads it before saying yes: each step, its hosts, and its commands. */
final class PlanPrinter {
    private PlanPrinter() {
    }

    static void print(Plan plan, PrintWriter out) {
        out.println("Plan: " + plan.lifecycle() + " on cluster " + plan.cluster());
        int number = 1;
        for (PlannedStep planned : plan.steps()) {
            out.println(String.format("  %2d. %s  [%s]", number++, planned.step().title(),
                    String.join(", ", planned.targets())));
            for (String command : planned.step().preview(planned.targets().get(0))) {
                out.println("        $ " + command);
            }
        }
        out.flush();
    }
}
