package dev.quorum.core.inventory;

import dev.quorum.core.remote.JumpHost;
import dev.quorum.core.remote.SshTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds an {@link InventoryHost} from its variables. The address others use is Kubespray's
 * {@code etcd_access_address}: {@code access_ip}, else {@code ip}, else {@code ansible_host}, else the
 * inventory name; etcd listens on {@code ip} ({@link StackAddresses}, also for IPv6). SSH goes to {@code ansible_host} (else the name) on {@code ansible_port} (22) as
 * {@code ansible_user} (else the local user) with {@code ansible_ssh_private_key_file}, if any. The older
 * {@code ansible_ssh_host}, {@code ansible_ssh_port}, {@code ansible_ssh_user} and
 * {@code ansible_private_key_file} spellings are accepted too. Addresses and users are checked against
 * {@link InventoryRules} here, once, so nothing later has to wonder what they might contain. The host is reached
 * through the bastion its {@code ansible_ssh_common_args} declares (see {@link JumpArgs}), else through the
 * inventory's Kubespray bastion, if any.
 */
final class HostReader {
    private static final List<String> ADDRESSES = List.of("access_ip", "ip", "ansible_host", "ansible_ssh_host");
    private static final List<String> USERS = List.of("ansible_user", "ansible_ssh_user");
    private final String defaultUser;
    private final LocalPaths paths;
    private final JumpArgs jumpArgs;

    HostReader(String defaultUser, LocalPaths paths) {
        this.defaultUser = defaultUser;
        this.paths = paths;
        this.jumpArgs = new JumpArgs(defaultUser, paths);
    }

    /** @param bastion the inventory's Kubespray bastion, for hosts whose ssh arguments declare no jump */
    InventoryHost read(String name, VariableScope scope, Optional<JumpHost> bastion) {
        String owner = "of host " + name + " ";
        for (String variable : ADDRESSES) {
            scope.text(variable).ifPresent(value -> scope.checked(variable, owner, value, InventoryRules::address,
                    "Give the host's IP address (for example 10.0.0.11) or its DNS name (node1.example.com)"));
        }
        for (String variable : USERS) {
            scope.text(variable).ifPresent(value -> scope.checked(variable, owner, value, InventoryRules::userName,
                    "Give the user Quorum logs in as over SSH, for example ubuntu or root"));
        }
        Optional<String> sshHost = first(scope, "ansible_host", "ansible_ssh_host");
        StackAddresses.Picked addresses = StackAddresses.of(scope, name, sshHost);
        String user = first(scope, "ansible_user", "ansible_ssh_user").orElse(defaultUser);
        Optional<Path> key = first(scope, "ansible_ssh_private_key_file", "ansible_private_key_file")
                .map(paths::resolve);
        Optional<JumpHost> jump = jumpArgs.read(scope, owner).map(JumpArgs.Declared::jump).orElse(bastion);
        SshTarget ssh = new SshTarget(sshHost.orElse(name), port(scope), user, key, jump);
        return new InventoryHost(name, addresses.address(), ssh, scope.kept(), addresses.bindAddress(),
                addresses.otherAddresses());
    }

    private static int port(VariableScope scope) {
        String name = scope.isSet("ansible_port") || !scope.isSet("ansible_ssh_port") ? "ansible_port" : "ansible_ssh_port";
        int port = scope.integer(name).orElse(22);
        if (port < 1 || port > 65535) {
            throw scope.problem(name, "is " + port + ", which is not a TCP port",
                    "Give the SSH port of the host, a number from 1 to 65535 (usually 22)");
        }
        return port;
    }

    private static Optional<String> first(VariableScope scope, String... names) {
        return Stream.of(names).map(scope::text).flatMap(Optional::stream).findFirst();
    }
}
