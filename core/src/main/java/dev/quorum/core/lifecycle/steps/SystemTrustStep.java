package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The etcd CA in the host's system trust, as Kubespray's {@code upd_ca_trust.yml} does on etcd and Kubernetes
 * hosts: {@code etcd-ca.crt} among the anchors, then {@code update-ca-certificates} (Debian, Ubuntu) or
 * {@code update-ca-trust extract} (RHEL family). Done when the anchor holds the wanted CAs and the system bundle
 * holds them and none of the dropped ones. During a CA rotation the anchor holds old and new, then the new alone
 * (decision 0033). A host with neither tool is said so, with what to install; it does not fail the run, as etcd's
 * own clients are given {@code ca.pem} directly.
 */
public final class SystemTrustStep extends CaPlacementStep {

    /** The cluster CA on this workstation, as install and adopt place it. */
    public SystemTrustStep(LifecycleSession session) {
        this(session, "Add the etcd CA to the hosts' system trust",
                () -> session.hasPki() ? Optional.of(CaTrust.of(session.cluster().pki().ca())) : Optional.empty());
    }

    /** @param wanted what the anchor must hold; empty while it does not exist yet (a preview) */
    public SystemTrustStep(LifecycleSession session, String title, Supplier<Optional<CaTrust>> wanted) {
        super(session, title, wanted);
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
        Optional<CaTrust> trust = wanted.get();
        if (trust.isEmpty()) {
            return Check.needed("the CA will be created on this workstation, then added to " + store.anchor());
        }
        if (!trust.get().heldBy(ManagedFiles.read(remote, store.anchor()))) {
            return Check.needed(store.anchor() + " is missing or does not hold " + trust.get().describe());
        }
        for (X509Certificate ca : trust.get().trusted()) {
            if (!inBundle(remote, store, ca)) {
                return Check.needed(store.bundle() + " does not hold " + trust.get().describe() + " yet");
            }
        }
        for (X509Certificate ca : trust.get().dropped()) {
            if (inBundle(remote, store, ca)) {
                return Check.needed(store.bundle() + " still holds the old CA");
            }
        }
        return Check.done(store.bundle() + " holds " + trust.get().describe() + " (from " + store.anchor() + ")");
    }

    /** The CA's base64 body appears in the bundle (line breaks ignored): the system's TLS clients trust it. */
    private static boolean inBundle(RemoteHost remote, TrustStore store, X509Certificate ca) {
        String body = PemCodec.write(ca).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return remote.run("tr -d '\\n\\r' < " + Shell.quote(store.bundle()) + " | grep -qF -- " + Shell.quote(body))
                .ok();
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        TrustStore store = TrustStore.of(detect(remote));
        CaTrust trust = wanted.get().orElseThrow(() -> new IllegalStateException("the CA does not exist yet"));
        if (!trust.heldBy(ManagedFiles.read(remote, store.anchor()))) {
            ManagedFiles.replace(remote, store.anchor(), trust.pem(), "0644")
                    .ifPresent(path -> context.info("previous file kept as " + path));
        }
        remote.run(store.update()).requireOk(store.update());
        context.info("ran " + store.update());
    }
}
