package dev.quorum.core.lifecycle;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.Plan;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Plans built without hosts, for the shape tests of every life-cycle. The hosts' addresses are loopback ones
 * nothing listens on, so a builder that reached out would fail there, not send anywhere.
 */
public final class PlanShapes {
    private PlanShapes() {
    }

    /** Hosts node1..node{@code hosts} at 127.88.0.x, the first {@code members} of them in the etcd group. */
    public static ClusterSession offlineSession(Path dir, int hosts, int members) throws IOException {
        return offlineSession(dir, hosts, members, "");
    }

    /** As above, with more groups under {@code all.children} ({@code otherGroups}: YAML lines indented 4). */
    public static ClusterSession offlineSession(Path dir, int hosts, int members, String otherGroups)
            throws IOException {
        Files.createDirectories(dir);
        StringBuilder yaml = new StringBuilder("all:\n  hosts:\n");
        IntStream.rangeClosed(1, hosts).forEach(i -> yaml.append("    node").append(i).append(": {ip: 127.88.0.")
                .append(i).append("}\n"));
        yaml.append("  children:\n    etcd:\n      hosts:\n");
        IntStream.rangeClosed(1, members).forEach(i -> yaml.append("        node").append(i).append(":\n"));
        yaml.append(otherGroups);
        Path file = Files.writeString(dir.resolve("hosts.yaml"), yaml);
        return new ClusterSession(new InventoryReader("tester", Path.of("/home/tester")).read(file),
                new QuorumHome(dir.resolve("home")), new SshConnector(SshOptions.defaults()));
    }

    /** Each step as "StepClass [targets]", in order. */
    public static List<String> shape(Plan plan) {
        return plan.steps().stream().map(s -> s.step().getClass().getSimpleName() + " " + s.targets()).toList();
    }
}
