package dev.quorum.core.inventory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sha256 of the etcd tarball: {@code etcd_binary_checksum} when set, else Kubespray's
 * {@code etcd_binary_checksums} map, picked by architecture then version
 * ({@code etcd_binary_checksums: {amd64: {v3.4.23: SHA}}}). Neither set: no checksum.
 */
final class BinaryChecksums {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** Kubespray's own default for etcd_binary_checksum: a lookup in the map, which Quorum does itself. */
    private static final Pattern KUBESPRAY_LOOKUP = Pattern.compile(
            "\\{\\{\\s*etcd_binary_checksums\\s*\\[\\s*image_arch\\s*]\\s*\\[\\s*etcd_version\\s*]\\s*}}");
    private static final String SINGLE = "etcd_binary_checksum";
    private static final String MAP = "etcd_binary_checksums";

    private BinaryChecksums() {
    }

    /**
     * @param versions the version keys to look up, in order (as written, then with/without the {@code v})
     */
    static Optional<String> select(VariableScope scope, List<String> versions, String architecture) {
        if (scope.isSet(SINGLE) && !isKubesprayLookup(scope.raw(SINGLE))) {
            return scope.text(SINGLE).map(value -> checked(scope, SINGLE, value));
        }
        if (!scope.isSet(MAP)) {
            return Optional.empty();
        }
        Object all = scope.value(MAP);
        if (!(all instanceof Map<?, ?> byArch)) {
            throw scope.problem(MAP, "is a " + Values.typeName(all) + ", not a mapping",
                    "Write it as Kubespray does: etcd_binary_checksums: {" + architecture + ": {"
                            + versions.get(0) + ": SHA256}}, or set etcd_binary_checksum instead");
        }
        Object forArch = byArch.get(architecture);
        if (forArch instanceof Map<?, ?> byVersion) {
            for (String version : versions) {
                Object sha = byVersion.get(version);
                if (sha != null) {
                    return Optional.of(checked(scope, MAP, String.valueOf(sha)));
                }
            }
        }
        throw scope.problem(MAP, "has no checksum for " + architecture + " / " + versions.get(0),
                "Add `" + versions.get(0) + ": SHA256` under etcd_binary_checksums." + architecture
                        + " (the sha256 of the release tarball), or set etcd_binary_checksum");
    }

    private static boolean isKubesprayLookup(Object raw) {
        return raw instanceof String s && KUBESPRAY_LOOKUP.matcher(s.trim()).matches();
    }

    private static String checked(VariableScope scope, String name, String value) {
        String sha = value.trim().toLowerCase(Locale.ROOT);
        if (sha.startsWith("sha256:")) {
            sha = sha.substring("sha256:".length());
        }
        if (!SHA256.matcher(sha).matches()) {
            throw scope.problem(name, "holds \"" + value + "\", which is not a sha256 checksum",
                    "Write the 64 hexadecimal digits from the release's SHA256SUMS file");
        }
        return sha;
    }
}
