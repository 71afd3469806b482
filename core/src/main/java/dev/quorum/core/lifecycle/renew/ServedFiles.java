package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.certinventory.ServedCertificate;
import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.etcd.EnvFile;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.pki.PkiException;
import dev.quorum.core.remote.RemoteHost;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Compares what a member serves on its client and peer ports with the files its env names. */
final class ServedFiles {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private ServedFiles() {
    }

    /** The ports where etcd serves something else than its certificate files hold; empty when all match. */
    static List<String> stale(LifecycleSession session, String host) throws Exception {
        RemoteHost remote = session.remote(host);
        EnvFile env = EnvFile.parse(ManagedFiles.read(remote, HostFiles.ENV_FILE).orElse(""));
        String dir = session.settings().certDir();
        String fallback = dir + "/member-" + host + ".pem";
        EtcdMember member = session.member(host);
        List<String> stale = new ArrayList<>();
        // The client port as the session reaches it (through its SSH tunnel, if it uses one).
        URI client = URI.create(session.cluster().dialUrl(member.clientUrl()));
        check(remote, client.getHost(), client.getPort(), EtcdMember.CLIENT_PORT,
                env.get("ETCD_CERT_FILE").orElse(fallback), stale);
        check(remote, member.address(), EtcdMember.PEER_PORT, EtcdMember.PEER_PORT,
                env.get("ETCD_PEER_CERT_FILE").orElse(fallback), stale);
        return stale;
    }

    private static void check(RemoteHost remote, String address, int dialPort, int port, String file,
                              List<String> stale) throws Exception {
        Optional<String> pem = ManagedFiles.read(remote, file);
        Optional<X509Certificate> served = ServedCertificate.fetch(unbracketed(address), dialPort, TIMEOUT);
        if (pem.isEmpty() || served.isEmpty()) {
            stale.add(port + " (" + (pem.isEmpty() ? file + " missing" : "nothing served") + ")");
            return;
        }
        try {
            String onDisk = CertificateDetails.fingerprint(PemCodec.parseCertificate(pem.get()));
            if (!onDisk.equals(CertificateDetails.fingerprint(served.get()))) {
                stale.add(port + " (serves serial " + served.get().getSerialNumber().toString(16) + ", not the one in "
                        + file + ")");
            }
        } catch (PkiException e) {
            stale.add(port + " (" + file + " unreadable)");
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
