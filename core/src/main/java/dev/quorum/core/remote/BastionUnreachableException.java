package dev.quorum.core.remote;

/**
 * The bastion itself could not be reached, so no host behind it can be: the message names the bastion
 * and the host that needed it.
 */
public final class BastionUnreachableException extends HostUnreachableException {

    BastionUnreachableException(String hostName, JumpHost bastion, Throwable cause) {
        super("Cannot reach " + hostName + ": its bastion " + bastion.spec() + " is unreachable: "
                        + describe(cause),
                "Check that the bastion " + bastion.address() + " is up, that its sshd listens on port "
                        + bastion.port() + " and that no firewall blocks it from this workstation, or fix the "
                        + "jump host (the inventory's [bastion] group or ansible_ssh_common_args, or --jump).",
                cause);
    }
}
