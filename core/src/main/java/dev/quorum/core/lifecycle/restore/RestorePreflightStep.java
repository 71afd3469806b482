package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.EnvFile;
import dev.quorum.core.lifecycle.steps.FactsProbe;
import dev.quorum.core.lifecycle.steps.HostFacts;
import dev.quorum.core.lifecycle.steps.OfflineTool;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.Shell;
import java.util.List;
import java.util.Optional;

/**
 * Read-only checks on each host of the restored cluster. Unlike install's preflight, old etcd
 * data is expected here (it is moved aside, never deleted); refused are: another cluster's data
 * (its env file names another token), ports held by something else, the wrong architecture, and
 * too little room for the snapshot copy plus the restored database.
 */
final class RestorePreflightStep extends RestoreHostStep {
    private static final long SLACK_BYTES = 256L * 1024 * 1024;
    private static final long UPLOAD_SLACK_BYTES = 1024L * 1024;
    private static final String TMP = "/var/tmp";

    RestorePreflightStep(RestoreSession restore) {
        super(restore);
    }

    @Override
    public String title() {
        return "Preflight: SSH, architecture, the restore tool, disk room for the snapshot, ports, whose data is there";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("ssh " + target + " 'uname -m; " + restore.tool().versionCommand() + "; df -Pk "
                + restore.dataDir() + "; ss -ltnp; cat " + restore.layout().envFile() + "'");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        HostFacts facts = FactsProbe.gather(remote(context), session.settings());
        session.recordFacts(context.target(), facts);
        String host = context.target();
        if (!facts.architecture().equals(session.settings().architecture())) {
            throw new StepFailedException(host + " is " + facts.architecture() + " but the etcd release is for "
                    + session.settings().architecture(), "set image_arch (or etcd_download_url) to match the hosts");
        }
        String tool = requireRestoreTool(context);
        Optional<String> token = facts.envFile().flatMap(text -> EnvFile.parse(text).get("ETCD_INITIAL_CLUSTER_TOKEN"));
        if (facts.dataDir() != HostFacts.DataDirState.EMPTY && token.isPresent() && !ours(token.get())) {
            throw new StepFailedException(host + "'s " + restore.dataDir() + " belongs to another cluster (token "
                    + token.get() + ", this inventory's is " + session.settings().clusterToken() + ")",
                    "check that the inventory names the right hosts; a restore moves old data aside but will not "
                            + "stop another cluster's member");
        }
        for (String listener : facts.listeners()) {
            if (!listener.contains("\"etcd\"")) {
                throw new StepFailedException(host + ": " + listener + " holds an etcd port",
                        "stop whatever listens on " + restore.layout().clientPort() + "/" + restore.layout().peerPort()
                                + " there and re-run; nothing was stopped yet");
            }
        }
        if (restore.snapshotKnown() && facts.freeKiB() >= 0) {
            long needed = 2 * restore.integrity().sizeBytes() + SLACK_BYTES;
            if (facts.freeKiB() * 1024 < needed && !restore.restoredHere(host)) {
                throw new StepFailedException(host + " has " + facts.freeKiB() / 1024 + " MiB free, the restore needs "
                        + needed / (1024 * 1024) + " MiB (the snapshot copy and the restored database)",
                        "free room on the file system of " + restore.dataDir() + " and /var/tmp, then re-run");
            }
            requireRoomForTheUpload(context);
        }
        if (facts.dataDir() == HostFacts.DataDirState.OTHER) {
            context.warn(restore.dataDir() + " holds files that are not an etcd member; they will be moved aside");
        }
        return Check.done(facts.architecture() + ", " + facts.freeKiB() / 1024 + " MiB free, " + describe(facts)
                + ", " + tool);
    }

    /**
     * The snapshot is uploaded to /var/tmp, often a file system of its own: a full one would only
     * show once etcd was stopped everywhere, as a failed copy. A copy already there counts as room.
     */
    private void requireRoomForTheUpload(StepContext context) throws Exception {
        if (restore.restoredHere(context.target())) {
            return;
        }
        String script = "df -Pk " + TMP + " | awk 'NR==2 {print $4}'; stat -c %s " + Shell.quote(restore.remoteSnapshot())
                + " 2>/dev/null || echo 0";
        List<String> out = remote(context).run(script).requireOk("measure free room in " + TMP).stdout().lines()
                .map(String::strip).toList();
        long freeBytes = parse(out, 0) * 1024 + parse(out, 1);
        long needed = restore.integrity().sizeBytes() + UPLOAD_SLACK_BYTES;
        if (parse(out, 0) >= 0 && freeBytes < needed) {
            throw new StepFailedException(context.target() + " has " + freeBytes / (1024 * 1024) + " MiB free in " + TMP
                    + ", the snapshot copy needs " + (needed + 1024 * 1024 - 1) / (1024 * 1024) + " MiB",
                    "free room in " + TMP + " on " + context.target() + " and re-run; nothing was stopped or moved yet");
        }
    }

    /**
     * The tool that restores the snapshot must be on every host before etcd is stopped anywhere: found
     * running in bin_dir, or brought by the release (the binaries step installs and runs it before the stop).
     * 3.6 removed {@code snapshot restore} from etcdctl, so a 3.6+ release without etcdutl needs it on the hosts.
     */
    private String requireRestoreTool(StepContext context) throws Exception {
        OfflineTool tool = restore.tool();
        boolean shipped = session.fetchedRelease().map(r -> !tool.isEtcdutl() || r.hasEtcdutl()).orElse(true);
        CommandResult ran = remote(context).run(tool.versionCommand() + " 2>&1");
        String said = ran.stdout().strip().lines().findFirst().orElse("");
        if (ran.ok()) {
            return said.isEmpty() ? tool.name() + " runs" : said;
        }
        if (shipped) {
            return tool.name() + " comes with the release (installed before etcd is stopped)";
        }
        String host = context.target();
        throw new StepFailedException(host + " has no working " + tool.path() + " (" + (said.isEmpty()
                ? "exit status " + ran.exitStatus() : said) + "), and the etcd " + session.settings().version()
                + " release has no " + tool.name() + " to install: the restore runs `" + tool.name()
                + " snapshot restore` on every host",
                "copy etcdutl from the official etcd " + session.settings().version() + " release into "
                        + session.settings().binDir() + " on " + host + ", or point etcd_download_url at a release "
                        + "tarball that ships etcdutl (every official one from 3.5 does), then re-run; nothing was "
                        + "stopped yet");
    }

    private static long parse(List<String> lines, int index) {
        try {
            return Long.parseLong(lines.get(index));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private boolean ours(String token) {
        String inventory = session.settings().clusterToken();
        return token.equals(inventory) || token.startsWith(inventory + "-restored-");
    }

    private static String describe(HostFacts facts) {
        return switch (facts.dataDir()) {
            case EMPTY -> "no etcd data";
            case MEMBER -> "old member data (etcd " + facts.serviceState() + ")";
            case OTHER -> "other files in the data dir";
        };
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("preflight only checks");
    }
}
