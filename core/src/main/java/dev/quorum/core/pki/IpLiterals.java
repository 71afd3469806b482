package dev.quorum.core.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.bouncycastle.util.IPAddress;

/** IP address literals, parsed without ever asking DNS. */
final class IpLiterals {
    private IpLiterals() {
    }

    static boolean isLiteral(String text) {
        // BouncyCastle's check rejects zone ids and host names, so getByName below stays a pure parse.
        return text != null && (IPAddress.isValidIPv4(text) || IPAddress.isValidIPv6(text));
    }

    /** The address if {@code text} is an IPv4 or IPv6 literal, else empty. */
    static Optional<InetAddress> parse(String text) {
        if (!isLiteral(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    static InetAddress require(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + text));
    }
}
