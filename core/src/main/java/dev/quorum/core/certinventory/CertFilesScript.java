package dev.quorum.core.certinventory;

import dev.quorum.core.pki.CertFile;
import dev.quorum.core.remote.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One read-only shell round trip that prints every {@code .pem} of a directory, and the extra files
 * asked for, each behind a marker line with its mode: {@code @@quorum file 640 /etc/ssl/etcd/ssl/ca.pem}.
 */
final class CertFilesScript {
    private static final String FILE = "@@quorum file ";
    private static final String MISSING = "@@quorum missing ";

    private CertFilesScript() {
    }

    static String script(String dir, List<String> extraPaths) {
        StringBuilder paths = new StringBuilder(Shell.quote(dir) + "/*.pem");
        extraPaths.forEach(p -> paths.append(' ').append(Shell.quote(p)));
        return "for f in " + paths + "; do"
                + " if [ -f \"$f\" ]; then echo \"" + FILE + "$(stat -c %a \"$f\") $f\"; cat \"$f\"; echo;"
                + " else echo \"" + MISSING + "$f\"; fi; done";
    }

    static List<CertFile> parse(String output, String dir) {
        List<CertFile> files = new ArrayList<>();
        String path = null;
        String mode = "";
        StringBuilder content = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            if (line.startsWith(FILE) || line.startsWith(MISSING)) {
                if (path != null) {
                    files.add(new CertFile(path, mode, Optional.of(content.toString())));
                    path = null;
                }
                if (line.startsWith(MISSING)) {
                    String missing = line.substring(MISSING.length());
                    // An empty directory leaves its glob unexpanded: that is no file.
                    if (!missing.equals(dir + "/*.pem")) {
                        files.add(CertFile.missing(missing));
                    }
                    continue;
                }
                String rest = line.substring(FILE.length());
                int space = rest.indexOf(' ');
                mode = rest.substring(0, space);
                path = rest.substring(space + 1);
                content.setLength(0);
            } else if (path != null) {
                content.append(line).append('\n');
            }
        }
        if (path != null) {
            files.add(new CertFile(path, mode, Optional.of(content.toString())));
        }
        return files;
    }
}
