package dev.quorum.app.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.app.snapshots.FakeSnapshots;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore wizard opened on the events cluster's view (decision 0047): it offers the events cluster's snapshots,
 * never the main cluster's, asks for the events cluster's name and names etcd-events and its data dir.
 */
class RestoreChoicesEventsTest {
    private static final String HOSTS = "all:\n  hosts:\n"
            + "    a:\n      ip: 10.0.0.1\n    b:\n      ip: 10.0.0.2\n    c:\n      ip: 10.0.0.3\n"
            + "  children:\n    etcd:\n      hosts:\n        a:\n        b:\n        c:\n  vars:\n    cluster_name: demo\n";
    @TempDir
    Path dir;
    private QuorumHome home;
    private RestoreChoices choices;

    @BeforeEach
    void managedClusterWithSnapshotsOfBoth() throws Exception {
        home = RestoreChoicesTest.managingDemo(dir);
        FakeSnapshots.write(home.snapshots("demo").resolve("main.db"), Instant.now(), "manual", 5, 2);
        FakeSnapshots.write(home.snapshots("demo-events").resolve("events.db"), Instant.now(), "manual", 5, 2);
        choices = new RestoreChoices(new WizardServices(new SynchronousTaskExecutor(), home, SshOptions.defaults(),
                event -> { }, ClusterLayout.EVENTS));
    }

    private void inventory(boolean eventsEnabled) throws Exception {
        Path file = Files.writeString(dir.resolve("hosts.yaml"), HOSTS
                + (eventsEnabled ? "    etcd_events_cluster_enabled: true\n" : ""));
        choices.inventory().pathProperty().set(file.toString());
    }

    @Test
    void theEventsClustersSnapshotsNameAndFilesAreTheOnesShown() throws Exception {
        inventory(true);

        assertThat(choices.saved()).extracting(p -> p.getFileName().toString()).containsExactly("events.db");
        assertThat(choices.hosts()).containsExactly("a", "b", "c");
        assertThat(choices.expectedConfirmation()).isEqualTo("demo-events");
        choices.snapshotPathProperty().set(choices.saved().get(0).toString());
        assertThat(choices.sourceReason().get()).isEmpty();
        assertThat(RestoreWarning.text(choices)).startsWith("etcd-events is STOPPED on every host (a, b, c)")
                .contains("/var/lib/etcd-events.before-restore-TIME");
    }

    @Test
    void anInventoryWithoutTheEventsClusterOffersNothingToRestore() throws Exception {
        inventory(false);

        assertThat(choices.saved()).isEmpty();
        assertThat(choices.hosts()).isEmpty();
        assertThat(choices.expectedConfirmation()).isEmpty();
        assertThat(choices.sourceReason().get()).contains("does not enable the events cluster",
                "etcd_events_cluster_enabled");
    }
}
