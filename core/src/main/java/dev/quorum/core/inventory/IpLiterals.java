package dev.quorum.core.inventory;

import java.util.regex.Pattern;

/** Recognises IPv4 and IPv6 literals without any DNS lookup. */
final class IpLiterals {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiterals() {
    }

    /** An IPv6 literal, with or without brackets. */
    static boolean isIpv6Literal(String text) {
        return isIpLiteral(text) && text.contains(":");
    }

    static boolean isIpLiteral(String text) {
        var v4 = IPV4.matcher(text);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        return bare.contains(":") && IPV6.matcher(bare).matches() && bare.chars().filter(c -> c == ':').count() >= 2;
    }
}
