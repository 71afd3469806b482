package dev.quorum.core.lifecycle.recover;

import java.util.Optional;

/**
 * A certificate etcd serves, dials or trusts with (a file its env file names) that its host's {@code openssl} reads as
 * past its notAfter: peers and clients refuse it, so the member cannot take part until it is renewed, or, for the
 * CA, replaced.
 *
 * @param path      the file, as the env file names it
 * @param notAfter  when it expired, as {@code openssl x509 -enddate} prints it
 * @param authority the file is a CA etcd trusts ({@code ETCD_TRUSTED_CA_FILE} and its kind), not one it presents
 */
public record ExpiredCertificate(String path, String notAfter, boolean authority) {
    /**
     * A line of the inspection's {@code expired} section: the path, a tab, the date, and a tab and {@code ca} for a
     * CA file; empty for anything else.
     */
    static Optional<ExpiredCertificate> parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length < 2 || fields[0].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ExpiredCertificate(fields[0], fields[1].strip(),
                fields.length > 2 && fields[2].strip().equals("ca")));
    }

    @Override
    public String toString() {
        return path + " (expired " + notAfter + ")";
    }
}
