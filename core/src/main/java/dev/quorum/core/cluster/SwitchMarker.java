package dev.quorum.core.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The intent a CA switch records before it touches the store's CA: which {@code retired/} folder
 * holds the old CA, and the new CA's SHA-256, so a resumed switch can check that it ends on the
 * right CA. Written in one atomic rename, so it is either absent or whole.
 *
 * @param retired        the folder name under {@code retired/}
 * @param newFingerprint the new CA certificate's SHA-256 fingerprint
 */
record SwitchMarker(String retired, String newFingerprint) {
    private static final String RETIRED = "retired";
    private static final String NEW_CA = "new-ca-sha256";

    String text() {
        return RETIRED + "=" + retired + "\n" + NEW_CA + "=" + newFingerprint + "\n";
    }

    static SwitchMarker read(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        String retired = values.get(RETIRED);
        String fingerprint = values.get(NEW_CA);
        if (retired == null || fingerprint == null || retired.isEmpty() || retired.contains("/")
                || retired.contains("\\") || retired.startsWith(".")) {
            throw new IOException("the CA switch marker " + file + " is not one Quorum wrote (expected "
                    + RETIRED + "= and " + NEW_CA + "= lines); the old CA is under retired/, the new one in "
                    + "rotation/next/ or already in place");
        }
        return new SwitchMarker(retired, fingerprint);
    }
}
