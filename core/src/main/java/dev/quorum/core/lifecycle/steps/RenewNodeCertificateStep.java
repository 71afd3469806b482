package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.IssuedCertificate;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Renewal of a Kubernetes host's node certificate (decision 0033): re-issued when it has a problem against the
 * issuing CA (expired, expiring, signed by another CA, key mismatch; in a rotation the issuer is the new CA), or
 * always with {@code --all}; {@code ca.pem} is kept as long as it holds the issuer, else it gets the issuer. Same
 * files, owners and modes as install's {@link NodeCertificateStep}; key and certificate are written under
 * temporary names and renamed together so a client reading them never pairs a new key with an old certificate
 * for longer than two renames. Certificates issued by this run count as done, so its verification passes and a
 * re-run without {@code --all} leaves them.
 */
public final class RenewNodeCertificateStep extends HostStep {
    private final Supplier<Optional<CertificateAuthority>> issuer;
    private final boolean every;
    private final Set<String> issuedHere = ConcurrentHashMap.newKeySet();

    /**
     * @param issuer the CA that issues; empty while it does not exist yet (a rotation previewed)
     * @param every  re-issue even a valid certificate ({@code certs renew --all})
     */
    public RenewNodeCertificateStep(LifecycleSession session, Supplier<Optional<CertificateAuthority>> issuer,
                                    boolean every) {
        super(session);
        this.issuer = issuer;
        this.every = every;
    }

    @Override
    public String title() {
        return "Re-issue the node certificates of the Kubernetes hosts that need it";
    }

    @Override
    public List<String> preview(String target) {
        NodeFiles files = NodeFiles.of(session.settings().certDir(), target);
        return List.of("# issued on this workstation by the cluster CA (its key stays in ~/.quorum)",
                "cp -p " + files.certificateFile() + " " + files.keyFile() + " /var/backups/quorum/<time>/...",
                "install -m " + NodeFiles.KEY_MODE + " node-" + target + "-key.pem " + files.keyFile() + ".quorum-new",
                "install -m " + NodeFiles.CERT_MODE + " node-" + target + ".pem " + files.certificateFile()
                        + ".quorum-new && mv -f both into place (owner as install: kube:root or root:root)");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        Optional<CertificateAuthority> ca = issuer.get();
        if (ca.isEmpty()) {
            return Check.needed("node-" + context.target() + ".pem will be re-issued from the new CA");
        }
        List<String> problems = problems(context.target(), remote(context), ca.get());
        return problems.isEmpty() ? Check.done("node-" + context.target() + ".pem valid, signed by "
                + ca.get().certificate().getSubjectX500Principal().getName() + "; ca.pem holds it")
                : Check.needed(String.join("; ", problems));
    }

    private List<String> problems(String host, RemoteHost remote, CertificateAuthority ca) throws Exception {
        NodeFiles files = NodeFiles.of(session.settings().certDir(), host);
        List<String> problems = new ArrayList<>();
        if (!NodeCertificates.holdsCa(ManagedFiles.read(remote, files.caFile()), ca)) {
            problems.add("ca.pem is missing or does not hold the issuing CA");
        }
        Optional<String> pem = ManagedFiles.read(remote, files.certificateFile());
        NodeCertificates.problems(ca, pem, ManagedFiles.read(remote, files.keyFile()))
                .forEach(p -> problems.add("node-" + host + ".pem: " + p));
        if (problems.isEmpty() && every && !issuedHere.contains(fingerprint(pem.orElseThrow()))) {
            problems.add("node-" + host + ".pem: re-issue of every certificate requested");
        }
        return problems;
    }

    private static String fingerprint(String pem) {
        return CertificateDetails.fingerprint(PemCodec.parseCertificate(pem));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        String host = context.target();
        RemoteHost remote = remote(context);
        CertificateAuthority ca = issuer.get().orElseThrow(() -> new IllegalStateException("no issuing CA yet"));
        NodeFiles files = NodeFiles.of(session.settings().certDir(), host);
        String owner = FileOwners.read(remote, files.all()).owner() + ":" + NodeFiles.GROUP;
        String dir = session.settings().certDir();
        remote.run("[ -d " + Shell.quote(dir) + " ] || { install -d -m " + NodeFiles.DIR_MODE + " " + Shell.quote(dir)
                + " && chown " + Shell.quote(owner) + " " + Shell.quote(dir) + "; }").requireOk("create " + dir);
        if (!NodeCertificates.holdsCa(ManagedFiles.read(remote, files.caFile()), ca)) {
            ManagedFiles.replace(remote, files.caFile(), ca.certificatePem(), NodeFiles.CA_MODE)
                    .ifPresent(kept -> context.info("previous ca.pem kept as " + kept));
        }
        List<String> problems = problems(host, remote, ca).stream().filter(p -> !p.startsWith("ca.pem")).toList();
        if (!problems.isEmpty()) {
            IssuedCertificate issued = ca.issue(NodeCertificates.request(session, ca, host).request());
            for (String path : List.of(files.keyFile(), files.certificateFile())) {
                ManagedFiles.backup(remote, path).ifPresent(kept -> context.info("previous file kept as " + kept));
            }
            String newKey = files.keyFile() + ".quorum-new";
            String newCert = files.certificateFile() + ".quorum-new";
            remote.write(issued.privateKeyPem().getBytes(StandardCharsets.US_ASCII), newKey, NodeFiles.KEY_MODE);
            remote.write(issued.certificatePem().getBytes(StandardCharsets.US_ASCII), newCert, NodeFiles.CERT_MODE);
            remote.run("chown " + Shell.quote(owner) + " " + Shell.quote(newKey) + " " + Shell.quote(newCert)
                    + " && mv -f " + Shell.quote(newKey) + " " + Shell.quote(files.keyFile()) + " && mv -f "
                    + Shell.quote(newCert) + " " + Shell.quote(files.certificateFile())).requireOk("put node-" + host
                    + ".pem in place");
            issuedHere.add(CertificateDetails.fingerprint(issued.certificate()));
            context.info("renewed " + files.certificateFile() + " (was: " + String.join("; ", problems) + "); until "
                    + issued.certificate().getNotAfter().toInstant() + ", serial "
                    + issued.certificate().getSerialNumber().toString(16));
        }
        remote.run("chown " + Shell.quote(owner) + " " + Shell.join(files.all())).requireOk("set the owner");
    }
}
