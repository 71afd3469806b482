package dev.quorum.core.remote;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** The host refused every key Quorum offered, from files and ssh-agent (or there was no key to offer). */
public class AuthenticationFailedException extends RemoteException {

    /** {@code agent} says what ssh-agent offered, or why it was not asked. */
    public AuthenticationFailedException(String hostName, String user, List<Path> keysTried, String agent,
                                         Throwable cause) {
        super("SSH login as " + user + " on " + hostName + " failed; key files tried: " + describe(keysTried)
                        + "; " + agent,
                "Add the public key to ~" + user + "/.ssh/authorized_keys on " + hostName
                        + " (e.g. with ssh-copy-id), load the private key into ssh-agent (ssh-add), or set the"
                        + " right private key file for the host in the inventory.",
                cause);
    }

    private static String describe(List<Path> keys) {
        return keys.isEmpty() ? "none (no usable private key file)"
                : keys.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
