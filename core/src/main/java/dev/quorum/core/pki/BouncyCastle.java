package dev.quorum.core.pki;

import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Registers the BouncyCastle provider once, from whichever thread asks first. */
public final class BouncyCastle {
    private BouncyCastle() {
    }

    /** The provider name to pass to {@code getInstance} and the JCA builders; registers it if needed. */
    public static String provider() {
        return Registration.NAME;
    }

    // The JVM runs a holder's static initialiser exactly once, which gives thread safety without locks.
    private static final class Registration {
        static final String NAME = register();

        private static String register() {
            if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
                // addProvider is a no-op (returns -1) if another library registered it meanwhile.
                Security.addProvider(new BouncyCastleProvider());
            }
            return BouncyCastleProvider.PROVIDER_NAME;
        }
    }
}
