package dev.quorum.core.lifecycle.apiservers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure: kube-apiserver's {@code --etcd-servers=} in a static pod manifest, read and replaced in the text itself so
 * every other byte stays as it was (a YAML round trip would reorder, reflow and drop comments, and kubelet restarts
 * the pod for any difference). Only the list item form kubeadm and Kubespray write is accepted:
 * {@code - --etcd-servers=URL,URL}, optionally quoted as a whole.
 */
public final class EtcdServersFlag {
    private static final Pattern FLAG = pattern(ApiserverFlag.ETCD_SERVERS);
    private static final Pattern SECURE_PORT = Pattern.compile(
            "^[ \\t]*-[ \\t]+[\"']?--secure-port=([0-9]{1,5})[\"']?[ \\t]*\\r?$", Pattern.MULTILINE);
    private static final int DEFAULT_SECURE_PORT = 6443;

    private EtcdServersFlag() {
    }

    private static Pattern pattern(ApiserverFlag flag) {
        return Pattern.compile("^([ \\t]*-[ \\t]+)([\"']?)" + Pattern.quote(flag.flagName())
                + "=([^\"'\\s]*)\\2([ \\t]*\\r?)$", Pattern.MULTILINE);
    }

    private static Pattern matcherOf(ApiserverFlag flag) {
        return flag == ApiserverFlag.ETCD_SERVERS ? FLAG : pattern(flag);
    }

    /** The flag's value, or why it cannot be edited safely (absent, or given more than once). */
    public static Reading read(String manifest) {
        return read(manifest, ApiserverFlag.ETCD_SERVERS);
    }

    /** {@code flag}'s value, or why it cannot be edited safely (absent, or given more than once). */
    public static Reading read(String manifest, ApiserverFlag flag) {
        Matcher m = matcherOf(flag).matcher(manifest);
        if (!m.find()) {
            return Reading.problem("the manifest has no \"- " + flag.flagName() + "=...\" line in the container's "
                    + "command");
        }
        String value = m.group(3);
        if (m.find()) {
            return Reading.problem("the manifest gives " + flag.flagName() + " more than once");
        }
        return new Reading(Optional.of(value), "");
    }

    /** The manifest with only the flag's value replaced. */
    public static String replace(String manifest, String value) {
        return replace(manifest, ApiserverFlag.ETCD_SERVERS, value);
    }

    /** The manifest with only {@code flag}'s value replaced. */
    public static String replace(String manifest, ApiserverFlag flag, String value) {
        Reading reading = read(manifest, flag);
        if (reading.value().isEmpty()) {
            throw new IllegalArgumentException(reading.problem());
        }
        Matcher m = matcherOf(flag).matcher(manifest);
        m.find();
        return manifest.substring(0, m.start(3)) + value + manifest.substring(m.end(3));
    }

    /** The same servers, in any order: kube-apiserver balances over the list, order does not matter to it. */
    public static boolean sameServers(String value, List<String> wanted) {
        return new LinkedHashSet<>(List.of(value.split(",", -1))).equals(new LinkedHashSet<>(wanted))
                && value.split(",", -1).length == wanted.size();
    }

    /** kube-apiserver's {@code --secure-port}, 6443 when the manifest does not set it. */
    public static int securePort(String manifest) {
        Matcher m = SECURE_PORT.matcher(manifest);
        if (m.find()) {
            int port = Integer.parseInt(m.group(1));
            if (port > 0 && port < 65536) {
                return port;
            }
        }
        return DEFAULT_SECURE_PORT;
    }

    /** The flag's value, or the problem that keeps Quorum from editing it. */
    public record Reading(Optional<String> value, String problem) {
        static Reading problem(String problem) {
            return new Reading(Optional.empty(), problem);
        }
    }
}
