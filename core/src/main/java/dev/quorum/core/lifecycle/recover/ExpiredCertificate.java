package dev.quorum.core.lifecycle.recover;

/**
 * A certificate etcd serves, dials or trusts with (a file its env file names) that its host's {@code openssl} reads as
 * past its notAfter: peers and clients refuse it, so the member cannot take part until it is renewed.
 *
 * @param path     the file, as the env file names it
 * @param notAfter when it expired, as {@code openssl x509 -enddate} prints it
 */
public record ExpiredCertificate(String path, String notAfter) {
    /** A line of the inspection's {@code expired} section: the path, a tab, the date; empty for anything else. */
    static java.util.Optional<ExpiredCertificate> parse(String line) {
        int tab = line.indexOf('\t');
        return tab <= 0 ? java.util.Optional.empty()
                : java.util.Optional.of(new ExpiredCertificate(line.substring(0, tab), line.substring(tab + 1).strip()));
    }

    @Override
    public String toString() {
        return path + " (expired " + notAfter + ")";
    }
}
