package dev.quorum.core.remote;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The host refused every key Quorum offered (or there was no key to offer). */
public class AuthenticationFailedException extends RemoteException {

    public AuthenticationFailedException(String hostName, String user, List<Path> keysTried, Throwable cause) {
        super("SSH login as " + user + " on " + hostName + " failed; keys tried: " + describe(keysTried),
                "Add the public key to ~" + user + "/.ssh/authorized_keys on " + hostName
                        + " (e.g. with ssh-copy-id), or set the right private key file for the host in the inventory.",
                cause);
    }

    private static String describe(List<Path> keys) {
        return keys.isEmpty() ? "none (no private key found)"
                : keys.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
