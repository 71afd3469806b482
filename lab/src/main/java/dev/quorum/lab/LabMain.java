package dev.quorum.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Boots lab hosts for a person to try Quorum on (scripts/lab-up COUNT DIR SPARE): writes an
 * inventory (the last SPARE hosts outside the etcd group, to add or replace members with) and a
 * known_hosts file, then keeps the hosts until Ctrl-C, when it tears them down.
 */
public final class LabMain {
    private LabMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/quorum-lab").toAbsolutePath();
        int spare = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        if (spare < 0 || spare >= count) {
            System.err.println("lab-up: SPARE must be 0.." + (count - 1) + " (the hosts outside the etcd group)");
            System.exit(2);
        }
        if (!LabPreconditions.isRoot()) {
            System.err.println("lab-up: " + LabPreconditions.NOT_ROOT);
            System.exit(1);
        }
        LabPreconditions.requireTools();
        // Ctrl-C stops the JVM; the lab's own shutdown guard then tears it down, and only after
        // that removes the scripts the teardown runs (a second hook here would race with it).
        Lab lab = Lab.start(count);
        EtcdTarball tarball = EtcdTarball.get();
        Path inventory = lab.writeInventory(dir, Map.of("etcd_version", tarball.version(),
                "etcd_download_url", tarball.uri().toString(), "etcd_binary_checksum", tarball.sha256()), count - spare);
        Path knownHosts = copy(lab.knownHosts(), dir.resolve("known_hosts"));
        System.out.println(count + " lab hosts are up:");
        for (LabHost host : lab.hosts()) {
            System.out.println("  " + host.name() + "  " + host.address());
        }
        System.out.println();
        System.out.println("Inventory:   " + inventory);
        System.out.println("known_hosts: " + knownHosts);
        System.out.println();
        System.out.println("In another terminal:");
        System.out.println("  ./quorum install -i " + inventory + " --known-hosts " + knownHosts);
        System.out.println("  ./quorum status  -i " + inventory + " --known-hosts " + knownHosts);
        if (spare > 0) {
            String first = lab.host(0).name();
            String spareHost = lab.host(count - spare).name();
            System.out.println("  ./quorum add     -i " + inventory + " --known-hosts " + knownHosts + " --host " + spareHost);
            System.out.println("  ./quorum replace -i " + inventory + " --known-hosts " + knownHosts + " --member "
                    + first + " --with " + spareHost + "   # instead of add");
        }
        System.out.println("  ssh -i " + lab.privateKey() + " -o UserKnownHostsFile=" + knownHosts + " root@"
                + lab.host(0).address() + " etcdctl.sh member list");
        System.out.println();
        System.out.println("Press Ctrl-C to stop the hosts (everything on them is removed).");
        new CountDownLatch(1).await();
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
