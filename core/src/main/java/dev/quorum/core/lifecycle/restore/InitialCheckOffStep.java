package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.remote.Shell;
import java.util.List;
import java.util.Optional;

/**
 * Just before the restored members start together: a runtime drop-in ({@link InitialCheckDropIn}) so their first
 * start goes without etcd's initial corruption check, which would have each of them wait on its peers' hashes
 * into etcd's request timeout, twice (decision 0042). Safe only because every member holds the same snapshot,
 * its sha256 verified on each host: written only where this run's restore marker says so, positive evidence,
 * and only where etcd is stopped (a running member's next start must keep the check). {@link InitialCheckOnStep}
 * removes it once the cluster is verified.
 */
final class InitialCheckOffStep extends RestoreHostStep {
    private final Optional<InitialCheckDropIn> dropIn;

    InitialCheckOffStep(RestoreSession restore) {
        super(restore);
        this.dropIn = InitialCheckDropIn.of(restore.life.settings());
    }

    @Override
    public String title() {
        return "Let the restored members' first start skip the initial corruption check (runtime drop-in)";
    }

    @Override
    public List<String> preview(String target) {
        return dropIn.map(d -> List.of("install -m 0644 <" + d.envLines().strip() + "> " + d.envPath(),
                        "install -m 0644 <[Service] EnvironmentFile=-" + d.envPath() + "> " + d.confPath(),
                        "systemctl daemon-reload"))
                .orElse(List.of("# nothing: the inventory turns the initial corruption check off"));
    }

    @Override
    public Check check(StepContext context) throws Exception {
        if (dropIn.isEmpty()) {
            return Check.done("the env file does not turn the initial corruption check on");
        }
        if (!restore.snapshotKnown()) {
            return Check.needed("once the survivor's database is copied");
        }
        DropInOnHost found = DropInOnHost.read(remote(context), session.settings().layout());
        if (found.running()) {
            return Check.done(unit() + " already runs: its next start keeps the check");
        }
        if (found.inForce(dropIn.get())) {
            return Check.done(dropIn.get().confPath() + " in place and loaded");
        }
        return Check.needed(unit() + " is stopped; started together with the check on, the members wait on each "
                + "other's hashes into etcd's request timeout");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        if (!restore.restoredHere(context.target())) {
            throw new StepFailedException(context.target() + " does not hold this restore's data, so its first "
                    + "start keeps the initial corruption check", "re-run the restore");
        }
        InitialCheckDropIn d = dropIn.orElseThrow();
        // The env file before the .conf that names it; daemon-reload so the start reads both.
        remote(context).run("umask 022 && mkdir -p " + Shell.quote(InitialCheckDropIn.directory(d.layout()))
                + " && printf '%s' " + Shell.quote(d.env()) + " > " + Shell.quote(d.envPath())
                + " && printf '%s' " + Shell.quote(d.conf()) + " > " + Shell.quote(d.confPath())
                + " && systemctl daemon-reload 2>&1").requireOk("write " + d.confPath() + " on " + context.target());
    }

    private String unit() {
        return session.settings().layout().unitName();
    }
}
