package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.IssuedCertificate;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes new member, admin and node certificates on one host, issued on the workstation by the
 * cluster CA, each old file kept in /var/backups/quorum first. Key and certificate are written
 * under temporary names and renamed together, so etcd (which reads them on each new connection)
 * never sees a new key with an old certificate for longer than two renames.
 */
final class RenewHostCertificatesStep implements Step {
    private static final String CERT_MODE = "0640";
    private static final String KEY_MODE = "0600";

    private final RenewalRun run;

    RenewHostCertificatesStep(RenewalRun run) {
        this.run = run;
    }

    @Override
    public String title() {
        return "Re-issue member, admin and node certificates that need it";
    }

    @Override
    public List<String> preview(String target) {
        String dir = run.session().settings().certDir();
        return List.of("# issued on this workstation by the cluster CA, e.g. with openssl:",
                "openssl req -new -key member-" + target + "-key.pem -subj /CN=etcd-member-" + target
                        + " | openssl x509 -req -CA ca.pem -CAkey ca-key.pem -extfile san.cnf -days 36500",
                "cp -p " + dir + "/member-" + target + ".pem /var/backups/quorum/<time>" + dir + "/   # old files kept",
                "install -m 0600 member-" + target + "-key.pem " + dir + "/ && install -m 0640 member-" + target
                        + ".pem " + dir + "/",
                "chmod 0600 <keys readable by others>");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (run.issuer().isEmpty()) {
            return Check.needed("member, admin and node certificates will be re-issued from the new CA");
        }
        List<CertificateRecord> records = run.inspect(context.target());
        List<RenewableCertificate> renew = run.toRenew(context.target(), records);
        List<String> tighten = run.keysToTighten(records, renew);
        if (renew.isEmpty() && tighten.isEmpty()) {
            return Check.done("every member, admin and node certificate is valid");
        }
        List<String> parts = new ArrayList<>();
        renew.forEach(c -> parts.add(name(c.certificatePath()) + ": " + c.reason()));
        tighten.forEach(k -> parts.add(name(k) + ": mode too open"));
        return Check.needed(String.join("; ", parts));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        String host = context.target();
        RemoteHost remote = run.session().remote(host);
        List<CertificateRecord> records = run.inspect(host);
        List<RenewableCertificate> renew = run.toRenew(host, records);
        for (RenewableCertificate certificate : renew) {
            context.cancellation().throwIfCancelled();
            IssuedCertificate issued = run.issue(certificate);
            keep(context, ManagedFiles.backup(remote, certificate.keyPath()));
            keep(context, ManagedFiles.backup(remote, certificate.certificatePath()));
            String newKey = certificate.keyPath() + ".quorum-new";
            String newCert = certificate.certificatePath() + ".quorum-new";
            remote.write(issued.privateKeyPem().getBytes(StandardCharsets.US_ASCII), newKey, KEY_MODE);
            remote.write(issued.certificatePem().getBytes(StandardCharsets.US_ASCII), newCert, CERT_MODE);
            remote.run("mv -f " + Shell.quote(newKey) + " " + Shell.quote(certificate.keyPath()) + " && mv -f "
                    + Shell.quote(newCert) + " " + Shell.quote(certificate.certificatePath()))
                    .requireOk("put the new " + name(certificate.certificatePath()) + " in place");
            context.info("renewed " + certificate.certificatePath() + " (was: " + certificate.reason() + "); until "
                    + issued.certificate().getNotAfter().toInstant() + ", serial "
                    + issued.certificate().getSerialNumber().toString(16));
        }
        for (String key : run.keysToTighten(records, renew)) {
            remote.run("chmod 0600 " + Shell.quote(key)).requireOk("chmod 0600 " + key);
            context.info("tightened " + key + " to mode 0600");
        }
        if (!renew.isEmpty()) {
            run.awaitHealth(host);
        }
    }

    private static void keep(StepContext context, java.util.Optional<String> backup) {
        backup.ifPresent(path -> context.info("previous file kept as " + path));
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
