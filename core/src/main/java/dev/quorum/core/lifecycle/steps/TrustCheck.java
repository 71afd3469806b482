package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.HostFileReads;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.remote.Shell;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The system trust step's check as one command: which store the host has and its name (as {@link TrustStore#DETECT}
 * prints them), then, where there is a store, its anchor as {@link HostFileReads} prints a file and one line "yes"
 * or "no" per CA: whether the bundle holds the CA's base64 body, line breaks ignored.
 */
final class TrustCheck {
    private TrustCheck() {
    }

    static String script(List<X509Certificate> cas) {
        StringBuilder bodies = new StringBuilder();
        for (X509Certificate ca : cas) {
            bodies.append(' ').append(Shell.quote(body(ca)));
        }
        return "if command -v update-ca-certificates >/dev/null 2>&1; then s=debian; a="
                + Shell.quote(TrustStore.DEBIAN.anchor()) + "; b=" + Shell.quote(TrustStore.DEBIAN.bundle()) + ";"
                + " elif command -v update-ca-trust >/dev/null 2>&1; then s=rhel; a="
                + Shell.quote(TrustStore.RHEL.anchor()) + "; b=" + Shell.quote(TrustStore.RHEL.bundle()) + ";"
                + " else s=none; fi; echo \"$s\";"
                + " ( . /etc/os-release 2>/dev/null && echo \"$PRETTY_NAME\" ) || echo 'an unknown system';"
                + " if [ \"$s\" != none ]; then"
                + " ( set -- \"$a\"; " + HostFileReads.SCRIPT + " );"
                + " for c in" + (bodies.length() == 0 ? " ''" : bodies) + "; do [ -n \"$c\" ] || continue;"
                + " if tr -d '\\n\\r' < \"$b\" 2>/dev/null | grep -qF -- \"$c\"; then echo yes; else echo no; fi;"
                + " done; fi";
    }

    /** The CA's base64 body, without the PEM armour or line breaks. */
    static String body(X509Certificate ca) {
        return PemCodec.write(ca).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
