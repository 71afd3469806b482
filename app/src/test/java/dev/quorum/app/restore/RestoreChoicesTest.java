package dev.quorum.app.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.app.snapshots.FakeSnapshots;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore wizard's gates: a file checked as typed, the hosts from the inventory, the typed confirmation. */
class RestoreChoicesTest {
    @TempDir
    Path dir;
    private QuorumHome home;
    private Path inventory;
    private RestoreChoices choices;

    /** A Quorum home under {@code dir} that manages cluster demo (its CA present, as the wizard requires). */
    static QuorumHome managingDemo(Path dir) throws java.io.IOException {
        QuorumHome managing = new QuorumHome(dir.resolve("home"));
        Files.createDirectories(managing.pki("demo"));
        Files.writeString(managing.pki("demo").resolve("ca.pem"), "not read by these checks\n");
        return managing;
    }

    @BeforeEach
    void managedCluster() throws Exception {
        home = managingDemo(dir);
        inventory = Files.writeString(dir.resolve("hosts.yaml"), "all:\n  hosts:\n"
                + "    a:\n      ip: 10.0.0.1\n    b:\n      ip: 10.0.0.2\n    c:\n      ip: 10.0.0.3\n"
                + "  children:\n    etcd:\n      hosts:\n        a:\n        b:\n        c:\n  vars:\n    cluster_name: demo\n");
        choices = new RestoreChoices(new WizardServices(new SynchronousTaskExecutor(), home, SshOptions.defaults(),
                event -> { }));
        choices.inventory().pathProperty().set(inventory.toString());
    }

    @Test
    void theInventoryDecidesTheHostsAndTheStoreOffersItsSnapshots() throws Exception {
        assertThat(choices.hosts()).containsExactly("a", "b", "c");
        FakeSnapshots.write(home.snapshots("demo").resolve("s1.db"), Instant.now(), "manual", 5, 2);
        choices.inventory().pathProperty().set("");
        choices.inventory().pathProperty().set(inventory.toString());
        assertThat(choices.saved()).extracting(p -> p.getFileName().toString()).containsExactly("s1.db");
    }

    @Test
    void aDamagedFileIsRefusedWithItsReasonAndAGoodOneAccepted() throws Exception {
        Path good = FakeSnapshots.write(dir.resolve("good.db"), Instant.now(), "manual", 5, 2).file();
        Path bad = dir.resolve("bad.db");
        Files.copy(good, bad);
        Files.copy(Path.of(good + ".json"), Path.of(bad + ".json"));
        FakeSnapshots.flipByte(bad);

        assertThat(choices.sourceReason().get()).startsWith("Choose a snapshot");
        choices.snapshotPathProperty().set(bad.toString());
        assertThat(choices.sourceReason().get()).startsWith("Damaged, do not restore from it: sha256 ");

        choices.snapshotPathProperty().set(dir.resolve("nope.db").toString());
        assertThat(choices.sourceReason().get()).isEqualTo("The file does not exist.");

        choices.snapshotPathProperty().set(good.toString());
        assertThat(choices.sourceReason().get()).isEmpty();
        assertThat(choices.request().snapshot()).contains(good);
    }

    @Test
    void membersTypedAsGoneForGoodAreDeclaredLostInTheRequestAsTheCliDoes() {
        choices.snapshotPathProperty().set(dir.resolve("any.db").toString());
        assertThat(choices.request().declaredLost()).as("nothing is declared unless typed").isEmpty();

        choices.declaredLostProperty().set(" etcd2, etcd3 c ");

        assertThat(choices.request().declaredLost()).containsExactlyInAnyOrder("etcd2", "etcd3", "c");
        assertThat(choices.request().rollBackLive()).as("never implied").isFalse();
    }

    @Test
    void revisionsAreRaisedUnlessUntickedAsKeepRevisionsDoes() {
        choices.snapshotPathProperty().set(dir.resolve("any.db").toString());
        assertThat(choices.raiseRevisionsProperty().get()).as("ticked when the wizard opens").isTrue();
        assertThat(choices.request().keepRevisions()).isFalse();

        choices.raiseRevisionsProperty().set(false);

        assertThat(choices.request().keepRevisions()).isTrue();
        assertThat(choices.request().declaringLost(java.util.Set.of("etcd2")).keepRevisions())
                .as("kept through the request's other changes").isTrue();
    }

    @Test
    void aRawDatabaseNeedsTheHashCheckSkippedOnPurpose() throws Exception {
        byte[] db = new byte[4096];
        java.nio.ByteBuffer.wrap(db, 16, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0xED0CDAED);
        Path raw = Files.write(dir.resolve("member-db"), db);

        choices.snapshotPathProperty().set(raw.toString());
        assertThat(choices.sourceReason().get()).startsWith("A raw database without integrity hash");
        choices.skipHashCheckProperty().set(true);
        assertThat(choices.sourceReason().get()).isEmpty();
        assertThat(choices.request().skipHashCheck()).isTrue();
    }

    @Test
    void confirmationNeedsTheClusterNameOrTheSurvivorHost() {
        assertThat(choices.expectedConfirmation()).isEqualTo("demo");
        assertThat(choices.confirmReason().get()).isEqualTo("Type demo to confirm.");
        choices.typedProperty().set("dem");
        assertThat(choices.confirmReason().get()).isNotEmpty();
        choices.typedProperty().set("demo");
        assertThat(choices.confirmReason().get()).isEmpty();

        choices.sourceProperty().set(RestoreChoices.Source.SURVIVOR);
        assertThat(choices.sourceReason().get()).startsWith("Choose the surviving member");
        choices.survivorProperty().set("b");
        assertThat(choices.sourceReason().get()).isEmpty();
        assertThat(choices.confirmReason().get()).as("the cluster name no longer confirms").isEqualTo("Type b to confirm.");
        choices.typedProperty().set("b");
        assertThat(choices.confirmReason().get()).isEmpty();
        assertThat(choices.request().survivor()).contains("b");
        assertThat(RestoreWarning.text(choices)).contains("STOPPED on every host (a, b, c)")
                .contains("What may be LOST").contains("MOVED ASIDE").contains("NEW member ID");
    }

    @Test
    void theSnapshotWarningSaysLaterWritesAreLost() throws Exception {
        Path good = FakeSnapshots.write(dir.resolve("good.db"), Instant.now(), "manual", 5, 2).file();
        choices.snapshotPathProperty().set(good.toString());
        assertThat(RestoreWarning.text(choices)).contains("AFTER the snapshot " + good).contains("is LOST")
                .doesNotContain("What may be LOST");
        assertThat(Optional.of(choices.request().skipHashCheck())).contains(false);
        assertThat(RestoreWarning.text(choices)).contains("Revisions are RAISED past the old cluster's");

        choices.raiseRevisionsProperty().set(false);

        assertThat(RestoreWarning.text(choices)).contains("Revisions are KEPT")
                .contains("restart kube-apiserver and every client that watches etcd");
    }
}
