package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.IssuedCertificate;
import dev.quorum.core.pki.KubesprayCertificate;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Kubernetes host's etcd client files (decision 0029): {@code ca.pem}, {@code node-HOST.pem} and its key in
 * {@code etcd_cert_dir}, as Kubespray lays them out, for kube-apiserver's {@code --etcd-certfile} and the network
 * plugin. Issued on the workstation by the cluster CA; a node certificate that is still good is kept.
 */
public final class NodeCertificateStep extends HostStep {
    public NodeCertificateStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Place node certificates on the Kubernetes hosts (" + session.settings().certDir() + ")";
    }

    @Override
    public List<String> preview(String target) {
        NodeFiles files = NodeFiles.of(session.settings().certDir(), target);
        return List.of("# issued on this workstation by the cluster CA (its key stays in ~/.quorum)",
                "install -d -m " + NodeFiles.DIR_MODE + " " + session.settings().certDir(),
                "install -m " + NodeFiles.CA_MODE + " ca.pem " + files.caFile(),
                "install -m " + NodeFiles.CERT_MODE + " node-" + target + ".pem " + files.certificateFile(),
                "install -m " + NodeFiles.KEY_MODE + " node-" + target + "-key.pem " + files.keyFile(),
                "chown " + NodeFiles.KUBESPRAY_OWNER + ":" + NodeFiles.GROUP + " (root:root where there is no user "
                        + NodeFiles.KUBESPRAY_OWNER + ") " + String.join(" ", files.all()));
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (!session.hasPki()) {
            return Check.needed("the cluster CA will be created on this workstation, then node-" + context.target()
                    + " issued");
        }
        List<String> problems = problems(context.target(), remote(context));
        return problems.isEmpty()
                ? Check.done("ca.pem and node-" + context.target() + " valid, owner and modes as Kubespray's")
                : Check.needed(String.join("; ", problems));
    }

    private List<String> problems(String host, RemoteHost remote) throws Exception {
        CertificateAuthority ca = session.cluster().pki().ca();
        NodeFiles files = NodeFiles.of(session.settings().certDir(), host);
        List<String> problems = new ArrayList<>();
        if (!NodeCertificates.holdsCa(ManagedFiles.read(remote, files.caFile()), ca)) {
            problems.add("ca.pem is missing or does not hold this cluster's CA");
        }
        NodeCertificates.problems(ca, ManagedFiles.read(remote, files.certificateFile()),
                ManagedFiles.read(remote, files.keyFile()))
                .forEach(p -> problems.add("node-" + host + ".pem: " + p));
        FileOwners owners = FileOwners.read(remote, files.all());
        String keyMode = owners.mode(files.keyFile());
        if (!keyMode.isEmpty() && !keyMode.equals("600") && !keyMode.equals("640")) {
            problems.add("node-" + host + "-key.pem has mode " + keyMode);
        }
        for (String path : files.all()) {
            String user = owners.user(path);
            if (!user.isEmpty() && !user.equals(owners.owner())) {
                problems.add(path + " belongs to " + user + ", not " + owners.owner());
            }
        }
        return problems;
    }

    @Override
    public void apply(StepContext context) throws Exception {
        String host = context.target();
        RemoteHost remote = remote(context);
        CertificateAuthority ca = session.cluster().pki().ca();
        String dir = session.settings().certDir();
        NodeFiles files = NodeFiles.of(dir, host);
        String owner = FileOwners.read(remote, files.all()).owner() + ":" + NodeFiles.GROUP;
        remote.run("[ -d " + Shell.quote(dir) + " ] || { install -d -m " + NodeFiles.DIR_MODE + " " + Shell.quote(dir)
                + " && chown " + Shell.quote(owner) + " " + Shell.quote(dir) + "; }").requireOk("create " + dir);
        if (!NodeCertificates.holdsCa(ManagedFiles.read(remote, files.caFile()), ca)) {
            if (session.cluster().inventory().member(host).filter(m -> m.hostName().equals(host)).isPresent()) {
                throw new StepFailedException(host + " is an etcd member whose ca.pem does not hold this cluster's CA",
                        "run quorum install (or quorum adopt for a Kubespray cluster) so the member's own "
                                + "certificates are set up first; Quorum does not change a member's CA here");
            }
            keep(context, ManagedFiles.replace(remote, files.caFile(), ca.certificatePem(), NodeFiles.CA_MODE));
        }
        Optional<String> pem = ManagedFiles.read(remote, files.certificateFile());
        Optional<String> key = ManagedFiles.read(remote, files.keyFile());
        List<String> problems = NodeCertificates.problems(ca, pem, key);
        if (problems.isEmpty()) {
            remote.run("chmod " + NodeFiles.KEY_MODE + " " + Shell.quote(files.keyFile())).requireOk("fix key mode");
        } else {
            KubesprayCertificate wanted = NodeCertificates.request(session, ca, host);
            IssuedCertificate issued = ca.issue(wanted.request());
            keep(context, ManagedFiles.replace(remote, files.keyFile(), issued.privateKeyPem(), NodeFiles.KEY_MODE));
            keep(context, ManagedFiles.replace(remote, files.certificateFile(), issued.certificatePem(),
                    NodeFiles.CERT_MODE));
            context.info("issued " + wanted.certificateFile() + " (" + String.join("; ", problems) + " before)");
        }
        remote.run("chown " + Shell.quote(owner) + " " + Shell.join(files.all())).requireOk("set the owner");
    }

    private static void keep(StepContext context, Optional<String> backup) {
        backup.ifPresent(path -> context.info("previous file kept as " + path));
    }
}
