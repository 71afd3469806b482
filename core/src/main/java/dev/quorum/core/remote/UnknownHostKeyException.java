package dev.quorum.core.remote;

import java.nio.file.Path;

/** known_hosts has no entry for the host, and accepting new keys was not asked for. */
public class UnknownHostKeyException extends RemoteException {

    public UnknownHostKeyException(String hostName, String knownHostsName, HostKey key, Path knownHosts) {
        super("The host key of " + hostName + " (" + knownHostsName + ") is not in " + knownHosts
                        + ": it presents " + key.type() + " " + key.fingerprint(),
                "Check that fingerprint with the host's owner (ssh-keygen -lf on the host's public key), "
                        + "then verify it and re-run with --accept-new-host-keys, or add it with ssh-keyscan.");
    }
}
