package dev.quorum.core.remote;

import java.security.Security;
import net.schmizz.sshj.common.SecurityUtils;

/**
 * sshj's crypto from the JDK's own providers instead of BouncyCastle's (decision 0055). By default sshj registers
 * BouncyCastle's provider and asks it for everything: 700+ classes from signed jars, each verified and digested on
 * load and never in the class-data archive: a quarter of a second of CPU per quorum status run, measured. Since
 * 0.38 sshj needs BouncyCastle only for passphrase-protected PEM keys and PuTTY v3 keys, which it reads with
 * BouncyCastle's classes directly (no provider needed); Java 17's providers have everything else Quorum negotiates
 * and loads: X25519, ECDH and DH key exchange, Ed25519, ECDSA and RSA keys and signatures (ECDSA keys through
 * {@link EcdsaKeyFactoryAlias}), AES-CTR and AES-GCM, HMAC-SHA2. Not chacha20-poly1305, which sshj builds from
 * BouncyCastle's provider only: with OpenSSH's defaults an AES cipher is negotiated instead. BouncyCastle's provider,
 * when Quorum's own PKI code registers it, comes after the JDK's and is not asked for what the JDK has.
 */
final class SshjProviders {
    private SshjProviders() {
    }

    /**
     * Call before sshj's first crypto (every class here that hands sshj a key or builds a client does so in its
     * static initialiser): sshj decides on its provider once, at its first crypto call.
     */
    static void useJdk() {
        Once.DONE.hashCode();
    }

    // The JVM runs a holder's static initialiser exactly once, which gives thread safety without locks.
    private static final class Once {
        static final Boolean DONE = set();

        private static Boolean set() {
            SecurityUtils.setRegisterBouncyCastle(false);
            // sshj names its ECDSA key factory as BouncyCastle does; added last, so no JDK algorithm is displaced
            Security.addProvider(new EcdsaKeyFactoryAlias());
            return Boolean.TRUE;
        }
    }
}
