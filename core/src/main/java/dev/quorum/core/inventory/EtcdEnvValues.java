package dev.quorum.core.inventory;

import java.util.Optional;

/**
 * A value bound for {@code /etc/etcd.env}: systemd reads the file and {@code sh} sources it, and the two share no
 * quoting rule, so the value must need none (the same rule the env file's writer enforces again).
 */
final class EtcdEnvValues {
    private EtcdEnvValues() {
    }

    /** Why the value cannot go into the env file as written; empty when it can. */
    static Optional<String> fault(String value) {
        if (value.isEmpty()) {
            return Optional.of("is empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r') {
                return Optional.of("contains a line break");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("contains a control character");
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return Optional.of("contains a space");
            }
            if (InventoryRules.SHELL_CHARACTERS.indexOf(c) >= 0) {
                return Optional.of("contains the character " + c);
            }
        }
        return Optional.empty();
    }
}
