package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets an etcd data dir aside, never deleting it: the one way every life-cycle does it (remove,
 * re-seed, restore), on the layouts operators really have.
 *
 * <ul>
 *   <li>a plain directory is renamed to {@code DIR.LABEL};</li>
 *   <li>a mount point (etcd's hardware guide recommends a disk of its own) cannot be renamed, so
 *       its contents move into {@code DIR/.quorum-aside-LABEL/}, a hidden dir on the same disk:
 *       etcd reads only {@code DIR/member} and ignores it;</li>
 *   <li>a symlink is resolved ({@code readlink -f}) and the real directory is set aside as above;
 *       an empty one with the old owner and mode 0700 is recreated, so the link keeps pointing
 *       where etcd expects.</li>
 * </ul>
 *
 * <p>Nothing moves unless etcd is stopped: the stop must succeed, {@code systemctl is-active}
 * must not say it runs, and no process may hold a file or its working dir in the data dir.
 * Otherwise the script exits {@value #REFUSED} with the reason and has touched nothing.
 */
public final class DataDirAside {
    /** Names the hidden dir of an aside copy inside a mount point. */
    public static final String ASIDE_PREFIX = ".quorum-aside-";
    /** Where a restore inside a mount point writes before it moves {@code member/} into place. */
    public static final String RESTORING = ".quorum-restoring";
    /** Entries of a data dir that are not etcd data, as {@code grep -v} arguments (for {@code ls -A}). */
    public static final String NOT_DATA_GREP = "grep -v -e '^lost+found$' -e '^\\" + ASIDE_PREFIX + "' -e '^\\"
            + RESTORING + "$'";

    static final int REFUSED = 3;

    /** How etcd is brought to a stop before its data moves. */
    public enum Stop {
        /** systemctl stop etcd first (members: re-seed). */
        STOP,
        /** stop, then disable so a reboot does not start it (members: remove). */
        STOP_AND_DISABLE,
        /** a step before stopped it; only confirm it (restore). */
        ALREADY_STOPPED
    }

    /** Where the old data went. */
    public enum Layout { PLAIN, SYMLINK, MOUNT_POINT, NOTHING }

    /**
     * @param aside where the old data is now, or "" for {@link Layout#NOTHING}
     * @param real  the directory etcd's data really lives in (the symlink's target)
     */
    public record Result(Layout layout, String aside, String real) {
        public String sentence() {
            return switch (layout) {
                case NOTHING -> "no data to set aside";
                case PLAIN -> "old data kept at " + aside;
                case SYMLINK -> "old data kept at " + aside + " (the data dir is a symlink to " + real
                        + "; an empty " + real + " was recreated for it)";
                case MOUNT_POINT -> "old data kept inside the mount point at " + aside
                        + " (a mount point cannot be moved; etcd reads only " + real + "/member)";
            };
        }
    }

    /**
     * A shell function: is $1 a mount point? {@code mountpoint} where util-linux has it, else a
     * different device than its parent (which also covers hosts without it).
     */
    static final String IS_MOUNT = "is_mount() { mountpoint -q -- \"$1\" 2>/dev/null"
            + " || [ \"$(stat -c %d -- \"$1\" 2>/dev/null)\" != \"$(stat -c %d -- \"$1/..\" 2>/dev/null)\" ]; }";

    // $1 data dir, $2 label (reason-time), $3 stop mode, $4 the unit (etcd when absent). Values arrive as positional parameters,
    // never spliced into the text. Exit 3 = refused, nothing moved.
    static final String SCRIPT = String.join("\n",
            IS_MOUNT,
            "dir=$1; label=$2; mode=$3; unit=${4:-etcd}",
            "refuse() { echo \"$*\" >&2; exit " + REFUSED + "; }",
            "if [ \"$mode\" != ALREADY_STOPPED ]; then",
            // exit 5 = no etcd unit at all: nothing to stop; the checks below still confirm no etcd runs
            "  out=$(systemctl stop \"$unit\" 2>&1); rc=$?",
            "  if [ $rc -ne 0 ] && [ $rc -ne 5 ]; then refuse \"systemctl stop $unit failed (exit $rc): $out\"; fi",
            "fi",
            "if [ \"$mode\" = STOP_AND_DISABLE ]; then systemctl disable \"$unit\" >/dev/null 2>&1 || true; fi",
            "state=$(systemctl is-active \"$unit\" 2>/dev/null)",
            "case $state in active|activating|deactivating|reloading|refreshing) refuse \"$unit is still $state\";; esac",
            "if [ ! -e \"$dir\" ]; then echo layout=NOTHING; exit 0; fi",
            "real=$(readlink -f -- \"$dir\") || refuse \"cannot resolve $dir\"",
            "case $real in /|'') refuse \"$dir resolves to '$real'\";; esac",
            "[ -d \"$real\" ] || refuse \"$dir is not a directory\"",
            // Any process with a file or its working dir in the data dir: etcd started by hand,
            // in a container, or not yet gone. Glob characters in the path are escaped for -lname.
            "pat=$(printf '%s' \"$real\" | sed 's/[][*?\\\\]/\\\\&/g')",
            "holders=$(find /proc/[0-9]*/cwd /proc/[0-9]*/fd -maxdepth 1 \\( -lname \"$pat\" -o -lname \"$pat/*\" \\)"
                    + " 2>/dev/null | cut -d/ -f3 | sort -un | while read -r p; do"
                    + " printf ' %s(%s)' \"$p\" \"$(cat /proc/$p/comm 2>/dev/null)\"; done)",
            "[ -z \"$holders\" ] || refuse \"processes still use $real:$holders\"",
            "if [ -z \"$(ls -A -- \"$real\" | " + NOT_DATA_GREP + ")\" ]; then echo layout=NOTHING; echo real=$real; exit 0; fi",
            "if is_mount \"$real\"; then",
            "  aside=$real/" + ASIDE_PREFIX + "$label; [ ! -e \"$aside\" ] || aside=$aside-$$",
            "  mkdir -m 0700 -- \"$aside\" || refuse \"cannot create $aside\"",
            "  for e in \"$real\"/* \"$real\"/.[!.]* \"$real\"/..?*; do",
            "    [ -e \"$e\" ] || [ -L \"$e\" ] || continue",
            "    case ${e##*/} in lost+found|" + ASIDE_PREFIX + "*|" + RESTORING + ") continue;; esac",
            "    mv -- \"$e\" \"$aside/\" || exit 1",
            "  done",
            "  echo layout=MOUNT_POINT",
            "else",
            "  aside=$real.$label; [ ! -e \"$aside\" ] || aside=$aside-$$",
            "  owner=$(stat -c %u:%g -- \"$real\")",
            "  mv -- \"$real\" \"$aside\" || exit 1",
            "  if [ -L \"$dir\" ]; then",
            "    mkdir -m 0700 -- \"$real\" && chown -- \"$owner\" \"$real\" || exit 1",
            "    echo layout=SYMLINK",
            "  else echo layout=PLAIN; fi",
            "fi",
            "echo aside=$aside",
            "echo real=$real");

    private DataDirAside() {
    }

    /**
     * The remote command for one data dir.
     *
     * @param label names the aside copy: {@code reason-time} such as {@code removed-20250101-120000}
     */
    public static String command(String dataDir, String label, Stop stop) {
        return command(dataDir, label, stop, MAIN_UNIT);
    }

    /** Like {@link #command(String, String, Stop)} for another cluster's unit (the events cluster's). */
    public static String command(String dataDir, String label, Stop stop, String unit) {
        if (!label.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("an aside label names one path element: " + label);
        }
        List<String> words = new ArrayList<>(List.of("sh", "-c", SCRIPT, "quorum-data-aside", dataDir, label,
                stop.name()));
        if (!unit.equals(MAIN_UNIT)) {
            words.add(unit);
        }
        return Shell.join(words);
    }

    private static final String MAIN_UNIT = "etcd";

    /** What an operator would type, for previews. */
    public static List<String> preview(String dataDir, String label, Stop stop) {
        return preview(dataDir, label, stop, MAIN_UNIT);
    }

    /** Like {@link #preview(String, String, Stop)} for another cluster's unit. */
    public static List<String> preview(String dataDir, String label, Stop stop, String unit) {
        List<String> lines = new ArrayList<>();
        if (stop != Stop.ALREADY_STOPPED) {
            lines.add("systemctl stop " + unit + (stop == Stop.STOP_AND_DISABLE ? " && systemctl disable " + unit : ""));
        }
        lines.add("systemctl is-active " + unit + "   # must not be active; no process may hold " + dataDir);
        lines.add("mv " + dataDir + " " + dataDir + "." + label + "   # a symlink: its target, recreated empty");
        lines.add("# a mount point: mv " + dataDir + "/* " + dataDir + "/" + ASIDE_PREFIX + label + "/");
        return lines;
    }

    /** Stops etcd as asked and sets the data dir aside; refuses (nothing moved) while etcd still runs. */
    public static Result setAside(RemoteHost remote, String dataDir, String label, Stop stop) throws StepFailedException {
        return setAside(remote, dataDir, label, stop, MAIN_UNIT);
    }

    /** Like {@link #setAside(RemoteHost, String, String, Stop)} for another cluster's unit. */
    public static Result setAside(RemoteHost remote, String dataDir, String label, Stop stop, String unit)
            throws StepFailedException {
        CommandResult result = remote.run(command(dataDir, label, stop, unit));
        if (result.exitStatus() == REFUSED) {
            throw new StepFailedException("did not set " + dataDir + " aside on " + remote.name() + ": "
                    + result.stderrTail(), "nothing was moved. Stop " + unit + " there (systemctl stop " + unit
                    + "; check nothing "
                    + "else uses " + dataDir + ", e.g. with fuser -vm) and re-run");
        }
        result.requireOk("set " + dataDir + " aside on " + remote.name());
        return parse(result.stdout());
    }

    static Result parse(String stdout) {
        Layout layout = Layout.NOTHING;
        String aside = "";
        String real = "";
        for (String line : stdout.split("\n")) {
            if (line.startsWith("layout=")) {
                layout = Layout.valueOf(line.substring("layout=".length()).strip());
            } else if (line.startsWith("aside=")) {
                aside = line.substring("aside=".length());
            } else if (line.startsWith("real=")) {
                real = line.substring("real=".length());
            }
        }
        return new Result(layout, aside, real);
    }

    /**
     * Where a data dir really is: its symlink resolved, and whether that is a mount point. A
     * restore writes its scratch dir next to the real directory, or inside it when it is a mount
     * point, so the final rename stays on one file system.
     */
    public record Location(String real, boolean mountPoint) {
        /** The restore's scratch dir for this location. */
        public String scratch() {
            return mountPoint ? real + "/" + RESTORING : real + ".restoring";
        }
    }

    public static Location locate(RemoteHost remote, String dataDir) {
        String script = String.join("\n", IS_MOUNT,
                "real=$(readlink -f -- \"$1\" 2>/dev/null); [ -n \"$real\" ] || real=$1",
                "echo \"real=$real\"",
                "if [ -d \"$real\" ] && is_mount \"$real\"; then echo mount=yes; else echo mount=no; fi");
        String out = remote.run(Shell.join(List.of("sh", "-c", script, "quorum-data-locate", dataDir)))
                .requireOk("find where " + dataDir + " really is on " + remote.name()).stdout();
        String real = out.lines().filter(l -> l.startsWith("real=")).map(l -> l.substring(5)).findFirst().orElse(dataDir);
        return new Location(real, out.lines().anyMatch("mount=yes"::equals));
    }

    /**
     * Prints {@code data} when the data dir (through a symlink) holds anything etcd could read:
     * aside copies, an unfinished restore's scratch dir and lost+found do not count.
     */
    public static String holdsDataCommand(String dataDir) {
        return Shell.join(List.of("sh", "-c", "[ -d \"$1/.\" ] && [ -n \"$(ls -A -- \"$1/.\" | " + NOT_DATA_GREP
                + ")\" ] && echo data; true", "quorum-data-check", dataDir));
    }
}
