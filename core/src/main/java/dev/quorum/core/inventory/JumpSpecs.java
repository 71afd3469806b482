package dev.quorum.core.inventory;

import dev.quorum.core.remote.JumpHost;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a jump host written as {@code ssh -J} takes it: {@code [USER@]HOST[:PORT]}, an IPv6 address in
 * brackets. One hop only: a chain ({@code a,b}) is refused. The user defaults to the SSH user Quorum
 * uses for hosts without {@code ansible_user}; the address and user keep {@link InventoryRules}.
 */
public final class JumpSpecs {
    private static final Pattern SPEC = Pattern.compile("(?:([^@]*)@)?(\\[[^\\]]*\\]|[^:\\[\\]]*)(?::(\\d{1,5}))?");

    private JumpSpecs() {
    }

    /**
     * @param spec        as written, e.g. {@code ops@bastion.example.com:2222}
     * @param defaultUser the user when the spec names none
     * @throws InventoryException what is wrong with the spec and how to write it
     */
    public static JumpHost parse(String spec, String defaultUser) {
        Optional<String> fault = fault(spec);
        if (fault.isPresent()) {
            throw new InventoryException("the jump host \"" + InventoryRules.shown(spec) + "\" " + fault.get()
                    + ". Write it as USER@HOST or USER@HOST:PORT, for example ops@203.0.113.5:22, with one bastion "
                    + "only.");
        }
        return build(spec, defaultUser);
    }

    /** What is wrong with the spec, phrased to follow "which" or a subject; empty when it is usable. */
    static Optional<String> fault(String spec) {
        if (spec.contains(",")) {
            return Optional.of("chains several jump hosts; Quorum goes through one bastion (reach the others "
                    + "from it or give the last one)");
        }
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            return Optional.of("is not USER@HOST[:PORT]");
        }
        if (m.group(1) != null) {
            Optional<String> user = InventoryRules.userName(m.group(1));
            if (user.isPresent()) {
                return Optional.of("has the user \"" + InventoryRules.shown(m.group(1)) + "\", which " + user.get());
            }
        }
        String host = unbracketed(m.group(2));
        Optional<String> address = InventoryRules.address(host);
        if (address.isPresent()) {
            return Optional.of("has the host \"" + InventoryRules.shown(host) + "\", which " + address.get());
        }
        if (m.group(3) != null) {
            int port = Integer.parseInt(m.group(3));
            if (port < 1 || port > 65535) {
                return Optional.of("has the port " + port + ", which is not a TCP port (1 to 65535)");
            }
        }
        return Optional.empty();
    }

    private static JumpHost build(String spec, String defaultUser) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new IllegalStateException("checked above: " + spec);
        }
        String user = m.group(1) != null ? m.group(1) : defaultUser;
        int port = m.group(3) != null ? Integer.parseInt(m.group(3)) : 22;
        return new JumpHost(unbracketed(m.group(2)), port, user, Optional.empty());
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
