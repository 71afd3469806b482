package dev.quorum.core.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Making a CA and issuing EC certificates, as an install does, never registers BouncyCastle's provider (about 0.4 s of
 * CPU in a fresh process, issue 18). Run in a JVM of its own: another test in this one may have registered it.
 */
class IssuingWithoutBouncyCastleProviderTest {
    @TempDir
    Path dir;

    @Test
    void aFreshProcessIssuesAndWritesKeysWithTheJdksProvidersAlone() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Issue.class.getName(),
                dir.toString()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("EC P-256 issued by CN=etcd-ca; BouncyCastle "
                + "provider registered: false\n");
        assertThat(PemCodec.parsePrivateKey(Files.readString(dir.resolve("leaf-key.pem"))).getAlgorithm())
                .isIn("EC", "ECDSA");
    }

    /** What the child process runs. */
    public static final class Issue {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir.resolve("ca"), "etcd-ca",
                    KeyAlgorithm.EC_P256);
            IssuedCertificate leaf = ca.issue(new CertificateRequest("member-lab1", CertificateProfile.MEMBER,
                    List.of("lab1"), List.of("127.0.0.1"), Duration.ofDays(365), KeyAlgorithm.EC_P256));
            Files.writeString(dir.resolve("leaf-key.pem"), PemCodec.write(leaf.privateKey()));
            System.out.println(CertificateDetails.keyType(leaf.certificate().getPublicKey()) + " issued by "
                    + leaf.certificate().getIssuerX500Principal().getName() + "; BouncyCastle provider registered: "
                    + (Security.getProvider("BC") != null));
        }
    }
}
