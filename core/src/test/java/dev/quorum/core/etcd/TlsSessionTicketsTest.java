package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.pki.PemCodec;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a TLS 1.3 server on loopback that sends a session ticket after every handshake (the JDK's, as etcd's Go
 * server does): a client context as the etcd client builds it never resumes a session from one, where netty's
 * default resumes every connection after the first (decision 0057).
 */
class TlsSessionTicketsTest {
    private static final int CONNECTIONS = 3;

    @TempDir
    Path dir;
    private CertificateAuthority ca;
    private SSLServerSocket server;
    private final ExecutorService accepting = Executors.newSingleThreadExecutor();

    @BeforeEach
    void serve() throws Exception {
        ca = CertificateAuthority.loadOrCreate(dir, "tickets test", KeyAlgorithm.EC_P256);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", PemCodec.parsePrivateKey(ca.privateKeyPem()), new char[0],
                new Certificate[] {ca.certificate()});
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, new char[0]);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(managers.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        server.setEnabledProtocols(new String[] {"TLSv1.3"});
        accepting.submit(() -> {
            for (int i = 0; i < CONNECTIONS; i++) {
                try (Socket client = server.accept()) {
                    client.getOutputStream().write(1); // after the handshake and its ticket
                    client.getOutputStream().flush();
                    client.getInputStream().read();
                }
            }
            return null;
        });
    }

    @AfterEach
    void stop() throws Exception {
        accepting.shutdownNow();
        server.close();
        accepting.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void theEtcdClientsContextResumesNothing() throws Exception {
        assertThat(resumed(TlsSessionTickets.noneKept(builder()))).isZero();
    }

    @Test
    void nettysDefaultContextResumesFromEveryTicket() throws Exception {
        assertThat(resumed(builder())).isEqualTo(CONNECTIONS - 1);
    }

    private SslContextBuilder builder() {
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).protocols("TLSv1.3")
                .trustManager(ca.certificate());
    }

    /**
     * {@link #CONNECTIONS} connections through the context, each reading the server's byte (and so its ticket): how
     * many of them took up a session the context had kept (a resumption, which files the next ticket under it).
     */
    private int resumed(SslContextBuilder builder) throws Exception {
        SSLContext context = ((JdkSslContext) builder.build()).context();
        int resumed = 0;
        for (int i = 0; i < CONNECTIONS; i++) {
            List<ByteBuffer> kept = Collections.list(context.getClientSessionContext().getIds()).stream()
                    .map(ByteBuffer::wrap).toList();
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(
                    InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                socket.setSoTimeout(10_000);
                socket.setEnabledProtocols(new String[] {"TLSv1.3"});
                socket.startHandshake();
                assertThat(socket.getInputStream().read()).isEqualTo(1);
                socket.getOutputStream().write(2);
                socket.getOutputStream().flush();
                resumed += kept.contains(ByteBuffer.wrap(socket.getSession().getId())) ? 1 : 0;
            }
        }
        return resumed;
    }
}
