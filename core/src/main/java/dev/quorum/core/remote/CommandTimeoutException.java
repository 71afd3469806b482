package dev.quorum.core.remote;

import java.time.Duration;

/** A remote command ran longer than allowed and was killed. */
public class CommandTimeoutException extends RemoteException {

    public CommandTimeoutException(String hostName, String what, Duration timeout) {
        super(what + " on " + hostName + " did not finish within " + timeout.toSeconds()
                        + " s and was killed",
                "Check why it is slow on the host (load, network, a stuck service), or allow a longer timeout.");
    }
}
