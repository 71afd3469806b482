package dev.quorum.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory field's reasons, as typed. */
class InventoryChoiceTest {
    @TempDir
    Path dir;

    private InventoryChoice choice(boolean managed) {
        return new InventoryChoice(new SynchronousTaskExecutor(), new QuorumHome(dir.resolve("home")), managed);
    }

    @Test
    void emptyMissingAndFolderPathsSayWhatToDo() throws Exception {
        InventoryChoice choice = choice(false);
        assertThat(choice.reasonProperty().get()).isEqualTo("Choose the cluster's Kubespray inventory file (hosts.yaml).");

        choice.pathProperty().set(dir.resolve("nope.yaml").toString());
        assertThat(choice.reasonProperty().get()).startsWith("No such file: ").endsWith("choose the file with Browse.");
        assertThat(choice.inventoryProperty().get()).isNull();

        choice.pathProperty().set(dir.toString());
        assertThat(choice.reasonProperty().get()).endsWith("choose the inventory file inside it, usually hosts.yaml.");
    }

    @Test
    void anInventoryWithoutEtcdGroupShowsTheReadersReason() throws Exception {
        Path file = Files.writeString(dir.resolve("hosts.yaml"), "all:\n  hosts:\n    a:\n      ip: 10.0.0.1\n");
        InventoryChoice choice = choice(false);

        choice.pathProperty().set(file.toString());

        assertThat(choice.reasonProperty().get()).contains("has no etcd group");
        assertThat(choice.inventoryProperty().get()).isNull();
    }

    @Test
    void aGoodInventoryIsReadAndAManagedOneNeedsItsCertificates() throws Exception {
        Path file = Files.writeString(dir.resolve("hosts.yaml"), "all:\n  hosts:\n    a:\n      ip: 10.0.0.1\n"
                + "  children:\n    etcd:\n      hosts:\n        a:\n  vars:\n    cluster_name: demo\n");
        InventoryChoice plain = choice(false);
        plain.pathProperty().set(file.toString());
        assertThat(plain.reasonProperty().get()).isEmpty();
        assertThat(plain.inventoryProperty().get().clusterName()).isEqualTo("demo");
        assertThat(InventoryPage.describe(plain.inventoryProperty().get())).startsWith("Cluster demo: etcd group a");

        InventoryChoice managed = choice(true);
        managed.pathProperty().set(file.toString());
        assertThat(managed.reasonProperty().get()).contains("no certificates for cluster demo").contains("install it first");
    }
}
