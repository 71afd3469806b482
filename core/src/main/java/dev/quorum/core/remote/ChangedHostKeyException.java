package dev.quorum.core.remote;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The host presents a key different from the one known_hosts lists. Never accepted
 * automatically: it is what a man-in-the-middle looks like.
 */
public class ChangedHostKeyException extends RemoteException {

    public ChangedHostKeyException(String hostName, String knownHostsName, HostKey key,
                                   Path knownHosts, List<Integer> lines) {
        super("The host key of " + hostName + " (" + knownHostsName + ") has CHANGED: it now presents "
                        + key.type() + " " + key.fingerprint() + ", but " + knownHosts + " lists a different key at "
                        + (lines.size() == 1 ? "line " : "lines ")
                        + lines.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + ". Someone could be intercepting the connection, or the host was reinstalled.",
                "If the change is expected, remove the old entry with: ssh-keygen -R '" + knownHostsName
                        + "' -f " + knownHosts + " and re-run; otherwise do not connect.");
    }
}
