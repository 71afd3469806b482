package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.release.EtcdRelease;
import dev.quorum.core.release.ReleaseBinary;
import dev.quorum.core.remote.Sha256Lines;
import dev.quorum.core.remote.Shell;
import java.util.ArrayList;
import java.util.List;

/**
 * The one command that installs a release's binaries from the tarball as it arrives on stdin (decision 0056): tar
 * takes only the binaries out of the stream into a private directory inside {@code bin_dir}, their sha256 is compared
 * with the release's, and only then are they renamed into place and recorded (decision 0052). No tarball is written to
 * the host and nothing is read twice; the hash is of the very files that are renamed into {@code bin_dir}, and their
 * inode, size and times must not move from before the hash to after the rename (the rename's own ctime aside).
 */
final class StreamedUnpack {
    /** Exit status when the stream did not unpack or the binaries are not the release's: nothing was installed. */
    static final int DAMAGED = 97;
    /** Printed when the record could not be written: the binaries are right, the next check hashes them. */
    static final String NOT_RECORDED = "quorum-record-not-written";

    private StreamedUnpack() {
    }

    /** How the tar stream on stdin is compressed: the release's own gzip, or its zstd repack (decision 0062). */
    enum Compression {
        GZIP("-z"), ZSTD("-I zstd");

        private final String tarOption;

        Compression(String tarOption) {
            this.tarOption = tarOption;
        }
    }

    static String command(EtcdRelease release, String binDir, Compression compression) {
        return command(release.binaries(), binDir, BinaryRecord.PATH, compression);
    }

    /** With the record at {@code recordPath}: the unit test runs the command in a scratch directory. */
    static String command(List<ReleaseBinary> binaries, String binDir, String recordPath) {
        return command(binaries, binDir, recordPath, Compression.GZIP);
    }

    static String command(List<ReleaseBinary> binaries, String binDir, String recordPath, Compression compression) {
        List<String> lines = new ArrayList<>(List.of("set -e", "bin=" + Shell.quote(binDir), "mkdir -p \"$bin\""));
        for (ReleaseBinary binary : binaries) {
            String path = BinaryRecord.path(binDir, binary);
            lines.add(ManagedFiles.backupCommand(path, ManagedFiles.backupPath(path)));
        }
        String entries = String.join(" ", binaries.stream().map(b -> Shell.quote(b.entry())).toList());
        lines.addAll(List.of(
                // inside bin_dir, so the final step is a rename on one file system; 0700, root's, removed on exit
                "dir=$(mktemp -d \"$bin/.quorum-etcd-XXXXXX\")",
                "trap 'rm -rf -- \"$dir\"' EXIT",
                "cd \"$dir\"",
                // gzip and zstd check the stream's checksum at its end; the rest is read so the sender never blocks
                "if ! tar " + compression.tarOption + " -xf - --no-same-owner -m " + entries + " >&2; then cat >/dev/null; echo 'did not unpack';"
                        + " exit " + DAMAGED + "; fi",
                "cat >/dev/null",
                "chmod 0755 " + entries,
                "before=$(stat -c '%i %s %y %z' " + entries + ")",
                "got=$(" + Sha256Lines.of(binaries.stream().map(ReleaseBinary::entry).toList()) + ") || true",
                "want=$(printf '%s  %s\\n' " + String.join(" ", binaries.stream()
                        .map(b -> Shell.quote(b.sha256()) + " " + Shell.quote(b.entry())).toList()) + ")",
                "if [ \"$got\" != \"$want\" ]; then printf '%s\\n' \"$got\"; exit " + DAMAGED + "; fi",
                "after=$(stat -c '%i %s %y %z' " + entries + ")",
                "[ \"$before\" = \"$after\" ] || { echo 'the binaries changed while they were hashed' >&2; exit 1; }",
                "kept=$(stat -c '%i %s %y' " + entries + ")"));
        for (ReleaseBinary binary : binaries) {
            lines.add("mv -f -- " + Shell.quote(binary.entry()) + " " + Shell.quote(BinaryRecord.path(binDir, binary)));
        }
        String installed = String.join(" ", binaries.stream().map(b -> Shell.quote(BinaryRecord.path(binDir, b)))
                .toList());
        lines.add("[ \"$(stat -c '%i %s %y' " + installed + ")\" = \"$kept\" ] || { echo 'the binaries changed while"
                + " they were renamed into place' >&2; exit 1; }");
        lines.add(record(binDir, binaries, recordPath));
        return String.join("\n", lines);
    }

    /** The record of decision 0052, written atomically; a failure to write it only costs the next check a hash. */
    private static String record(String binDir, List<ReleaseBinary> binaries, String recordPath) {
        String dir = recordPath.substring(0, recordPath.lastIndexOf('/'));
        StringBuilder lines = new StringBuilder();
        for (ReleaseBinary binary : binaries) {
            lines.append(" printf '%s %s\\n' ").append(Shell.quote(binary.sha256())).append(" \"$(stat -c ")
                    .append(Shell.quote(BinaryRecord.STAT_FORMAT)).append(' ')
                    .append(Shell.quote(BinaryRecord.path(binDir, binary))).append(")\" &&");
        }
        return "if ! { mkdir -p " + Shell.quote(dir) + " && rec=$(mktemp " + Shell.quote(recordPath + ".XXXXXX")
                + ") && {" + lines + " true; } > \"$rec\" && chmod 0644 \"$rec\" && mv -f -- \"$rec\" "
                + Shell.quote(recordPath) + "; }; then [ -z \"${rec:-}\" ] || rm -f -- \"$rec\"; echo " + NOT_RECORDED + "; fi";
    }
}
