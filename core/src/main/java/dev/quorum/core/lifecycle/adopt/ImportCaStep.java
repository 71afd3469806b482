package dev.quorum.core.lifecycle.adopt;

import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.EnvFile;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.pki.PkiException;
import dev.quorum.core.remote.RemoteHost;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Brings Kubespray's CA ({@code ca.pem} and {@code ca-key.pem} of the first etcd node) into the
 * workstation's store, so Quorum can issue its own client certificate and new members' certificates.
 * The key is checked against the certificate, and the host's member certificate against the CA.
 */
final class ImportCaStep extends ClusterStep {

    ImportCaStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Import the cluster CA from the first etcd host into this workstation's store";
    }

    @Override
    public List<String> preview(String target) {
        String dir = session.settings().certDir();
        return List.of("scp " + first().hostName() + ":" + dir + "/ca.pem " + first().hostName() + ":" + dir
                        + "/ca-key.pem " + session.cluster().home().pki(session.cluster().inventory().clusterName()) + "/",
                "chmod 600 ca-key.pem; openssl verify -CAfile ca.pem member-" + first().hostName() + ".pem");
    }

    private EtcdMember first() {
        return session.cluster().inventory().etcdMembers().get(0);
    }

    private String caPath(RemoteHost remote) throws Exception {
        return ManagedFiles.read(remote, HostFiles.ENV_FILE).map(EnvFile::parse)
                .flatMap(env -> env.get("ETCD_TRUSTED_CA_FILE"))
                .orElse(session.settings().certDir() + "/" + CertificateAuthority.CERTIFICATE_FILE);
    }

    @Override
    public Check check(StepContext context) throws Exception {
        RemoteHost remote = session.remote(first().hostName());
        String caPath = caPath(remote);
        String hostCa = ManagedFiles.read(remote, caPath).orElseThrow(() -> new StepFailedException(
                "no CA certificate on " + first().hostName() + " at " + caPath,
                "this does not look like a Kubespray etcd host; check the inventory's etcd group"));
        if (!session.hasPki()) {
            return Check.needed("the workstation has no CA for " + session.cluster().inventory().clusterName()
                    + ": import ca.pem and ca-key.pem from " + first().hostName());
        }
        X509Certificate ours = session.cluster().pki().ca().certificate();
        if (!parse(hostCa).contains(ours)) {
            throw new StepFailedException("this workstation already has another CA for cluster "
                    + session.cluster().inventory().clusterName() + " (" + session.cluster().pki().directory() + ")",
                    "if it is left from an older cluster of the same name, move that folder aside and adopt again");
        }
        return Check.done("the workstation holds the cluster CA " + ours.getSubjectX500Principal().getName());
    }

    private static List<X509Certificate> parse(String pem) {
        try {
            return PemCodec.parseCertificates(pem);
        } catch (PkiException e) {
            return List.of();
        }
    }

    @Override
    public void apply(StepContext context) throws Exception {
        String host = first().hostName();
        RemoteHost remote = session.remote(host);
        String keyPath = session.settings().certDir() + "/" + CertificateAuthority.KEY_FILE;
        String certificate = ManagedFiles.read(remote, caPath(remote)).orElseThrow();
        String key = ManagedFiles.read(remote, keyPath).orElseThrow(() -> new StepFailedException(
                "no CA private key on " + host + " at " + keyPath + ", so Quorum could not issue certificates",
                "copy the CA key Kubespray made to " + keyPath + " on " + host + " (or into "
                        + session.cluster().home().pki(session.cluster().inventory().clusterName())
                        + "/ca-key.pem with mode 0600) and adopt again"));
        CertificateAuthority ca = CertificateAuthority.fromPem(certificate, key);
        Optional<String> member = ManagedFiles.read(remote, session.settings().certDir() + "/member-" + host + ".pem");
        if (member.isPresent() && !ca.signed(PemCodec.parseCertificate(member.get()))) {
            throw new StepFailedException("member-" + host + ".pem on " + host + " was not issued by the CA next to it",
                    "the cluster's certificates are inconsistent; look at them with quorum certs -i INVENTORY");
        }
        ClusterPki imported = ClusterPki.importCa(session.cluster().home(), session.cluster().inventory().clusterName(), ca);
        context.info("imported " + ca.certificate().getSubjectX500Principal().getName() + " (SHA-256 "
                + CertificateDetails.fingerprint(ca.certificate()).substring(0, 23) + "...) from " + host + " into "
                + imported.directory());
    }
}
