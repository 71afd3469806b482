package dev.quorum.app.wizard;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** For wizard tests without hosts: an inventory "prod" with the events cluster, and services on either cluster. */
public final class EventsInventories {
    private EventsInventories() {
    }

    /** {@code dir/prod/hosts.yaml}: hosts n1..n{@code hosts} on 127.88.0.N (loopback), all in etcd, events enabled. */
    public static Path write(Path dir, int hosts) throws Exception {
        Path file = dir.resolve("prod").resolve("hosts.yaml");
        Files.createDirectories(file.getParent());
        String names = IntStream.rangeClosed(1, hosts).mapToObj(i -> "n" + i + ": {}").collect(Collectors.joining(", "));
        return Files.writeString(file, "all:\n  hosts:\n" + IntStream.rangeClosed(1, hosts)
                .mapToObj(i -> "    n" + i + ": {ip: 127.88.0." + i + "}\n").collect(Collectors.joining())
                + "  vars:\n    etcd_events_cluster_enabled: true\n  children:\n    etcd:\n      hosts: {" + names + "}\n");
    }

    /** Services acting on the inventory's cluster of {@code layout}, synchronously, home under {@code dir}. */
    public static WizardServices services(Path dir, ClusterLayout layout) {
        return new WizardServices(new SynchronousTaskExecutor(), new QuorumHome(dir.resolve("home")),
                SshOptions.defaults(), event -> { }, layout);
    }
}
