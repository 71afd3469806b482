package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.etcd.EnvFile;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.pki.PkiException;
import dev.quorum.core.remote.RemoteHost;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The CA files one host's etcd and etcdctl read, as its env file names them (the layout's ca.pem without one). */
final class CaFiles {
    private static final String[] SETTINGS = {"ETCD_TRUSTED_CA_FILE", "ETCD_PEER_TRUSTED_CA_FILE", "ETCDCTL_CACERT"};

    private CaFiles() {
    }

    /** The CA certificates one of those files holds, in order; none when it is missing or holds no readable PEM. */
    static List<X509Certificate> certificates(RemoteHost remote, String file) throws Exception {
        String pem = ManagedFiles.read(remote, file).orElse("");
        try {
            return pem.isBlank() ? List.of() : PemCodec.parseCertificates(pem);
        } catch (PkiException e) {
            return List.of();
        }
    }

    static Set<String> of(LifecycleSession session, RemoteHost remote) throws Exception {
        EnvFile env = EnvFile.parse(ManagedFiles.read(remote, session.settings().layout().envFile()).orElse(""));
        Set<String> files = new LinkedHashSet<>();
        for (String key : SETTINGS) {
            env.get(key).filter(v -> !v.isBlank()).ifPresent(files::add);
        }
        if (files.isEmpty()) {
            files.add(session.settings().certDir() + "/ca.pem");
        }
        return files;
    }
}
