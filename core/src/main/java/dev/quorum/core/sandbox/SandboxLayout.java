package dev.quorum.core.sandbox;

import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the sandbox lives: {@code ~/.quorum/sandbox/} with its inventory, an unpacked etcd
 * binary when one came from a tarball, and one folder per member (data, certificates, log, pid).
 * Its CA is an ordinary cluster CA under {@code ~/.quorum/clusters/sandbox/pki}.
 */
public record SandboxLayout(QuorumHome home) {
    public static final String CLUSTER_NAME = "sandbox";
    /** All of 127/8 is loopback on Linux: three addresses, so every member keeps etcd's own ports. */
    public static final List<SandboxMember> MEMBERS = List.of(
            new SandboxMember("sandbox1", "etcd1", "127.77.0.1"),
            new SandboxMember("sandbox2", "etcd2", "127.77.0.2"),
            new SandboxMember("sandbox3", "etcd3", "127.77.0.3"));

    public Path root() {
        return home.root().resolve("sandbox");
    }

    public Path inventoryFile() {
        return root().resolve("inventory").resolve("hosts.yaml");
    }

    /** Whether {@code inventory} is this sandbox's own inventory file (as given on a command line or opened in the app). */
    public boolean isInventory(Path inventory) {
        return inventory.toAbsolutePath().normalize().equals(inventoryFile().toAbsolutePath().normalize());
    }

    public Path binDir() {
        return root().resolve("bin");
    }

    public Path memberDir(SandboxMember member) {
        return root().resolve("members").resolve(member.memberName());
    }

    public Path dataDir(SandboxMember member) {
        return memberDir(member).resolve("data");
    }

    public Path certDir(SandboxMember member) {
        return memberDir(member).resolve("ssl");
    }

    public Path logFile(SandboxMember member) {
        return memberDir(member).resolve("etcd.log");
    }

    public Path pidFile(SandboxMember member) {
        return memberDir(member).resolve("etcd.pid");
    }

    public List<SandboxMember> members() {
        return MEMBERS;
    }

    public Optional<SandboxMember> member(String hostName) {
        return MEMBERS.stream().filter(m -> m.hostName().equals(hostName)).findFirst();
    }

    public SandboxMember requireMember(String hostName) {
        return member(hostName).orElseThrow(() -> new IllegalArgumentException("no sandbox member on " + hostName));
    }

    public List<String> hostNames() {
        return MEMBERS.stream().map(SandboxMember::hostName).toList();
    }

    /** etcd's {@code --initial-cluster}: every member's name and peer URL. */
    public String initialCluster() {
        return String.join(",", MEMBERS.stream().map(m -> m.memberName() + "=" + m.peerUrl()).toList());
    }
}
