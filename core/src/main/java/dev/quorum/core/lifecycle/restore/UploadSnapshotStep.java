package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Sha256Lines;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The same snapshot file on every member, compared by sha256 on arrival. */
final class UploadSnapshotStep extends RestoreHostStep {
    private static final Duration HASH_TIMEOUT = Duration.ofMinutes(5);

    /** Targets where apply has just hashed the arrived copy and found it equal: the verification itself. */
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();

    UploadSnapshotStep(RestoreSession restore) {
        super(restore);
    }

    @Override
    public String title() {
        return "Copy the same snapshot to every member";
    }

    @Override
    public List<String> preview(String target) {
        String file = restore.snapshotFile().map(Object::toString).orElse("<survivor copy>");
        return List.of("scp " + file + " " + target + ":/var/tmp/quorum-restore-<sha256>.db", "sha256sum /var/tmp/quorum-restore-<sha256>.db");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        Optional<Check> done = alreadyRestored(context);
        if (done.isPresent()) {
            return done.get();
        }
        String arrived = sha256(remote(context), restore.remoteSnapshot());
        return arrived.equals(restore.sha256()) ? Check.done(restore.remoteSnapshot() + " already there, sha256 matches")
                : Check.needed(arrived.isEmpty() ? "not copied yet" : "the copy there differs");
    }

    private static String sha256(RemoteHost remote, String path) {
        String out = remote.run(Sha256Lines.of(List.of(path)) + " 2>/dev/null", HASH_TIMEOUT).stdout().strip();
        return out.isEmpty() ? "" : out.split("\\s+")[0];
    }

    /**
     * Apply ends by hashing what arrived and comparing it: hashing the same 100 MB again, on every member at
     * once, would only repeat that (about a second on a busy machine). Anything else is checked again.
     */
    @Override
    public void verify(StepContext context) throws Exception {
        if (!confirmed.remove(context.target())) {
            super.verify(context);
        }
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        for (int attempt = 1; attempt <= 2; attempt++) {
            remote.upload(restore.snapshotFile().orElseThrow(), restore.remoteSnapshot(), "0600");
            if (sha256(remote, restore.remoteSnapshot()).equals(restore.sha256())) {
                confirmed.add(context.target());
                return;
            }
            context.warn("the snapshot arrived damaged on " + context.target() + (attempt == 1 ? "; once more" : ""));
        }
        throw new StepFailedException("the snapshot arrived damaged on " + context.target() + " twice",
                "check free space in /var/tmp there and the connection to it, then re-run");
    }
}
