package dev.quorum.core.remote;

/** No SSH connection could be opened: refused, timed out, no route or unknown address. */
public class HostUnreachableException extends RemoteException {

    public HostUnreachableException(String hostName, String address, int port, Throwable cause) {
        super("Cannot reach " + hostName + " at " + address + ":" + port + ": " + describe(cause),
                "Check that the host is up, that sshd listens on port " + port
                        + " and that no firewall blocks it, or fix the address/port in the inventory.",
                cause);
    }

    /** For the ways through a bastion, whose messages name both ends. */
    protected HostUnreachableException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    /** The bastion answered but could not open a connection to the host's sshd. */
    static HostUnreachableException behindBastion(String hostName, SshTarget target, JumpHost bastion, Throwable cause) {
        return new HostUnreachableException("Cannot reach " + hostName + " at " + target.address() + ":"
                + target.port() + " through the bastion " + bastion.spec() + ": the bastion could not connect to it ("
                + describe(cause) + ")",
                "Check that " + hostName + " is up and that the bastion reaches its sshd (on the bastion: nc -vz "
                        + target.address() + " " + target.port() + "), or fix the address/port in the inventory.",
                cause);
    }

    static String describe(Throwable cause) {
        String text = cause.getMessage();
        return cause.getClass().getSimpleName() + (text == null ? "" : " (" + text + ")");
    }
}
