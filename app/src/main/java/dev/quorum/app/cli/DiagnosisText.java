package dev.quorum.app.cli;

import dev.quorum.app.common.MemberStateWords;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.recover.MemberDiagnosis;
import dev.quorum.core.lifecycle.recover.Problem;
import dev.quorum.core.lifecycle.recover.RecommendedAction;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The readable diagnosis: the verdict sentence first, then members, who reaches whom, and what to do. */
final class DiagnosisText {
    private DiagnosisText() {
    }

    static void print(Diagnosis d, PrintWriter out) {
        out.println(d.sentence() + ".");
        out.println();
        out.printf("%-10s %-10s %-22s %8s  %s%n", "HOST", "MEMBER", "STATE", "LAG", "PROBLEMS");
        for (MemberDiagnosis m : d.members()) {
            List<Problem> problems = m.problems();
            out.printf("%-10s %-10s %-22s %8s  %s%n", m.host(), m.name(), MemberStateWords.of(m),
                    m.lag().map(String::valueOf).orElse("-"), problems.isEmpty() ? "-" : problems.get(0).text());
            problems.stream().skip(1).forEach(p -> out.printf("%-55s  %s%n", "", p.text()));
        }
        if (!d.connectivity().isEmpty()) {
            out.println();
            out.println("Peer port reached (row: from, column: to):");
            List<String> hosts = List.copyOf(d.connectivity().keySet());
            out.printf("%-10s", "");
            hosts.forEach(h -> out.printf(" %-8s", h));
            out.println();
            for (Map.Entry<String, Map<String, Boolean>> row : d.connectivity().entrySet()) {
                out.printf("%-10s", row.getKey());
                for (String to : hosts) {
                    Boolean ok = row.getValue().get(to);
                    out.printf(" %-8s", to.equals(row.getKey()) ? "." : ok == null ? "?" : ok ? "yes" : "NO");
                }
                out.println();
            }
        }
        out.println();
        out.println("What to do:");
        int i = 1;
        for (RecommendedAction a : d.actions()) {
            out.println("  " + i++ + ". " + a.title());
            if (!a.command().isEmpty()) {
                out.println("     " + a.command());
            }
            if (!a.risk().isEmpty()) {
                out.println("     risk: " + a.risk());
            }
        }
    }
}
