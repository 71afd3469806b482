package dev.quorum.core.remote;

import java.nio.file.Path;

/**
 * The host presents a key that known_hosts marks {@code @revoked}: the key is known to be
 * compromised or retired, so it is refused whatever other lines say about the host.
 */
public class RevokedHostKeyException extends RemoteException {

    public RevokedHostKeyException(String hostName, String knownHostsName, HostKey key, Path knownHosts, int line) {
        super("The host key of " + hostName + " (" + knownHostsName + "), " + key.type() + " " + key.fingerprint()
                        + ", is REVOKED: " + knownHosts + " marks it @revoked at line " + line
                        + ". Quorum does not connect with a revoked key.",
                "Give the host a new host key (ssh-keygen -A after removing the old keys in /etc/ssh), check "
                        + "it out of band and add it to " + knownHosts + "; never remove the @revoked line to get in.");
    }
}
