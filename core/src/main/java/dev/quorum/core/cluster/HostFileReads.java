package dev.quorum.core.cluster;

import dev.quorum.core.remote.RemoteException;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Several small files of one host, with their modes, in one exchange: a check of a step that owns several files
 * (a certificate set, a unit and its env file) costs one round trip, not two per file (issue 18). Each file
 * comes back as one line, its content base64-encoded, so no content can be mistaken for the framing.
 */
public final class HostFileReads {
    private static final Pattern MODE = Pattern.compile("[0-7]{3,4}");
    /** Prints, per path given as a positional parameter, one line: missing, unreadable, or "file MODE BASE64". */
    public static final String SCRIPT = "for p do if [ ! -e \"$p\" ]; then echo missing;"
            + " elif m=$(stat -c %a -- \"$p\") && b=$(base64 -w0 -- \"$p\"); then echo \"file $m $b\";"
            + " else echo unreadable; fi; done";

    private HostFileReads() {
    }

    /** The command that reads {@code paths}: each path quoted once, as a positional parameter of {@link #SCRIPT}. */
    static String command(List<String> paths) {
        StringBuilder command = new StringBuilder("set --");
        for (String path : paths) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("remote file path must be absolute: " + path);
            }
            command.append(' ').append(Shell.quote(path));
        }
        return command.append("; ").append(SCRIPT).toString();
    }

    /** Each path to its file, or empty when it does not exist; in the order given. */
    public static Map<String, Optional<HostFile>> read(RemoteHost remote, List<String> paths) {
        String out = remote.run(command(paths)).requireOk("read " + String.join(", ", paths) + " on " + remote.name())
                .stdout();
        return parse(remote.name(), paths, out);
    }

    static Map<String, Optional<HostFile>> parse(String host, List<String> paths, String out) {
        List<String> lines = out.lines().toList();
        if (lines.size() != paths.size()) {
            throw new RemoteException("reading " + paths.size() + " files on " + host + " gave " + lines.size()
                    + " answers", "check that " + host + " has GNU coreutils (stat, base64), then re-run");
        }
        Map<String, Optional<HostFile>> files = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            files.put(paths.get(i), file(host, paths.get(i), lines.get(i)));
        }
        return files;
    }

    /** One line of {@link #SCRIPT}'s output: the file at {@code path}, or empty when it does not exist. */
    public static Optional<HostFile> file(String host, String path, String line) {
        if (line.equals("missing")) {
            return Optional.empty();
        }
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].equals("file") || !MODE.matcher(parts[1]).matches()) {
            throw new RemoteException("cannot read " + path + " on " + host + " (" + line + ")",
                    "check that root can read " + path + " on " + host + ", then re-run");
        }
        byte[] content = parts.length == 3 ? Base64.getDecoder().decode(parts[2].strip()) : new byte[0];
        return Optional.of(new HostFile(new String(content, StandardCharsets.UTF_8), parts[1]));
    }
}
