package dev.quorum.core.etcd;

import java.nio.file.Path;

/** The files a TLS client of etcd needs: the cluster CA, a client certificate and its PKCS#8 key. */
public record TlsFiles(Path caCertificate, Path certificate, Path privateKey) {
}
