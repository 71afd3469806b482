package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The etcd docs' workaround when only a 3.5 member's WAL holds v2 records: restart it once with
 * ETCD_SNAPSHOT_COUNT=1 so it takes a snapshot (as Kubespray v2.31 does), check again, then put the env file back
 * and restart it as it was.
 */
final class V2WalWorkaroundStep extends HostStep {
    private static final Duration SNAPSHOT_WAIT = Duration.ofSeconds(30);

    V2WalWorkaroundStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Snapshot away the v2 records in a 3.5 member's WAL (ETCD_SNAPSHOT_COUNT=1, once)";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("sed -i 's/^ETCD_SNAPSHOT_COUNT=.*/ETCD_SNAPSHOT_COUNT=1/' " + HostFiles.ENV_FILE
                        + " && systemctl restart etcd",
                "etcdutl check v2store --data-dir " + session.settings().dataDir() + "   # until clean",
                "install -m 0640 <the env file as it was> " + HostFiles.ENV_FILE + " && systemctl restart etcd");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        V2Store state = v2Store(remote(context));
        return switch (state) {
            case CLEAN, NOT_CHECKED -> Check.done("etcdutl check v2store: clean");
            case WAL_ONLY -> Check.needed("v2 records in the WAL only");
            case V2_DATA, UNKNOWN -> throw new StepFailedException("etcdutl check v2store on " + context.target()
                    + ": " + state, "see quorum upgrade --plan for the guard's reason");
        };
    }

    private V2Store v2Store(RemoteHost remote) throws Exception {
        String etcdutl = Shell.quote(session.settings().binDir() + "/etcdutl");
        var result = remote.run(etcdutl + " version 2>&1 | head -n 1; " + etcdutl + " check v2store --data-dir "
                + Shell.quote(session.settings().dataDir()) + " 2>&1; echo \"v2rc $?\"");
        return HostObservation.v2Store(result.stdout() + result.stderr());
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        String original = ManagedFiles.read(remote, HostFiles.ENV_FILE).orElseThrow(() -> new StepFailedException(
                HostFiles.ENV_FILE + " is missing on " + context.target(), "run quorum install first"));
        String once = original.replaceAll("(?m)^ETCD_SNAPSHOT_COUNT=.*$", "ETCD_SNAPSHOT_COUNT=1");
        once = once.matches("(?sm).*^ETCD_SNAPSHOT_COUNT=1$.*") ? once : once + "ETCD_SNAPSHOT_COUNT=1\n";
        EtcdVersion running = MemberRestart.runningVersion(session, member(context));
        ManagedFiles.replace(remote, HostFiles.ENV_FILE, once, "0640");
        try {
            MemberRestart.restart(session, context, member(context), running);
            awaitClean(context, remote);
        } finally {
            ManagedFiles.replace(remote, HostFiles.ENV_FILE, original, "0640");
        }
        MemberRestart.restart(session, context, member(context), running);
    }

    private void awaitClean(StepContext context, RemoteHost remote) throws Exception {
        Instant deadline = Instant.now().plus(SNAPSHOT_WAIT);
        V2Store state = v2Store(remote);
        while (state == V2Store.WAL_ONLY && Instant.now().isBefore(deadline)) {
            context.cancellation().sleep(Duration.ofMillis(500));
            state = v2Store(remote);
        }
        if (state != V2Store.CLEAN) {
            throw new StepFailedException("the v2 store of " + context.target() + " is still not clean after a "
                    + "snapshot (" + state + ")", "run etcdutl check v2store on " + context.target()
                    + "; the env file is put back as it was");
        }
    }
}
