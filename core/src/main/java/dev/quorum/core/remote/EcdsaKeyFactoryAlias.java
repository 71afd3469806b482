package dev.quorum.core.remote;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyFactorySpi;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import java.util.List;
import java.util.Map;

/**
 * A key factory named "ECDSA" that is the JDK's "EC" one. sshj 0.40 asks for its ECDSA keys (client keys, host keys,
 * agent keys) by BouncyCastle's name, which the JDK does not know; with this provider sshj reads them through the
 * JDK without BouncyCastle's provider (decision 0055). Nothing else: every other algorithm comes from the JDK's own
 * providers, and BouncyCastle's, where registered, comes first for this name as well.
 */
final class EcdsaKeyFactoryAlias extends Provider {
    private static final long serialVersionUID = 1L;

    EcdsaKeyFactoryAlias() {
        super("QuorumEcdsaAlias", "1", "KeyFactory.ECDSA as the JDK's EC key factory, for sshj");
        putService(new Service(this, "KeyFactory", "ECDSA", Spi.class.getName(), List.of(), Map.of()) {
            @Override
            public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
                return new Spi(KeyFactory.getInstance("EC"));
            }
        });
    }

    private static final class Spi extends KeyFactorySpi {
        private final KeyFactory ec;

        Spi(KeyFactory ec) {
            this.ec = ec;
        }

        @Override
        protected PublicKey engineGeneratePublic(KeySpec spec) throws InvalidKeySpecException {
            return ec.generatePublic(spec);
        }

        @Override
        protected PrivateKey engineGeneratePrivate(KeySpec spec) throws InvalidKeySpecException {
            return ec.generatePrivate(spec);
        }

        @Override
        protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> type) throws InvalidKeySpecException {
            return ec.getKeySpec(key, type);
        }

        @Override
        protected Key engineTranslateKey(Key key) throws InvalidKeyException {
            return ec.translateKey(key);
        }
    }
}
