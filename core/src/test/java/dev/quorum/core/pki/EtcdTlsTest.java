package dev.quorum.core.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real etcd 3.4 with Quorum's member certificate (server, peer, and its own gateway's client)
 * and etcdctl with the admin certificate: the end-to-end proof the certificate set is usable.
 */
class EtcdTlsTest {
    @TempDir
    Path dir;

    @Test
    void etcdServesAndAcceptsTheKubesprayCertificateSet() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/etcd")) && Files.isExecutable(Path.of("/usr/bin/etcdctl")),
                "etcd and etcdctl are not installed");
        int clientPort = freePort();
        int peerPort = freePort();
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir.resolve("pki"), "etcd-ca", KeyAlgorithm.EC_P256);
        KubesprayCertificates layout = KubesprayCertificates.of(List.of(new CertHost("etcd01", "127.0.0.1")),
                List.of(), List.of());
        Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        for (KubesprayCertificate cert : layout.forEtcdHost("etcd01")) {
            IssuedCertificate issued = ca.issue(cert.request());
            Files.writeString(dir.resolve(cert.certificateFile()), issued.certificatePem());
            Files.writeString(dir.resolve(cert.keyFile()), issued.privateKeyPem());
        }

        String clientUrl = "https://127.0.0.1:" + clientPort;
        String peerUrl = "https://127.0.0.1:" + peerPort;
        Process etcd = new ProcessBuilder("/usr/bin/etcd", "--name", "etcd01", "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
                "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
                "--initial-cluster", "etcd01=" + peerUrl,
                "--cert-file", "member-etcd01.pem", "--key-file", "member-etcd01-key.pem",
                "--trusted-ca-file", "ca.pem", "--client-cert-auth",
                "--peer-cert-file", "member-etcd01.pem", "--peer-key-file", "member-etcd01-key.pem",
                "--peer-trusted-ca-file", "ca.pem", "--peer-client-cert-auth")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("etcd.log").toFile()).start();
        try {
            assertThat(etcdctlUntilOk(clientUrl, "put", "quorum", "tls")).contains("OK");
            assertThat(etcdctl(clientUrl, "get", "quorum", "--print-value-only")).isEqualTo("tls\n");
            assertThat(Files.readString(dir.resolve("etcd.log"))).doesNotContain("incompatible key usage", "bad certificate");
        } finally {
            etcd.destroy();
            if (!etcd.waitFor(10, TimeUnit.SECONDS)) {
                etcd.destroyForcibly();
            }
        }
    }

    private String etcdctlUntilOk(String url, String... args) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                return etcdctl(url, args);
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(e.getMessage() + "\netcd log:\n" + Files.readString(dir.resolve("etcd.log")), e);
                }
                Thread.sleep(200);
            }
        }
    }

    private String etcdctl(String url, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/etcdctl", "--endpoints", url,
                "--cacert", "ca.pem", "--cert", "admin-etcd01.pem", "--key", "admin-etcd01-key.pem",
                "--dial-timeout", "2s", "--command-timeout", "3s"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("ETCDCTL_API", "3");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("etcdctl " + String.join(" ", args) + " failed:\n" + output);
        }
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
