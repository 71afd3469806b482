package dev.quorum.core.remote;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;

/**
 * The key exchanges, ciphers and MACs OpenSSH's own client offers by default ({@code ssh -G}, OpenSSH 9), in its
 * order, instead of sshj's lists (decision 0065). sshj puts CBC ciphers and {@code hmac-sha1} first and still offers
 * arcfour, 3DES, blowfish, {@code hmac-md5} and SHA-1 key exchanges: against a stock sshd it settled on
 * {@code aes128-ctr} with {@code hmac-sha1}, where OpenSSH settles on encrypt-then-MAC with SHA-256. A host that
 * Kubespray's Ansible reaches through the system's {@code ssh} is reached with the same offer, no weaker.
 * What sshj cannot do (chacha20-poly1305 without BouncyCastle's provider, decision 0055; UMAC; sntrup761) is left out.
 */
final class OpenSshOffer {
    static final List<String> KEY_EXCHANGES = List.of("curve25519-sha256", "curve25519-sha256@libssh.org",
            "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group-exchange-sha256",
            "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512", "diffie-hellman-group14-sha256");
    static final List<String> CIPHERS = List.of("chacha20-poly1305@openssh.com", "aes128-ctr", "aes192-ctr",
            "aes256-ctr", "aes128-gcm@openssh.com", "aes256-gcm@openssh.com");
    static final List<String> MACS = List.of("umac-64-etm@openssh.com", "umac-128-etm@openssh.com",
            "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com", "hmac-sha1-etm@openssh.com",
            "umac-64@openssh.com", "umac-128@openssh.com", "hmac-sha2-256", "hmac-sha2-512", "hmac-sha1");

    /** Names in a key exchange list that announce protocol extensions rather than name an algorithm: kept. */
    private static final List<String> EXTENSION_MARKERS = List.of("ext-info-", "kex-strict-");
    /** How sshj's message begins when one list has nothing in common with the server's. */
    private static final String NO_SETTLEMENT = "Unable to reach a settlement of";

    private OpenSshOffer() {
    }

    static DefaultConfig applyTo(DefaultConfig config) {
        config.setKeyExchangeFactories(inOrder(config.getKeyExchangeFactories(), KEY_EXCHANGES, true));
        config.setCipherFactories(inOrder(config.getCipherFactories(), CIPHERS, false));
        config.setMACFactories(inOrder(config.getMACFactories(), MACS, false));
        return config;
    }

    /**
     * Refuses, saying so, when {@code failure} is sshj finding nothing in common with the server's lists ("Unable to
     * reach a settlement of Client2ServerCipherAlgorithms: [ours] and [theirs]": sshj's only signal, a message);
     * returns for any other failure, which the caller reports as before.
     */
    static void refuseWhenNoneInCommon(String where, IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.startsWith(NO_SETTLEMENT)) {
                throw new RemoteException("SSH to " + where + " found no SSH algorithms in "
                        + "common with the server for " + message.substring(NO_SETTLEMENT.length()).strip() + " (the first "
                        + "list is Quorum's: what OpenSSH's own client offers by default)",
                        "Allow one of Quorum's in the server's sshd_config (Ciphers, MACs or KexAlgorithms; OpenSSH's "
                                + "defaults do), then reload sshd and run again", failure);
            }
        }
    }

    /** The factories {@code wanted} names, in its order; with {@code keepMarkers}, sshj's extension markers after them. */
    static <T> List<Factory.Named<T>> inOrder(List<Factory.Named<T>> available, List<String> wanted,
                                              boolean keepMarkers) {
        List<Factory.Named<T>> chosen = new ArrayList<>();
        for (String name : wanted) {
            available.stream().filter(f -> f.getName().equals(name)).findFirst().ifPresent(chosen::add);
        }
        if (keepMarkers) {
            available.stream().filter(f -> EXTENSION_MARKERS.stream().anyMatch(f.getName()::startsWith))
                    .forEach(chosen::add);
        }
        return chosen;
    }
}
