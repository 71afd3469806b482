package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one host says over SSH for the upgrade's guards: free space, kept releases, its v2 store, and (3.5 -> 3.6)
 * the member IDs its v3 store marks removed.
 */
record HostObservation(OptionalLong hostFreeKiB, OptionalLong dataFreeKiB, Optional<EtcdVersion> keptBelow,
                       V2Store v2Store, Optional<Set<String>> removedMarks) {
    private static final Pattern FREE = Pattern.compile("^free (\\d+)$", Pattern.MULTILINE);
    private static final Pattern DATA_FREE = Pattern.compile("^datafree (\\d+)$", Pattern.MULTILINE);
    private static final Pattern KEPT = Pattern.compile("^kept .*/etcd-(v[0-9.]+)/?$", Pattern.MULTILINE);
    private static final Pattern ETCDUTL = Pattern.compile("etcdutl version: (\\S+)");
    private static final Pattern MARK = Pattern.compile("^removedmark ([0-9a-f]+)$", Pattern.MULTILINE);
    private static final Pattern MARKS_READ = Pattern.compile("^marksrc [01]$", Pattern.MULTILINE);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The marks are read from the whole backend file, which may be several GB on a cold disk. */
    private static final Duration TIMEOUT_WITH_MARKS = Duration.ofMinutes(5);

    /** Where a member's old release is kept for a rollback. */
    static String keptDir(EtcdVersion version) {
        return ManagedFiles.BACKUP_ROOT + "/etcd-" + version;
    }

    /**
     * @param checkV2   run {@code etcdutl check v2store} (3.5 -> 3.6)
     * @param readMarks read the member IDs the v3 store marks removed (3.5 -> 3.6, main cluster): the whole file
     */
    static HostObservation read(RemoteHost remote, EtcdSettings settings, EtcdVersion running, boolean checkV2,
                                boolean readMarks) throws Exception {
        String bin = Shell.quote(settings.binDir());
        String data = Shell.quote(settings.dataDir());
        String script = String.join("\n",
                "df -Pk " + bin + " /var 2>/dev/null | awk 'NR>1{print \"free \" $4}'",
                "df -Pk " + data + " 2>/dev/null | awk 'NR==2{print \"datafree \" $4}'",
                "for d in " + ManagedFiles.BACKUP_ROOT + "/etcd-v*/; do [ -x \"$d/etcd\" ] && echo \"kept $d\"; done",
                checkV2 ? v2Check(settings) : "true",
                readMarks ? removedMarksRead(settings) : "true");
        CommandResult result = remote.run(script, readMarks ? TIMEOUT_WITH_MARKS : TIMEOUT);
        return parse(result.stdout() + "\n" + result.stderr(), running, checkV2, readMarks);
    }

    private static String v2Check(EtcdSettings settings) {
        String etcdutl = Shell.quote(settings.binDir() + "/etcdutl");
        return "if [ -x " + etcdutl + " ]; then " + etcdutl + " version 2>&1 | head -n 1; " + etcdutl
                + " check v2store --data-dir " + Shell.quote(settings.dataDir()) + " 2>&1; echo \"v2rc $?\"; fi";
    }

    /**
     * bbolt keeps a key and its value side by side, so a mark reads as the member ID in hex followed by "removed".
     * NUL ends a "line" (-z): bbolt's page headers are full of them, so grep holds a few KB at a time however few
     * newlines the file has (1 GB in 0.4-0.6 s, 2 MB of memory, page cache warm). Its exit status goes to stderr
     * past the pipe: 1 is "no mark", 2 "could not read"; only 0 and 1 are an answer.
     */
    private static String removedMarksRead(EtcdSettings settings) {
        String db = Shell.quote(settings.dataDir() + "/member/snap/db");
        return "{ LC_ALL=C grep -zaoE '[0-9a-f]+removed' " + db + "; echo \"marksrc $?\" >&2; } | tr '\\000' '\\n'"
                + " | sort -u | head -n 10000 | sed -n 's/^\\([0-9a-f]*\\)removed$/removedmark \\1/p'";
    }

    static HostObservation parse(String out, EtcdVersion running, boolean checkV2, boolean readMarks) {
        OptionalLong free = OptionalLong.empty();
        Matcher f = FREE.matcher(out);
        while (f.find()) {
            long kib = Long.parseLong(f.group(1));
            free = OptionalLong.of(free.isPresent() ? Math.min(free.getAsLong(), kib) : kib);
        }
        Matcher d = DATA_FREE.matcher(out);
        OptionalLong dataFree = d.find() ? OptionalLong.of(Long.parseLong(d.group(1))) : OptionalLong.empty();
        Optional<EtcdVersion> kept = Optional.empty();
        Matcher k = KEPT.matcher(out);
        while (k.find()) {
            Optional<EtcdVersion> v = EtcdVersion.tryParse(k.group(1));
            if (v.isPresent() && v.get().compareTo(running) < 0
                    && kept.map(old -> v.get().compareTo(old) > 0).orElse(true)) {
                kept = v;
            }
        }
        return new HostObservation(free, dataFree, kept, checkV2 ? v2Store(out) : V2Store.NOT_CHECKED,
                readMarks ? removedMarks(out) : Optional.empty());
    }

    static Optional<Set<String>> removedMarks(String out) {
        if (!MARKS_READ.matcher(out).find()) {
            return Optional.empty();
        }
        Set<String> marks = new TreeSet<>();
        Matcher m = MARK.matcher(out);
        while (m.find()) {
            marks.add(m.group(1));
        }
        return Optional.of(marks);
    }

    /** The WAL check exists from etcdutl 3.5.32; an older etcdutl would say clean without reading the WAL. */
    static V2Store v2Store(String out) {
        Matcher version = ETCDUTL.matcher(out);
        if (!version.find() || EtcdVersion.tryParse(version.group(1))
                .map(v -> v.compareTo(VersionGates.MINIMUM_FOR_3_6) < 0).orElse(true)) {
            return V2Store.UNKNOWN;
        }
        if (out.contains("v2rc 0") && out.contains("No custom content found in both v2store and WAL records")) {
            return V2Store.CLEAN;
        }
        if (out.contains("custom v2 content in WAL records")) {
            return V2Store.WAL_ONLY;
        }
        if (out.contains("custom content in v2store")) {
            return V2Store.V2_DATA;
        }
        return V2Store.UNKNOWN;
    }
}
