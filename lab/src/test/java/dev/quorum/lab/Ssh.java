package dev.quorum.lab;

import java.nio.file.Path;
import java.util.List;

/** The OpenSSH client, the way an operator (or the tool) reaches a lab host from the root namespace. */
final class Ssh {

    private Ssh() {
    }

    static ExecResult run(Lab lab, LabHost host, String user, Path knownHosts, String command) {
        return Commands.run(List.of("ssh", "-i", lab.privateKey().toString(),
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                "-o", "ConnectTimeout=3", "-o", "LogLevel=ERROR",
                user + "@" + host.address(), command), 60);
    }

    static ExecResult root(Lab lab, LabHost host, String command) {
        return run(lab, host, "root", lab.knownHosts(), command);
    }
}
