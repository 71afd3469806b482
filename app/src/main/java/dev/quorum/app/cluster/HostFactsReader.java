package dev.quorum.app.cluster;

import dev.quorum.core.certinventory.ServedCertificate;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Reads one member's host side: {@code systemctl is-active / is-enabled} of its cluster's unit ({@code etcd}, or
 * {@code etcd-events} for the events cluster) over SSH, and the certificate the member serves on its client port
 * (2379 or 2383: what clients see, whatever the files say).
 * Blocking; short timeouts, since a person is waiting for the details.
 */
final class HostFactsReader {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Clock clock;

    HostFactsReader(Clock clock) {
        this.clock = clock;
    }

    HostFacts read(ClusterSession session, String hostName, String endpointUrl, boolean sandbox) {
        String service = sandbox ? "a local process on this machine (the sandbox: quorum sandbox status)"
                : service(session, hostName, session.inventory().layout());
        // Through the member's SSH tunnel when the session reaches its etcd that way.
        return new HostFacts(service, certificate(sandbox ? endpointUrl : session.dialUrl(endpointUrl),
                session.inventory().layout().clientPort()));
    }

    private static String service(ClusterSession session, String hostName, ClusterLayout layout) {
        String unit = layout.unitName();
        String quoted = Shell.quote(unit); // a fixed word of the layout, quoted all the same
        try (RemoteHost host = session.remote(hostName)) {
            CommandResult result = host.run("systemctl is-active " + quoted + "; systemctl is-enabled " + quoted,
                    TIMEOUT);
            String[] words = result.stdout().strip().split("\\s+");
            String active = words.length > 0 && !words[0].isEmpty() ? words[0] : "unknown";
            String enabled = words.length > 1 ? words[1] : "unknown";
            return unit + " " + active + ", " + (enabled.equals("enabled") ? "enabled at boot" : enabled);
        } catch (Exception e) {
            return "not read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private String certificate(String endpointUrl, int clientPort) {
        URI endpoint = URI.create(endpointUrl);
        Optional<X509Certificate> served = ServedCertificate.fetch(endpoint.getHost(),
                endpoint.getPort() < 0 ? clientPort : endpoint.getPort(), Duration.ofSeconds(2));
        return served.map(c -> expiry(c.getNotAfter().toInstant()))
                .orElse("not read: no TLS answer on " + endpoint.getHost() + ":" + endpoint.getPort());
    }

    /** "valid until 2027-12-01 (365 days left)", or how long ago it expired. */
    String expiry(Instant notAfter) {
        Instant now = clock.instant();
        long days = Duration.between(now, notAfter).toDays();
        LocalDate date = notAfter.atZone(ZoneOffset.UTC).toLocalDate();
        if (notAfter.isBefore(now)) {
            long ago = Duration.between(notAfter, now).toDays();
            return "EXPIRED on " + date + " (" + ago + (ago == 1 ? " day" : " days") + " ago): quorum certs renew";
        }
        return "valid until " + date + " (" + days + (days == 1 ? " day" : " days") + " left)";
    }
}
