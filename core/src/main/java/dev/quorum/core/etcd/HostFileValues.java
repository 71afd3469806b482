package dev.quorum.core.etcd;

import java.util.Map;

/**
 * The last check before a value goes into {@code /etc/etcd.env} or {@code etcd.service}. The inventory
 * reader already refused anything unusual; this guards the files themselves, whoever built the settings.
 * The env file is read by systemd and also sourced by {@code sh} ({@code etcdctl.sh}, the diagnosis), and
 * neither has a quoting rule the other shares, so a value must need none: no line break (it would start
 * another variable), no white space, no quote, nothing sh or systemd would expand.
 */
final class HostFileValues {
    /** Brackets stay allowed: IPv6 URLs need them, and sh does not expand them in an assignment. */
    private static final String SPECIAL = "$`\\;&|<>(){}*?!~'\"#%";

    private HostFileValues() {
    }

    /** @throws IllegalArgumentException naming the placeholder when a value would need quoting */
    static Map<String, String> requirePlain(String file, Map<String, String> values) {
        values.forEach((name, value) -> {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                        || SPECIAL.indexOf(c) >= 0) {
                    throw new IllegalArgumentException("refusing to write " + name + " into " + file + ": its value "
                            + "holds " + describe(c) + ", which the file cannot carry safely");
                }
            }
        });
        return values;
    }

    private static String describe(char c) {
        if (c == '\n' || c == '\r') {
            return "a line break";
        }
        if (Character.isISOControl(c)) {
            return "a control character";
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) ? "white space" : "the character " + c;
    }
}
