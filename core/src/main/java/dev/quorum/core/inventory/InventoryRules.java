package dev.quorum.core.inventory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules an inventory value must keep before Quorum uses it, checked once when the inventory is read.
 * A value that keeps its rule is plain text wherever Quorum puts it: a remote shell command (where it is
 * quoted as well), {@code /etc/etcd.env} (which {@code etcdctl.sh} and the diagnosis source with {@code sh}),
 * the systemd unit, URLs and certificates.
 *
 * <p>Each method returns what is wrong, phrased to follow "which" in a message ({@code "... is \"a b\", which
 * contains a space; ..."}), or nothing when the value keeps the rule.
 */
final class InventoryRules {
    /** Characters a shell (or systemd's specifier expansion, for {@code %}) would give a meaning. */
    static final String SHELL_CHARACTERS = "$`\\;&|<>(){}*?[]!~'\"#%";
    private static final int MAX_HOST_NAME = 253;
    private static final int MAX_NAME = 128;
    private static final int MAX_USER = 32;
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DOTTED_NUMBERS = Pattern.compile("\\d+(\\.\\d+){3}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]*");

    private InventoryRules() {
    }

    /** An inventory host name: RFC 1123 (letters, digits and dashes in dot-separated labels). */
    static Optional<String> hostName(String value) {
        return plain(value).or(() -> rfc1123(value)).map(fault -> fault
                + "; a host name must be an RFC 1123 name: letters, digits and dashes in labels of at most 63 "
                + "characters, joined by dots");
    }

    /** {@code ip}, {@code access_ip}, {@code ansible_host}: an IP address, or an RFC 1123 host name. */
    static Optional<String> address(String value) {
        if (IpLiterals.isIpLiteral(value)) {
            return Optional.empty();
        }
        return plain(value).or(() -> rfc1123(value)).map(fault -> fault
                + "; an address must be an IP address or an RFC 1123 host name");
    }

    /** {@code ip6}, {@code access_ip6}: an IPv6 address. */
    static Optional<String> ipv6Address(String value) {
        return IpLiterals.isIpv6Literal(value) ? Optional.empty()
                : Optional.of("is not an IPv6 address");
    }

    /** An etcd member name: letters, digits, dot, dash and underscore (it is also listed in ETCD_INITIAL_CLUSTER). */
    static Optional<String> memberName(String value) {
        return name(value, "a member name");
    }

    /** {@code cluster_name}: a folder name on the workstation and Kubernetes' DNS domain in Kubespray. */
    static Optional<String> clusterName(String value) {
        return name(value, "a cluster name");
    }

    /** {@code etcd_initial_cluster_token}: written into the env file and given to etcdctl. */
    static Optional<String> clusterToken(String value) {
        return name(value, "a cluster token");
    }

    /** A path on the etcd hosts: absolute, no {@code ..} segment, nothing a shell or systemd would expand. */
    static Optional<String> remotePath(String value) {
        if (!value.startsWith("/")) {
            return Optional.of("is not an absolute path");
        }
        Optional<String> fault = plain(value);
        if (fault.isEmpty() && ("/" + value + "/").contains("/../")) {
            fault = Optional.of("has a .. segment");
        }
        return fault.map(f -> f + "; a path on the hosts must be absolute, with no spaces, quotes, shell "
                + "characters or .. segments");
    }

    /** An http(s) download URL: a valid URI naming a server, with no spaces or control characters. */
    static Optional<String> httpUrl(String value) {
        Optional<String> control = controlOrSpace(value);
        if (control.isPresent()) {
            return control.map(fault -> fault + "; a URL has none (write a space as %20)");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("is not an http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("names no server");
        }
        return Optional.empty();
    }

    /** {@code ansible_user}: a POSIX portable user name (letters, digits, dot, underscore, dash; no leading dash). */
    static Optional<String> userName(String value) {
        Optional<String> fault = plain(value);
        if (fault.isEmpty() && !USER.matcher(value).matches()) {
            fault = Optional.of(value.startsWith("-") ? "starts with a dash"
                    : "has a character other than letters, digits, dot, underscore and dash");
        }
        if (fault.isEmpty() && value.length() > MAX_USER) {
            fault = Optional.of("is longer than " + MAX_USER + " characters");
        }
        return fault.map(f -> f + "; a user name may only hold letters, digits, dot, underscore and dash");
    }

    /** A value as a message shows it: control characters made visible, so a line break cannot hide the rest. */
    static String shown(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static Optional<String> name(String value, String what) {
        Optional<String> fault = plain(value);
        if (fault.isEmpty() && !NAME.matcher(value).matches()) {
            fault = Optional.of("has a character other than letters, digits, dot, dash and underscore, or does not "
                    + "start with a letter or digit");
        }
        if (fault.isEmpty() && value.contains("..")) {
            fault = Optional.of("has two dots in a row");
        }
        if (fault.isEmpty() && value.length() > MAX_NAME) {
            fault = Optional.of("is longer than " + MAX_NAME + " characters");
        }
        return fault.map(f -> f + "; " + what + " may only hold letters, digits, dot, dash and underscore");
    }

    private static Optional<String> rfc1123(String value) {
        if (value.length() > MAX_HOST_NAME) {
            return Optional.of("is longer than " + MAX_HOST_NAME + " characters");
        }
        if (DOTTED_NUMBERS.matcher(value).matches()) {
            return Optional.of("looks like an IPv4 address but is not one (each number must be 0-255)");
        }
        for (String label : value.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of(label.isEmpty() ? "has an empty label (two dots in a row, or a dot at an end)"
                        : "has the label \"" + shown(label) + "\", which is not letters, digits and inner dashes of at "
                        + "most 63 characters");
            }
        }
        return Optional.empty();
    }

    /** Empty values, control characters, white space and shell characters: faults under every rule. */
    private static Optional<String> plain(String value) {
        if (value.isEmpty()) {
            return Optional.of("is empty");
        }
        Optional<String> control = controlOrSpace(value);
        if (control.isPresent()) {
            return control;
        }
        for (char c : value.toCharArray()) {
            if (SHELL_CHARACTERS.indexOf(c) >= 0) {
                return Optional.of("contains the shell character " + c);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> controlOrSpace(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r') {
                return Optional.of("contains a line break");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("contains a control character (" + shown(String.valueOf(c)) + ")");
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return Optional.of("contains a space");
            }
        }
        return Optional.empty();
    }
}
