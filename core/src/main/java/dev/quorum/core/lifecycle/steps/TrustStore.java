package dev.quorum.core.lifecycle.steps;

/**
 * A host's system trust store, as Kubespray's {@code upd_ca_trust.yml} picks it by OS family; Quorum picks it by
 * the tool that is there, which says the same on Debian/Ubuntu and the RHEL family and is what the update needs.
 */
enum TrustStore {
    DEBIAN("/usr/local/share/ca-certificates/etcd-ca.crt", "update-ca-certificates",
            "/etc/ssl/certs/ca-certificates.crt"),
    RHEL("/etc/pki/ca-trust/source/anchors/etcd-ca.crt", "update-ca-trust extract",
            "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem"),
    /** Neither tool: the step says the CA is not in the system trust and what to install. */
    NONE("", "", "");

    /** Prints the tool found ("debian", "rhel" or "none"), then the OS's PRETTY_NAME. */
    static final String DETECT = "if command -v update-ca-certificates >/dev/null 2>&1; then echo debian;"
            + " elif command -v update-ca-trust >/dev/null 2>&1; then echo rhel; else echo none; fi;"
            + " ( . /etc/os-release 2>/dev/null && echo \"$PRETTY_NAME\" ) || echo 'an unknown system'";

    private final String anchor;
    private final String update;
    private final String bundle;

    TrustStore(String anchor, String update, String bundle) {
        this.anchor = anchor;
        this.update = update;
        this.bundle = bundle;
    }

    /** Where the etcd CA goes. */
    String anchor() {
        return anchor;
    }

    /** The command that rebuilds the system bundle from the anchors. */
    String update() {
        return update;
    }

    /** The bundle TLS clients read, which must hold the CA afterwards. */
    String bundle() {
        return bundle;
    }

    /** The first line of {@link #DETECT}'s output. */
    static TrustStore of(String detected) {
        return switch (detected.strip().lines().findFirst().orElse("")) {
            case "debian" -> DEBIAN;
            case "rhel" -> RHEL;
            default -> NONE;
        };
    }

    /** The second line of {@link #DETECT}'s output. */
    static String system(String detected) {
        return detected.strip().lines().skip(1).findFirst().orElse("an unknown system");
    }
}
