package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.HostFile;
import dev.quorum.core.cluster.HostFileReads;
import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.pki.CertHost;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.CertificateCheck;
import dev.quorum.core.pki.IssuedCertificate;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.pki.KubesprayCertificate;
import dev.quorum.core.pki.KubesprayCertificates;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubespray's certificate set in {@code etcd_cert_dir}: {@code ca.pem}, {@code member-H} and
 * {@code admin-H} with their keys, issued on the workstation by the cluster CA (whose key stays
 * there). Certificates that are already right are left alone.
 */
public final class CertificatesStep extends HostStep {
    private static final String CERT_MODE = "0640";
    private static final String KEY_MODE = "0600";

    public CertificatesStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Issue member and admin certificates into " + session.settings().certDir();
    }

    @Override
    public List<String> preview(String target) {
        String dir = session.settings().certDir();
        return List.of("# issued on this workstation by the cluster CA (its key stays in ~/.quorum)",
                "install -d -m 0700 " + dir,
                "install -m 0644 ca.pem " + dir + "/ca.pem",
                "install -m 0640 member-" + target + ".pem admin-" + target + ".pem " + dir + "/",
                "install -m 0600 member-" + target + "-key.pem admin-" + target + "-key.pem " + dir + "/");
    }

    private KubesprayCertificates layout() {
        List<CertHost> hosts = session.members().stream().map(m -> new CertHost(m.hostName(), m.host().certificateAddresses())).toList();
        // certificates_duration, as Kubespray's make-ssl-etcd.sh passes it to openssl -days
        return new KubesprayCertificates(hosts, session.settings().certAltNames(), session.settings().certAltIps(),
                KeyAlgorithm.EC_P256, Duration.ofDays(session.settings().tuning().certificateDays()));
    }

    private String file(String name) {
        return session.settings().certDir() + "/" + name;
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (!session.hasPki()) {
            return Check.needed("the cluster CA will be created on this workstation, then certificates issued");
        }
        List<String> problems = problems(context);
        return problems.isEmpty()
                ? Check.done("ca.pem, member-" + context.target() + " and admin-" + context.target() + " valid")
                : Check.needed(String.join("; ", problems));
    }

    /** Every file of the host's set, with its mode, read in one exchange (issue 18). */
    private Map<String, Optional<HostFile>> files(RemoteHost remote, String target) {
        List<String> paths = new ArrayList<>(List.of(file(KubesprayCertificates.CA_CERTIFICATE_FILE)));
        for (KubesprayCertificate cert : layout().forEtcdHost(target)) {
            paths.add(file(cert.certificateFile()));
            paths.add(file(cert.keyFile()));
        }
        return HostFileReads.read(remote, paths);
    }

    private static Optional<String> text(Map<String, Optional<HostFile>> files, String path) {
        return files.get(path).map(HostFile::content);
    }

    private List<String> problems(StepContext context) throws Exception {
        CertificateAuthority ca = session.cluster().pki().ca();
        Map<String, Optional<HostFile>> files = files(remote(context), context.target());
        List<String> problems = new ArrayList<>();
        if (!sameCa(text(files, file(KubesprayCertificates.CA_CERTIFICATE_FILE)), ca)) {
            problems.add("ca.pem is missing or is not this cluster's CA");
        }
        CertificateCheck check = CertificateCheck.against(ca);
        for (KubesprayCertificate cert : layout().forEtcdHost(context.target())) {
            Optional<String> pem = text(files, file(cert.certificateFile()));
            Optional<HostFile> key = files.get(file(cert.keyFile()));
            if (pem.isEmpty() || key.isEmpty()) {
                problems.add(cert.certificateFile() + " or its key is missing");
                continue;
            }
            needed(check.check(pem.get(), key.get().content(), cert.request()).problems(), context.target())
                    .forEach(p -> problems.add(cert.certificateFile() + ": " + p));
            String mode = key.get().mode();
            if (!mode.equals("600") && !mode.equals("640")) {
                problems.add(cert.keyFile() + " has mode " + mode);
            }
        }
        return problems;
    }

    /**
     * Kubespray writes every etcd host's names into every certificate. One that lacks another
     * host's name (a member added or replaced since) still serves its own host: it gets them at
     * its next re-issue, but never forces one, since a re-issue restarts the member.
     */
    private List<String> needed(List<String> problems, String target) {
        java.util.Set<String> others = new java.util.HashSet<>();
        session.members().stream().filter(m -> !m.hostName().equals(target)).forEach(m -> {
            others.add(m.hostName());
            others.addAll(m.host().certificateAddresses());
        });
        session.members().stream().filter(m -> m.hostName().equals(target)).forEach(m -> {
            others.remove(m.hostName());
            others.removeAll(m.host().certificateAddresses());
        });
        return problems.stream().filter(p -> !(p.startsWith(SANS_MISSING)
                && others.contains(p.substring(SANS_MISSING.length())))).toList();
    }

    private static final String SANS_MISSING = "SANs do not cover ";

    private static boolean sameCa(Optional<String> pem, CertificateAuthority ca) {
        try {
            return pem.isPresent() && PemCodec.parseCertificate(pem.get()).equals(ca.certificate());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        CertificateAuthority ca = session.cluster().pki().ca();
        String caFile = file(KubesprayCertificates.CA_CERTIFICATE_FILE);
        Map<String, Optional<HostFile>> files = files(remote, context.target());
        Optional<String> hostCa = text(files, caFile);
        boolean runningMember = session.etcdActive(context.target());
        if (hostCa.isPresent() && !sameCa(hostCa, ca) && runningMember) {
            throw new StepFailedException(context.target() + " runs etcd with certificates from another CA than "
                    + "the one in " + session.cluster().pki().directory(),
                    "this cluster was set up elsewhere (another workstation or Kubespray); bring its CA into "
                            + "Quorum's store instead of re-issuing, or the members would stop trusting each other");
        }
        remote.run("install -d -m 0700 " + Shell.quote(session.settings().certDir())).requireOk("create cert dir");
        if (!sameCa(hostCa, ca)) {
            keep(context, ManagedFiles.replace(remote, caFile, ca.certificatePem(), "0644", files.get(caFile)));
        }
        CertificateCheck check = CertificateCheck.against(ca);
        for (KubesprayCertificate cert : layout().forEtcdHost(context.target())) {
            Optional<String> pem = text(files, file(cert.certificateFile()));
            Optional<String> key = text(files, file(cert.keyFile()));
            boolean good = pem.isPresent() && key.isPresent()
                    && needed(check.check(pem.get(), key.get(), cert.request()).problems(), context.target()).isEmpty();
            if (good) {
                remote.run("chmod 600 " + Shell.quote(file(cert.keyFile()))).requireOk("fix key mode");
                continue;
            }
            IssuedCertificate issued = ca.issue(cert.request());
            keep(context, ManagedFiles.replace(remote, file(cert.keyFile()), issued.privateKeyPem(), KEY_MODE,
                    files.get(file(cert.keyFile()))));
            keep(context, ManagedFiles.replace(remote, file(cert.certificateFile()), issued.certificatePem(),
                    CERT_MODE, files.get(file(cert.certificateFile()))));
            context.info("issued " + cert.certificateFile() + " (SANs: " + String.join(", ",
                    cert.request().dnsNames()) + ", " + String.join(", ", cert.request().ipAddresses()) + ")");
        }
        session.sharedFilesChanged(context.target());
    }

    private static void keep(StepContext context, Optional<String> backup) {
        backup.ifPresent(path -> context.info("previous file kept as " + path));
    }
}
