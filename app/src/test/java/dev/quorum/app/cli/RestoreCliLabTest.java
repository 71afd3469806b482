package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Snapshots and the refusals of restore through the real CLI, on a healthy three-member cluster:
 * save, list and verify; a missing file, a damaged file, a cluster that still has quorum and an
 * unconfirmed survivor restore are each refused with what to do, and nothing is stopped.
 * (The restore itself is tested in core's RestoreLabTest.)
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreCliLabTest {
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.installed(3);
    static Path saved;

    @BeforeAll
    static void setUp() {
        saved = cli.dir().resolve("saved.db");
    }

    private static List<String> activeEtcd() {
        return lab.hosts().stream().filter(h -> h.exec("systemctl is-active etcd").stdout().strip().equals("active"))
                .map(LabHost::name).toList();
    }

    @Test
    @Order(1)
    void listSaysHowToTakeTheFirstSnapshot() {
        CliContractTest.Run list = cli.quorum("snapshot", "list");

        assertThat(list.exit()).as(list.err()).isZero();
        assertThat(list.out()).contains("No snapshots of cluster")
                .contains("quorum snapshot save -i " + cli.inventory());
    }

    @Test
    @Order(2)
    void savesToAChosenFileAndToTheSnapshotFolder() throws Exception {
        CliContractTest.Run toFile = cli.quorum("snapshot", "save", "-o", saved.toString());
        CliContractTest.Run toStore = cli.quorum("snapshot", "save", "--reason", "before upgrade");

        assertThat(toFile.exit()).as(toFile.out() + toFile.err()).isZero();
        assertThat(toFile.out()).contains("Snapshot saved: " + saved).contains("MB/s").contains("keys")
                .contains("sha256 ");
        assertThat(Files.isRegularFile(saved)).isTrue();
        assertThat(Files.readString(cli.dir().resolve("saved.db.json"))).contains("\"keyCount\"")
                .contains("\"revision\"");
        assertThat(toStore.exit()).as(toStore.out() + toStore.err()).isZero();

        CliContractTest.Run list = cli.quorum("snapshot", "list");
        assertThat(list.out()).contains("before upgrade").contains("REVISION").contains("KEYS")
                .contains("-before-upgrade-from-");
    }

    @Test
    @Order(3)
    void neverOverwritesASnapshot() {
        CliContractTest.Run again = cli.quorum("snapshot", "save", "-o", saved.toString());

        assertThat(again.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.err()).contains("already exists").contains("never overwrites");
    }

    @Test
    @Order(4)
    void verifiesAsEtcdsRestoreDoes() throws Exception {
        Path damaged = cli.dir().resolve("damaged.db");
        byte[] content = Files.readAllBytes(saved);
        content[content.length / 3] ^= 0x10;
        Files.write(damaged, content);

        CliContractTest.Run ok = CliContractTest.run("snapshot", "verify", saved.toString());
        CliContractTest.Run bad = CliContractTest.run("snapshot", "verify", damaged.toString());
        CliContractTest.Run missing = CliContractTest.run("snapshot", "verify",
                cli.dir().resolve("nope.db").toString());

        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("intact").contains("integrity hash matches");
        assertThat(bad.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(bad.err()).contains("is damaged").contains("integrity hash mismatch");
        assertThat(missing.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    @Order(5)
    void restoreRefusesAMissingOrDamagedSnapshotBeforeAnythingIsStopped() {
        CliContractTest.Run missing = cli.quorum("restore", "--snapshot", cli.dir().resolve("nope.db").toString(),
                "--yes");
        CliContractTest.Run damaged = cli.quorum("restore", "--snapshot", cli.dir().resolve("damaged.db").toString(),
                "--yes");
        CliContractTest.Run neither = cli.quorum("restore", "--yes");

        assertThat(missing.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.err()).contains("does not exist").contains("quorum snapshot list");
        assertThat(damaged.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(damaged.err()).contains("is damaged").contains("nothing was stopped");
        assertThat(neither.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(neither.err()).contains("--snapshot").contains("--from-survivor");
        assertThat(activeEtcd()).hasSize(3);
    }

    @Test
    @Order(6)
    void planShowsTheStepsAndThatAClusterWithQuorumIsNotRestored() {
        CliContractTest.Run plan = cli.quorum("restore", "--snapshot", saved.toString(), "--plan");

        assertThat(plan.exit()).isEqualTo(ExitCodes.FAILED);
        String tool = EtcdTarball.get().line().equals("3.4") ? "etcdctl" : "etcdutl";
        assertThat(plan.out()).contains("Plan: restore on cluster").contains(tool + " snapshot restore")
                .contains("--initial-cluster-token").contains("still has quorum");
        assertThat(activeEtcd()).hasSize(3);

        CliContractTest.Run apply = cli.quorum("restore", "--snapshot", saved.toString(), "--yes");
        assertThat(apply.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(apply.err()).contains("still has quorum").contains("as their own hosts report")
                .contains("quorum replace").contains("--roll-back-live-cluster CLUSTER-NAME");
        assertThat(activeEtcd()).hasSize(3);

        CliContractTest.Run wrongName = cli.quorum("restore", "--snapshot", saved.toString(), "--yes",
                "--roll-back-live-cluster", "not-this-one");
        assertThat(wrongName.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(wrongName.err()).contains("--roll-back-live-cluster not-this-one does not name this cluster")
                .contains("type its name: --roll-back-live-cluster ");
        assertThat(activeEtcd()).hasSize(3);
    }

    @Test
    @Order(7)
    void aSurvivorRestoreNeedsItsLoudConfirmation() {
        CliContractTest.Run unknown = cli.quorum("restore", "--from-survivor", "lab9");
        CliContractTest.Run unconfirmed = cli.quorum("restore", "--from-survivor", "lab1");

        assertThat(unknown.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.err()).contains("lab9 is not in the inventory's hosts");
        assertThat(unconfirmed.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(unconfirmed.out()).contains("RESTORE FROM A SURVIVOR").contains("What may be lost");
        assertThat(unconfirmed.err()).contains("cannot ask for confirmation")
                .contains(RestoreCommand.DATA_LOSS_FLAG);
        assertThat(activeEtcd()).hasSize(3);
    }

    @Test
    @Order(8)
    void aWorkingClusterIsRolledBackOnlyWithItsNameTyped() {
        CliContractTest.Run wrongName = cli.quorum("restore", "--snapshot", saved.toString(), "--yes",
                "--roll-back-live-cluster", "x");
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("--roll-back-live-cluster (\\S+)$",
                java.util.regex.Pattern.MULTILINE).matcher(wrongName.err());
        assertThat(named.find()).as(wrongName.err()).isTrue();

        CliContractTest.Run rolledBack = cli.quorum("restore", "--snapshot", saved.toString(), "--yes",
                "--roll-back-live-cluster", named.group(1));

        assertThat(rolledBack.exit()).as(rolledBack.out() + rolledBack.err()).isZero();
        assertThat(rolledBack.out()).contains("rolling it back to the snapshot as confirmed").contains("Restored.");
        assertThat(activeEtcd()).hasSize(3);
        CliContractTest.Run status = cli.quorum("status");
        assertThat(status.exit()).as(status.out() + status.err()).isZero();
        assertThat(status.out()).contains("3/3 healthy");
    }
}
