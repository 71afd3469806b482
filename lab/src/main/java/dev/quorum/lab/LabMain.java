package dev.quorum.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Boots lab hosts for a person to try Quorum on (scripts/lab-up): writes an inventory and a
 * known_hosts file, then keeps the hosts until Ctrl-C, when it tears them down.
 */
public final class LabMain {
    private LabMain() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/quorum-lab").toAbsolutePath();
        if (!LabPreconditions.isRoot()) {
            System.err.println("lab-up: " + LabPreconditions.NOT_ROOT);
            System.exit(1);
        }
        LabPreconditions.requireTools();
        CountDownLatch stopped = new CountDownLatch(1);
        Lab lab = Lab.start(count);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            lab.close();
            stopped.countDown();
        }, "lab-teardown"));
        EtcdTarball tarball = EtcdTarball.get();
        Path inventory = lab.writeInventory(dir, Map.of("etcd_version", tarball.version(),
                "etcd_download_url", tarball.uri().toString(), "etcd_binary_checksum", tarball.sha256()));
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
        System.out.println("  ssh -i " + lab.privateKey() + " -o UserKnownHostsFile=" + knownHosts + " root@"
                + lab.host(0).address() + " etcdctl.sh member list");
        System.out.println();
        System.out.println("Press Ctrl-C to stop the hosts (everything on them is removed).");
        stopped.await();
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
