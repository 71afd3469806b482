package dev.quorum.core.etcd;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.remote.Shell;
import java.util.Optional;

/**
 * A runtime systemd drop-in that starts etcd without its initial corruption check (decision 0042): a later
 * {@code EnvironmentFile=} in {@code /run/systemd/system/UNIT.service.d/}, whose lines override the env file's
 * (systemd reads EnvironmentFile entries in order, later ones win; {@code Environment=} would not override them).
 * Members started together with data each ask their peers for a hash before serving peer traffic, so they wait
 * on each other into etcd's request timeout, twice. Only a restore, whose members all hold the same verified
 * snapshot, starts this way; it removes the drop-in once the cluster is verified, and {@code /run} is gone at a
 * reboot anyway. Only the initial check goes: the periodic compact-hash check stays on.
 *
 * @param layout   whose unit it extends (the main or the events cluster's)
 * @param envLines what the extra env file sets: the env file's own check lines with the initial check off
 */
public record InitialCheckDropIn(ClusterLayout layout, String envLines) {
    /** The base name of both files in the drop-in dir: {@code .conf} (read by systemd) and {@code .env}. */
    public static final String NAME = "quorum-restore";

    /**
     * The drop-in for these settings, or empty when their env file does not turn the initial check on (the
     * inventory's {@code etcd_experimental_initial_corrupt_check: false}): then there is nothing to skip.
     */
    public static Optional<InitialCheckDropIn> of(EtcdSettings settings) {
        return offLines(VersionedEnv.of(settings).integrityLines())
                .map(lines -> new InitialCheckDropIn(settings.layout(), lines));
    }

    /**
     * The env file's check lines with the initial check turned off, other feature gates kept as they are (3.6+
     * reads all gates from one variable, so the override repeats the whole line).
     */
    static Optional<String> offLines(String integrityLines) {
        StringBuilder off = new StringBuilder();
        for (String line : integrityLines.split("\n")) {
            if (line.startsWith("ETCD_FEATURE_GATES=") && line.contains("InitialCorruptCheck=true")) {
                off.append(line.replace("InitialCorruptCheck=true", "InitialCorruptCheck=false")).append('\n');
            } else if (line.equals("ETCD_EXPERIMENTAL_INITIAL_CORRUPT_CHECK=true")) {
                off.append("ETCD_EXPERIMENTAL_INITIAL_CORRUPT_CHECK=false\n");
            }
        }
        return off.isEmpty() ? Optional.empty() : Optional.of(off.toString());
    }

    /** {@code /run/systemd/system/etcd.service.d} for the main cluster, {@code etcd-events.service.d} for events. */
    public static String directory(ClusterLayout layout) {
        return "/run/systemd/system/" + layout.unitName() + ".service.d";
    }

    public static String confPath(ClusterLayout layout) {
        return directory(layout) + "/" + NAME + ".conf";
    }

    /** Beside the .conf: systemd reads only {@code *.conf} there, and both go together (rm, reboot). */
    public static String envPath(ClusterLayout layout) {
        return directory(layout) + "/" + NAME + ".env";
    }

    /**
     * Removes both files, then the directory only if empty (someone else's drop-in there keeps it), and reloads
     * systemd so it forgets the override. Safe at any time: it only gives the next start its check back.
     */
    public static String removeCommand(ClusterLayout layout) {
        return removeFromDirectory(layout, confPath(layout), envPath(layout));
    }

    /**
     * Removes {@code files} from the layout's drop-in directory, then the directory only if empty (another drop-in
     * there keeps it), and has systemd forget them.
     */
    static String removeFromDirectory(ClusterLayout layout, String... files) {
        StringBuilder rm = new StringBuilder("rm -f --");
        for (String file : files) {
            rm.append(' ').append(Shell.quote(file));
        }
        return rm + " && { rmdir -- " + Shell.quote(directory(layout)) + " 2>/dev/null; systemctl daemon-reload 2>&1; }";
    }

    /**
     * Prints one word: {@code present} (either file on disk, or the .conf in the definition systemd loaded: removed
     * without a daemon-reload it is still in force), {@code absent}, or {@code unknown} when the directory cannot
     * be read or systemd does not answer: a file that cannot be seen is not taken for a file that is not there.
     */
    public static String probeCommand(ClusterLayout layout) {
        String conf = Shell.quote(confPath(layout));
        String dir = Shell.quote(directory(layout));
        String parent = Shell.quote("/run/systemd/system");
        return "if [ -e " + conf + " ] || [ -e " + Shell.quote(envPath(layout)) + " ]; then echo present; "
                + "elif [ -e " + dir + " ] && ! { [ -r " + dir + " ] && [ -x " + dir + " ]; }; then echo unknown; "
                + "elif [ -e " + parent + " ] && ! [ -x " + parent + " ]; then echo unknown; "
                + "elif ! l=$(systemctl show -p DropInPaths --value " + Shell.quote(layout.unitName())
                + " 2>/dev/null); then echo unknown; "
                + "else case \" $l \" in *\" \"" + conf + "\" \"*) echo present;; *) echo absent;; esac; fi";
    }

    public String confPath() {
        return confPath(layout);
    }

    public String envPath() {
        return envPath(layout);
    }

    /** The "-" keeps a drop-in whose env file went missing harmless: the start then keeps the check. */
    public String conf() {
        return "# Quorum restore (decision 0042): the restored members' first start skips etcd's initial corruption\n"
                + "# check (one snapshot, its sha256 verified on every member). Removed once the cluster is verified.\n"
                + "[Service]\nEnvironmentFile=-" + envPath() + "\n";
    }

    public String env() {
        return "# read after " + layout.envFile() + ": overrides its corruption check lines for this start only\n"
                + envLines;
    }
}
