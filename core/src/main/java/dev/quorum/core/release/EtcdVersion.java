package dev.quorum.core.release;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An etcd release number, {@code v3.6.14}: what the per-version rules (flags, tools, upgrade paths) decide from.
 * Pre-release suffixes ({@code -rc.1}) are ignored: they follow the rules of their line.
 */
public record EtcdVersion(int major, int minor, int patch) implements Comparable<EtcdVersion> {

    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+][0-9A-Za-z.+-]*)?");

    public EtcdVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version part in " + major + "." + minor + "." + patch);
        }
    }

    /** Reads {@code v3.6.14} or {@code 3.6.14}; throws with the form expected otherwise. */
    public static EtcdVersion parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "\"" + text + "\" is not an etcd version; write it as v3.6.14"));
    }

    /** As {@link #parse}, empty when the text is not a version (e.g. what an old etcd reports as unknown). */
    public static Optional<EtcdVersion> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new EtcdVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    /** The release line, {@code 3.6}. */
    public String line() {
        return major + "." + minor;
    }

    public boolean sameLine(EtcdVersion other) {
        return major == other.major && minor == other.minor;
    }

    public boolean isAtLeast(int major, int minor, int patch) {
        return compareTo(new EtcdVersion(major, minor, patch)) >= 0;
    }

    /** Whether this release ships {@code etcdutl} (3.5 and later). */
    public boolean hasEtcdutl() {
        return isAtLeast(3, 5, 0);
    }

    /** Whether offline tools (snapshot restore, status) must be {@code etcdutl}: 3.6 removed them from etcdctl. */
    public boolean requiresEtcdutl() {
        return isAtLeast(3, 6, 0);
    }

    @Override
    public int compareTo(EtcdVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    /** As in release names: {@code v3.6.14}. */
    @Override
    public String toString() {
        return "v" + major + "." + minor + "." + patch;
    }
}
