package dev.quorum.app.cli;

import dev.quorum.core.certinventory.CertificateAdvice;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.intent.CommandLine;
import dev.quorum.core.pki.CertificateProblem;
import dev.quorum.core.pki.CertificateRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The certificate inventory for people: host by host, certificates with problems first. */
final class CertsText {
    private CertsText() {
    }

    /** @param inventoryArg the inventory as the user named it, for the command of the advice */
    static void print(InventoryReport report, String inventoryArg, PrintWriter out) {
        long needing = report.certificates().stream().filter(CertificateRecord::needsAction).count();
        out.println(report.certificates().size() + " certificates, " + (needing == 0 ? "no problems"
                : needing + " with problems") + "; " + (report.caSource().equals(InventoryReport.UNKNOWN_CA)
                ? "no cluster CA found, issuers not checked" : "checked against the CA in " + report.caSource()));
        Map<String, List<CertificateRecord>> byHost = new LinkedHashMap<>();
        report.certificates().forEach(r -> byHost.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r));
        for (var entry : byHost.entrySet()) {
            out.println();
            out.println(entry.getKey());
            entry.getValue().stream().sorted(Comparator.comparing((CertificateRecord r) -> !r.needsAction()))
                    .forEach(r -> print(r, out));
        }
        report.unreachable().forEach((host, error) -> {
            out.println();
            out.println(host + ": NOT READ (" + error + ")");
        });
        CertificateAdvice.of(report).ifPresent(advice -> {
            out.println();
            out.println("Next: " + advice.title() + ": " + advice.reason());
            out.println("  " + CommandLine.of(advice.intent(), inventoryArg));
        });
    }

    private static void print(CertificateRecord record, PrintWriter out) {
        String mark = record.needsAction() ? "!!" : record.problems().isEmpty() ? "ok" : "--";
        String used = record.usedBy().isEmpty() ? "" : "  [" + String.join(", ", record.usedBy()) + "]";
        String what = record.details().map(d -> String.format(Locale.ROOT, "%s, %s, until %s (%d days)",
                d.subject(), d.keyType(), d.notAfter().toString().substring(0, 10), d.daysLeft())).orElse("");
        out.println("  " + mark + " " + record.path() + "  " + record.role().name().toLowerCase(Locale.ROOT)
                + used + (what.isEmpty() ? "" : "  " + what));
        for (CertificateProblem problem : record.problems()) {
            out.println("       " + problem.severity().name().toLowerCase(Locale.ROOT) + " " + problem.code().id()
                    + ": " + problem.message());
        }
    }
}
