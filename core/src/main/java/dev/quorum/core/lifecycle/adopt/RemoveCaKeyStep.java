package dev.quorum.core.lifecycle.adopt;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.remote.Shell;
import java.util.List;
import java.util.Optional;

/**
 * Deletes Kubespray's copy of the CA private key from an etcd host, only once the workstation
 * holds the same key. Not moved to /var/backups on the host: a copy there is the same risk.
 * See docs/decisions/0009-certs-remove-ca-key-from-hosts.md.
 */
final class RemoveCaKeyStep extends HostStep {

    RemoveCaKeyStep(LifecycleSession session) {
        super(session);
    }

    private String keyPath() {
        return session.settings().certDir() + "/" + CertificateAuthority.KEY_FILE;
    }

    @Override
    public String title() {
        return "Remove the CA private key from the etcd hosts (the workstation keeps it)";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("# only if it is the key of the CA stored on this workstation:",
                "shred -u " + keyPath() + " || rm -f " + keyPath());
    }

    @Override
    public Check check(StepContext context) throws Exception {
        return ManagedFiles.read(remote(context), keyPath()).isPresent()
                ? Check.needed(keyPath() + " is on " + context.target())
                : Check.done("no CA key on " + context.target());
    }

    @Override
    public void apply(StepContext context) throws Exception {
        Optional<String> key = ManagedFiles.read(remote(context), keyPath());
        if (key.isEmpty()) {
            return;
        }
        if (!session.hasPki() || !session.cluster().pki().ca().hasKey(key.get())) {
            throw new StepFailedException(keyPath() + " on " + context.target()
                    + " is not the key of the CA on this workstation; not deleting a key Quorum does not hold",
                    "import the cluster CA first (quorum adopt), or compare the keys by hand");
        }
        String quoted = Shell.quote(keyPath());
        remote(context).run("shred -u " + quoted + " 2>/dev/null || rm -f " + quoted).requireOk("remove " + keyPath());
        context.info("removed " + keyPath() + " from " + context.target() + "; the CA key is kept in "
                + session.cluster().pki().directory());
    }
}
