package dev.quorum.core.remote;

import java.util.regex.Pattern;

/**
 * The small sh scripts behind file writes and reads. Paths and modes reach them as positional
 * parameters ({@code sh -c SCRIPT NAME ARG...}), never spliced into the script text.
 */
final class RemoteScripts {

    /** The exit status {@link #READ} uses for "no such file"; unlikely from cat itself. */
    static final int READ_MISSING = 44;

    /**
     * Atomic install of stdin as $1 with mode $2: a temp file in the same directory (so the
     * final mv is a rename), synced before the rename so a crash cannot leave an empty file in
     * place, removed again on any failure.
     */
    static final String INSTALL = String.join("\n",
            "set -e",
            "dest=$1; mode=$2",
            "dir=${dest%/*}; [ -n \"$dir\" ] || dir=/",
            "name=${dest##*/}",
            "if [ -d \"$dest\" ]; then echo \"$dest is a directory\" >&2; exit 1; fi",
            "mkdir -p -- \"$dir\"",
            "tmp=$(mktemp \"$dir/.$name.quorum-XXXXXX\")",
            "trap 'rm -f -- \"$tmp\"' EXIT",
            "cat > \"$tmp\"",
            "chmod \"$mode\" \"$tmp\"",
            "sync -- \"$tmp\" 2>/dev/null || sync",
            "mv -f -- \"$tmp\" \"$dest\"",
            "trap - EXIT");

    /** {@link #INSTALL} without the sync: for scratch files whose content is checked after (decision 0052). */
    static final String INSTALL_SCRATCH = INSTALL.replace("\nsync -- \"$tmp\" 2>/dev/null || sync", "");

    /** Prints $1, or exits {@link #READ_MISSING} if it does not exist. */
    static final String READ = "[ -e \"$1\" ] || exit " + READ_MISSING + "\nexec cat -- \"$1\"";

    /** Prints $3 MiB of $1 from MiB $2 on (to stdout, no file on the host), or exits {@link #READ_MISSING}. */
    static final String READ_MEBIBYTES = "[ -e \"$1\" ] || exit " + READ_MISSING
            // iflag=fullblock: dd counts reads, not MiB; a short read (a busy host) would end a piece early
            + "\nexec dd if=\"$1\" bs=1M skip=\"$2\" count=\"$3\" iflag=fullblock status=none";

    private static final Pattern MODE = Pattern.compile("[0-7]{3,4}");

    private RemoteScripts() {
    }

    static String requireMode(String mode) {
        if (mode == null || !MODE.matcher(mode).matches()) {
            throw new IllegalArgumentException("file mode must be 3 or 4 octal digits, like 0644: " + mode);
        }
        return mode;
    }

    static String requireAbsolutePath(String path) {
        if (path == null || !path.startsWith("/") || path.endsWith("/") || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("remote file path must be absolute and name a file: " + path);
        }
        return path;
    }
}
