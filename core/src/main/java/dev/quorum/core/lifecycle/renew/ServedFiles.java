package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.certinventory.ServedCertificate;
import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.etcd.EnvFile;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.pki.PkiException;
import dev.quorum.core.remote.PortForward;
import dev.quorum.core.remote.RemoteHost;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares what a member serves on its client and peer ports with the files its env names. Both ports are looked
 * at the way the session reaches the member: directly, or, where its client port goes through an SSH tunnel (a
 * bastion with only SSH open), over the host's SSH connection to the address etcd listens on.
 */
final class ServedFiles {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private ServedFiles() {
    }

    /** The ports where etcd serves something else than its certificate files hold; empty when all match. */
    static List<String> stale(LifecycleSession session, String host) throws Exception {
        RemoteHost remote = session.remote(host);
        EnvFile env = EnvFile.parse(ManagedFiles.read(remote, session.settings().layout().envFile()).orElse(""));
        String dir = session.settings().certDir();
        String fallback = dir + "/member-" + host + ".pem";
        EtcdMember member = session.member(host);
        List<String> stale = new ArrayList<>();
        // The client port as the session reaches it (through its SSH tunnel, if it uses one).
        String dialed = session.cluster().dialUrl(member.clientUrl());
        URI client = URI.create(dialed);
        check(remote, client.getHost(), client.getPort(), member.clientPort(),
                env.get("ETCD_CERT_FILE").orElse(fallback), stale);
        String peerFile = env.get("ETCD_PEER_CERT_FILE").orElse(fallback);
        if (dialed.equals(member.clientUrl())) {
            check(remote, member.address(), member.peerPort(), member.peerPort(), peerFile, stale);
        } else {
            // etcd listens for peers on the host's own address only, not on 127.0.0.1
            try (PortForward peer = session.cluster().forward(host, unbracketed(member.host().bindAddress()),
                    member.peerPort())) {
                check(remote, "127.0.0.1", peer.localPort(), member.peerPort(), peerFile, stale);
            }
        }
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
