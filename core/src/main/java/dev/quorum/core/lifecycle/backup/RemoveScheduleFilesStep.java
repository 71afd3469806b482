package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.util.ArrayList;
import java.util.List;

/**
 * The units and the script are moved aside into /var/backups/quorum (as every file Quorum replaces); the
 * env file is deleted outright, because it holds the S3 secret and a kept copy would leave the secret on the
 * host after the schedule is gone. The backups themselves are never touched.
 */
final class RemoveScheduleFilesStep implements Step {
    private final BackupHosts hosts;

    RemoveScheduleFilesStep(BackupHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public String title() {
        return "Remove the schedule's units, script and settings (backups stay)";
    }

    @Override
    public List<String> preview(String target) {
        List<String> lines = new ArrayList<>();
        movedAside().forEach(path -> lines.add("mv " + path + " " + ManagedFiles.BACKUP_ROOT + "/<time>" + path));
        lines.add("rm " + hosts.units().envFile() + "   # holds the S3 secret");
        lines.add("systemctl daemon-reload");
        return lines;
    }

    @Override
    public Check check(StepContext context) throws Exception {
        RemoteHost remote = hosts.remote(context.target());
        List<String> present = new ArrayList<>();
        for (String path : all()) {
            if (remote.run("test -e " + Shell.quote(path)).ok()) {
                present.add(path);
            }
        }
        return present.isEmpty() ? Check.done("no schedule files left")
                : Check.needed("still there: " + String.join(", ", present));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        RemoteHost remote = hosts.remote(context.target());
        for (String path : movedAside()) {
            ManagedFiles.backup(remote, path).ifPresent(kept -> context.info(path + " kept as " + kept));
        }
        List<String> quoted = all().stream().map(Shell::quote).toList();
        remote.run("rm -f " + String.join(" ", quoted) + " && systemctl daemon-reload 2>&1")
                .requireOk("remove the schedule's files");
    }

    /** This cluster's own files only: the other cluster's schedule keeps its script and units (decision 0043). */
    List<String> movedAside() {
        BackupUnits units = hosts.units();
        return List.of(units.timerFile(), units.serviceFile(), units.script());
    }

    private List<String> all() {
        List<String> paths = new ArrayList<>(movedAside());
        paths.add(hosts.units().envFile());
        return paths;
    }
}
