package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code ca.pem} of a Kubernetes host outside the etcd group (kube-apiserver's {@code --etcd-cafile}) during
 * a CA rotation: the bundle of old and new before any member serves a certificate from the new CA, the new CA
 * alone once nothing is signed by the old one (decision 0033). Owner and mode as install leaves them. Nothing is
 * restarted: Go's etcd client reads its CA file when it dials, kube-apiserver when it starts; both CAs are valid
 * at once, so the moment it picks the file up does not matter.
 */
public final class KubernetesCaFileStep extends CaPlacementStep {

    public KubernetesCaFileStep(LifecycleSession session, String title, Supplier<Optional<CaTrust>> wanted) {
        super(session, title, wanted);
    }

    @Override
    public List<String> preview(String target) {
        String ca = NodeFiles.of(session.settings().certDir(), target).caFile();
        return List.of("cp -p " + ca + " /var/backups/quorum/<time>" + ca + "   # old file kept",
                "install -m " + NodeFiles.CA_MODE + " ca.pem.new " + ca + "   # " + title());
    }

    @Override
    public Check check(StepContext context) throws Exception {
        Optional<CaTrust> trust = wanted.get();
        if (trust.isEmpty()) {
            return Check.needed("ca.pem will hold the old and the new CA once the new one exists");
        }
        String ca = NodeFiles.of(session.settings().certDir(), context.target()).caFile();
        return trust.get().heldBy(ManagedFiles.read(remote(context), ca))
                ? Check.done(ca + " holds " + trust.get().describe())
                : Check.needed(ca + " is missing or does not hold " + trust.get().describe());
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        CaTrust trust = wanted.get().orElseThrow(() -> new IllegalStateException("the new CA does not exist yet"));
        NodeFiles files = NodeFiles.of(session.settings().certDir(), context.target());
        String owner = FileOwners.read(remote, files.all()).owner() + ":" + NodeFiles.GROUP;
        ManagedFiles.replace(remote, files.caFile(), trust.pem(), NodeFiles.CA_MODE)
                .ifPresent(kept -> context.info("previous " + files.caFile() + " kept as " + kept));
        remote.run("chown " + Shell.quote(owner) + " " + Shell.quote(files.caFile())).requireOk("set the owner");
        context.info(files.caFile() + " now holds " + trust.describe());
    }
}
