package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.HostFile;
import dev.quorum.core.cluster.HostFileReads;
import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.remote.RemoteHost;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    /** The store, the anchor and whether the bundle holds each CA, in one exchange (issue 18). */
    @Override
    public Check check(StepContext context) throws Exception {
        Optional<CaTrust> trust = wanted.get();
        List<X509Certificate> cas = concerned(trust);
        List<String> out = remote(context).run(TrustCheck.script(cas)).requireOk("read the system trust store")
                .stdout().lines().toList();
        return judge(context, trust, cas, out);
    }

    private static List<X509Certificate> concerned(Optional<CaTrust> trust) {
        return trust.map(t -> java.util.stream.Stream.concat(t.trusted().stream(), t.dropped().stream()).toList())
                .orElse(List.of());
    }

    /** The check's answer from what {@link TrustCheck#script} printed on the host. */
    private Check judge(StepContext context, Optional<CaTrust> trust, List<X509Certificate> cas, List<String> out)
            throws StepFailedException {
        TrustStore store = TrustStore.of(out.isEmpty() ? "" : out.get(0));
        if (store == TrustStore.NONE) {
            String why = "NOT in the system trust: " + (out.size() > 1 ? out.get(1) : "an unknown system")
                    + " has neither update-ca-certificates nor update-ca-trust; install the ca-certificates package "
                    + "and run again";
            context.warn("the etcd CA is " + why);
            return Check.done("left out, " + why);
        }
        if (trust.isEmpty()) {
            return Check.needed("the CA will be created on this workstation, then added to " + store.anchor());
        }
        if (out.size() != 3 + cas.size()) {
            throw new StepFailedException("could not read the system trust store on " + context.target() + ": "
                    + String.join(" / ", out), "check that " + store.bundle() + " is readable, then re-run");
        }
        Optional<HostFile> anchorFile = HostFileReads.file(context.target(), store.anchor(), out.get(2));
        seen.put(context.target(), new Seen(store, anchorFile));
        Optional<String> anchor = anchorFile.map(HostFile::content);
        if (!trust.get().heldBy(anchor)) {
            return Check.needed(store.anchor() + " is missing or does not hold " + trust.get().describe());
        }
        int trusted = trust.get().trusted().size();
        for (int i = 0; i < cas.size(); i++) {
            boolean held = out.get(3 + i).equals("yes");
            if (i < trusted && !held) {
                return Check.needed(store.bundle() + " does not hold " + trust.get().describe() + " yet");
            }
            if (i >= trusted && held) {
                return Check.needed(store.bundle() + " still holds the old CA");
            }
        }
        return Check.done(store.bundle() + " holds " + trust.get().describe() + " (from " + store.anchor() + ")");
    }

    /** What this run's check just read on a host: the store and its anchor (decision 0056: not read again). */
    private record Seen(TrustStore store, Optional<HostFile> anchor) {
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        CaTrust trust = wanted.get().orElseThrow(() -> new IllegalStateException("the CA does not exist yet"));
        Seen before = seen.remove(context.target());
        TrustStore store = before != null ? before.store() : TrustStore.of(detect(remote));
        Optional<HostFile> anchor = before != null ? before.anchor()
                : HostFileReads.read(remote, List.of(store.anchor())).get(store.anchor());
        if (!trust.heldBy(anchor.map(HostFile::content))) {
            ManagedFiles.replace(remote, store.anchor(), trust.pem(), "0644", anchor)
                    .ifPresent(path -> context.info("previous file kept as " + path));
        }
        // the verification's read in the same exchange as the update (decision 0061): the check's own script, run
        // only once the update succeeded, its output kept for verify()
        List<X509Certificate> cas = concerned(Optional.of(trust));
        String out = remote.run(store.update() + " && echo " + READ_AFTER_UPDATE + " && ( " + TrustCheck.script(cas) + " )")
                .requireOk(store.update()).stdout();
        context.info("ran " + store.update());
        int read = out.indexOf(READ_AFTER_UPDATE + "\n");
        if (read >= 0) {
            readAfterUpdate.put(context.target(), out.substring(read + READ_AFTER_UPDATE.length() + 1).lines().toList());
        }
    }

    /** Judges what was read right after the update, as the check would; without it, checks again. */
    @Override
    public void verify(StepContext context) throws Exception {
        List<String> out = readAfterUpdate.remove(context.target());
        Optional<CaTrust> trust = wanted.get();
        Check after = out == null ? check(context) : judge(context, trust, concerned(trust), out);
        if (after.needed()) {
            throw new StepFailedException("the change did not take effect: " + after.reason());
        }
    }

    private static final String READ_AFTER_UPDATE = "quorum-trust-after-update";
    private final Map<String, List<String>> readAfterUpdate = new ConcurrentHashMap<>();
}
