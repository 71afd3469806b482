package dev.quorum.core.lifecycle.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.RecordingContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.ReleaseFetcher;
import dev.quorum.core.remote.SshConnector;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberCountRuleTest {
    @TempDir
    Path dir;

    @Test
    void oddCountsPassEvenCountsAreRefusedUnlessAllowed() {
        for (int members : List.of(1, 3, 5, 7)) {
            assertThat(MemberCountRule.refusal(members, false)).as("%d members", members).isEmpty();
        }
        for (int members : List.of(2, 4, 6)) {
            assertThat(MemberCountRule.refusal(members, false)).as("%d members", members).isPresent();
            assertThat(MemberCountRule.refusal(members, true)).as("%d members, allowed", members).isEmpty();
        }
    }

    @Test
    void refusalSaysWhyAndWhatToDo() {
        StepFailedException refusal = MemberCountRule.refusal(4, false).orElseThrow();

        assertThat(refusal.getMessage()).isEqualTo("install refuses 4 etcd members: they tolerate 1 failure, no more "
                + "than 3 would, and the extra member is one more machine that can fail (a quorum of 3 instead of 2); "
                + "nothing was changed");
        assertThat(refusal.hint()).isEqualTo("add a host to the etcd group or take one out of it (3 or 5 members suit "
                + "most clusters); to install 4 members anyway, set quorum_allow_even_members: true in the etcd "
                + "group's variables");
    }

    @Test
    void installStepRefusesTwoMembersAndWarnsWhenAllowed() throws Exception {
        assertThatThrownBy(() -> step(2, "").check(new RecordingContext()))
                .isInstanceOf(StepFailedException.class)
                .hasMessageStartingWith("install refuses 2 etcd members: they tolerate 0 failures, no more than 1 would");

        RecordingContext context = new RecordingContext();
        assertThat(step(2, "quorum_allow_even_members: true").check(context).needed()).isFalse();
        assertThat(context.lines).containsExactly("WARN 2 members tolerate 0 failures, no more than 1 would; installing "
                + "them as quorum_allow_even_members asks");

        RecordingContext odd = new RecordingContext();
        assertThat(step(3, "").check(odd).reason()).isEqualTo("3 members, quorum 2, tolerates 1 failure");
        assertThat(odd.lines).isEmpty();
    }

    private ClusterShapeStep step(int members, String vars) throws IOException {
        String hosts = IntStream.rangeClosed(1, members)
                .mapToObj(i -> "    node" + i + ": {ip: 10.0.0." + i + "}").collect(Collectors.joining("\n"));
        String etcd = IntStream.rangeClosed(1, members)
                .mapToObj(i -> "        node" + i + ":").collect(Collectors.joining("\n"));
        Path file = dir.resolve("inventory-" + members + vars.hashCode() + "/hosts.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "all:\n  vars: {" + vars + "}\n  hosts:\n" + hosts + "\n  children:\n    etcd:\n"
                + "      hosts:\n" + etcd + "\n");
        var inventory = new InventoryReader("tester", dir).read(file);
        var cluster = new ClusterSession(inventory, new QuorumHome(dir.resolve("home")),
                new SshConnector(SshOptions.defaults()));
        var session = new LifecycleSession(cluster, new ReleaseFetcher(dir.resolve("cache"), Duration.ofSeconds(1)),
                Duration.ofSeconds(1), inventory.etcdMembers(), InitialClusterState.NEW);
        return new ClusterShapeStep(session);
    }
}
