package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.util.List;
import java.util.Optional;

/**
 * The etcd CA in the host's system trust, as Kubespray's {@code upd_ca_trust.yml} does on etcd and Kubernetes
 * hosts: {@code etcd-ca.crt} among the anchors, then {@code update-ca-certificates} (Debian, Ubuntu) or
 * {@code update-ca-trust extract} (RHEL family). Done when the anchor is the cluster CA and the system bundle holds
 * it. A host with neither tool is said so, with what to install; it does not fail the run, as etcd's own clients
 * are given {@code ca.pem} directly.
 */
public final class SystemTrustStep extends HostStep {
    public SystemTrustStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Add the etcd CA to the hosts' system trust";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("# Debian/Ubuntu:",
                "install -m 0644 ca.pem " + TrustStore.DEBIAN.anchor() + " && " + TrustStore.DEBIAN.update(),
                "# RHEL family:",
                "install -m 0644 ca.pem " + TrustStore.RHEL.anchor() + " && " + TrustStore.RHEL.update());
    }

    private static String detect(RemoteHost remote) {
        return remote.run(TrustStore.DETECT).requireOk("find the system trust store").stdout();
    }

    @Override
    public Check check(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        String detected = detect(remote);
        TrustStore store = TrustStore.of(detected);
        if (store == TrustStore.NONE) {
            String why = "NOT in the system trust: " + TrustStore.system(detected) + " has neither "
                    + "update-ca-certificates nor update-ca-trust; install the ca-certificates package and run again";
            context.warn("the etcd CA is " + why);
            return Check.done("left out, " + why);
        }
        if (!session.hasPki()) {
            return Check.needed("the cluster CA will be created on this workstation, then added to "
                    + store.anchor());
        }
        CertificateAuthority ca = session.cluster().pki().ca();
        Optional<String> anchor = ManagedFiles.read(remote, store.anchor());
        if (!NodeCertificates.holdsCa(anchor, ca)) {
            return Check.needed(store.anchor() + " is missing or is not this cluster's CA");
        }
        if (!inBundle(remote, store, ca)) {
            return Check.needed(store.bundle() + " does not hold the etcd CA yet");
        }
        return Check.done("the etcd CA is in " + store.bundle() + " (from " + store.anchor() + ")");
    }

    /** The CA's base64 body appears in the bundle (line breaks ignored): the system's TLS clients trust it. */
    private static boolean inBundle(RemoteHost remote, TrustStore store, CertificateAuthority ca) {
        String body = ca.certificatePem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return remote.run("tr -d '\\n\\r' < " + Shell.quote(store.bundle()) + " | grep -qF -- " + Shell.quote(body))
                .ok();
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        TrustStore store = TrustStore.of(detect(remote));
        CertificateAuthority ca = session.cluster().pki().ca();
        if (!NodeCertificates.holdsCa(ManagedFiles.read(remote, store.anchor()), ca)) {
            ManagedFiles.replace(remote, store.anchor(), ca.certificatePem(), "0644")
                    .ifPresent(path -> context.info("previous file kept as " + path));
        }
        remote.run(store.update()).requireOk(store.update());
        context.info("ran " + store.update());
    }
}
