package dev.quorum.core.remote;

/** No SSH connection could be opened: refused, timed out, no route or unknown address. */
public class HostUnreachableException extends RemoteException {

    public HostUnreachableException(String hostName, String address, int port, Throwable cause) {
        super("Cannot reach " + hostName + " at " + address + ":" + port + ": " + describe(cause),
                "Check that the host is up, that sshd listens on port " + port
                        + " and that no firewall blocks it, or fix the address/port in the inventory.",
                cause);
    }

    private static String describe(Throwable cause) {
        String text = cause.getMessage();
        return cause.getClass().getSimpleName() + (text == null ? "" : " (" + text + ")");
    }
}
