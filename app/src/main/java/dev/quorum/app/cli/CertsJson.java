package dev.quorum.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.core.certinventory.CertificateAdvice;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.intent.CommandLine;
import dev.quorum.core.pki.CertificateProblem;
import dev.quorum.core.pki.CertificateRecord;
import java.util.Locale;

/**
 * {@code certs --json}: {@code {"certificates": [{"host", "path", "subject", "sans", "issuer", "notAfter",
 * "daysLeft", "problems": [...]}, ...], "services": [{"unit", "envFile"}, ...], "settingsFrom"}} plus more
 * fields per certificate. A stable shape: scripts (monitoring an expiry) rely on it. {@code services}: what reads
 * the etcd hosts' member and CA files (etcd, and etcd-events where the events cluster runs); {@code usedBy} names
 * settings of the env file {@code settingsFrom}. {@code next}: what to do, {@code {"title", "reason", "command"}}, or
 * null when nothing Quorum does is needed (or would help).
 */
final class CertsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CertsJson() {
    }

    /** @param inventoryArg the inventory as the user named it, for the command of {@code next} */
    static String render(InventoryReport report, CertReaders readers, String inventoryArg) {
        ObjectNode root = JSON.createObjectNode();
        root.put("caSource", report.caSource());
        root.put("clean", report.clean());
        ArrayNode certificates = root.putArray("certificates");
        for (CertificateRecord record : report.certificates()) {
            ObjectNode node = certificates.addObject();
            node.put("host", record.host());
            node.put("path", record.path());
            node.put("role", record.role().name().toLowerCase(Locale.ROOT));
            record.usedBy().forEach(node.putArray("usedBy")::add);
            record.details().ifPresentOrElse(d -> {
                node.put("subject", d.subject());
                d.sans().forEach(node.putArray("sans")::add);
                node.put("issuer", d.issuer());
                node.put("serial", d.serial());
                node.put("notBefore", d.notBefore().toString());
                node.put("notAfter", d.notAfter().toString());
                node.put("daysLeft", d.daysLeft());
                node.put("keyType", d.keyType());
                node.put("sha256", d.fingerprint());
            }, () -> {
                node.putNull("subject");
                node.putArray("sans");
                node.putNull("issuer");
                node.putNull("notAfter");
                node.putNull("daysLeft");
            });
            record.keyPath().ifPresentOrElse(k -> node.put("keyPath", k), () -> node.putNull("keyPath"));
            ArrayNode problems = node.putArray("problems");
            for (CertificateProblem problem : record.problems()) {
                problems.addObject().put("code", problem.code().id())
                        .put("severity", problem.severity().name().toLowerCase(Locale.ROOT))
                        .put("message", problem.message());
            }
        }
        ArrayNode unreachable = root.putArray("unreachable");
        report.unreachable().forEach((host, error) -> unreachable.addObject().put("host", host).put("error", error));
        ArrayNode services = root.putArray("services");
        readers.services().forEach(s -> services.addObject().put("unit", s.unitName()).put("envFile", s.envFile()));
        root.put("settingsFrom", readers.settingsFrom().envFile());
        CertificateAdvice.of(report).ifPresentOrElse(advice -> root.putObject("next").put("title", advice.title())
                        .put("reason", advice.reason()).put("command", CommandLine.of(advice.intent(), inventoryArg)),
                () -> root.putNull("next"));
        return root.toPrettyString();
    }
}
