package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import org.junit.jupiter.api.Test;

/** What Quorum's SSH client offers (decision 0065): OpenSSH's default lists, in OpenSSH's order. */
class OpenSshOfferTest {
    private static final DefaultConfig CONFIG = offered();

    private static DefaultConfig offered() {
        SshjProviders.useJdk();
        return OpenSshOffer.applyTo(new DefaultConfig());
    }

    private static List<String> names(List<? extends Factory.Named<?>> factories) {
        return factories.stream().map(Factory.Named::getName).toList();
    }

    @Test
    void ciphersAreOpenSshsCounterAndGcmModesInItsOrder() {
        assertThat(names(CONFIG.getCipherFactories())).containsExactly("aes128-ctr", "aes192-ctr", "aes256-ctr",
                "aes128-gcm@openssh.com", "aes256-gcm@openssh.com");
    }

    @Test
    void macsPutEncryptThenMacWithSha2FirstAndOfferNoMd5OrTruncatedOnes() {
        List<String> macs = names(CONFIG.getMACFactories());
        assertThat(macs).startsWith("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
                "hmac-sha1-etm@openssh.com");
        assertThat(macs).containsExactly("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com",
                "hmac-sha1-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1");
    }

    @Test
    void keyExchangesDropSha1GroupsAndKeepSshjsExtensionMarkers() {
        List<String> kex = names(CONFIG.getKeyExchangeFactories());
        assertThat(kex).startsWith("curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256");
        assertThat(kex).noneMatch(name -> name.endsWith("-sha1") || name.contains("group1-") || name.contains("@ssh.com"));
        assertThat(kex).contains("diffie-hellman-group14-sha256", "ext-info-c");
    }

    @Test
    void anAlgorithmSshjCannotBuildIsLeftOutNotAskedFor() {
        List<Factory.Named<String>> available = List.of(named("b"), named("ext-info-c"), named("a"));

        assertThat(names(OpenSshOffer.inOrder(available, List.of("a", "missing", "b"), true)))
                .containsExactly("a", "b", "ext-info-c");
        assertThat(names(OpenSshOffer.inOrder(available, List.of("a", "missing", "b"), false))).containsExactly("a", "b");
    }

    private static Factory.Named<String> named(String name) {
        return new Factory.Named<>() {
            @Override
            public String create() {
                return name;
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }
}
