package dev.quorum.app.cli;

import dev.quorum.app.common.PlanOutline;
import dev.quorum.core.engine.Plan;
import java.io.PrintWriter;

/** The plan as an operator reads it before saying yes: each step, its hosts, and its commands. */
final class PlanPrinter {
    private PlanPrinter() {
    }

    static void print(Plan plan, PrintWriter out) {
        PlanOutline outline = PlanOutline.of(plan);
        out.println("Plan: " + outline.lifecycle() + " on cluster " + outline.cluster());
        for (PlanOutline.Step step : outline.steps()) {
            out.println(String.format("  %2d. %s  [%s]", step.number(), step.title(), String.join(", ", step.targets())));
            for (String command : step.commands()) {
                out.println("        $ " + command);
            }
        }
        out.flush();
    }
}
