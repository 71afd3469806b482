package dev.quorum.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.InventoryReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header's main / events switch: offered only with the events cluster, and it shows the other cluster whole. */
class ClusterChoiceModelTest {
    @TempDir
    Path dir;

    static ClusterSource read(Path dir, boolean events) throws Exception {
        Path file = dir.resolve("prod").resolve("hosts.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "all:\n  hosts:\n    n1: {ip: 10.0.0.1}\n    n2: {ip: 10.0.0.2}\n    n3: {ip: 10.0.0.3}\n"
                + (events ? "  vars:\n    etcd_events_cluster_enabled: true\n" : "")
                + "  children:\n    etcd:\n      hosts: {n1: {}, n2: {}, n3: {}}\n");
        return new ClusterSource(new InventoryReader().read(file), Optional.empty(), false);
    }

    @Test
    void anInventoryWithoutTheEventsClusterHasNoSwitch() throws Exception {
        List<ClusterSource> shown = new ArrayList<>();
        ClusterChoiceModel model = new ClusterChoiceModel(read(dir, false), shown::add);

        assertThat(model.offered()).isFalse();
        assertThat(model.choices()).containsExactly(ClusterLayout.MAIN);
        model.choose(ClusterLayout.EVENTS);
        assertThat(shown).as("nothing to switch to").isEmpty();
    }

    @Test
    void choosingEventsShowsTheEventsClusterOfTheSameInventory() throws Exception {
        ClusterSource main = read(dir, true);
        List<ClusterSource> shown = new ArrayList<>();
        ClusterChoiceModel model = new ClusterChoiceModel(main, shown::add);

        assertThat(model.offered()).isTrue();
        assertThat(model.choices()).containsExactly(ClusterLayout.MAIN, ClusterLayout.EVENTS);
        assertThat(model.shown()).isEqualTo(ClusterLayout.MAIN);
        model.choose(ClusterLayout.MAIN);
        assertThat(shown).as("the shown cluster is not shown again").isEmpty();

        model.choose(ClusterLayout.EVENTS);

        assertThat(shown).hasSize(1);
        ClusterSource events = shown.get(0);
        assertThat(events.name()).isEqualTo("prod-events");
        assertThat(events.layout()).isEqualTo(ClusterLayout.EVENTS);
        assertThat(events.pkiName()).as("one CA for both").isEqualTo("prod");
        assertThat(events.inventoryFile()).isEqualTo(main.inventoryFile());
        assertThat(events.inventory().etcdMembers()).extracting(m -> m.memberName() + " " + m.clientUrl())
                .containsExactly("etcd1-events https://10.0.0.1:2383", "etcd2-events https://10.0.0.2:2383",
                        "etcd3-events https://10.0.0.3:2383");
        assertThat(events.clusters()).as("the events view switches back too")
                .containsExactly(ClusterLayout.MAIN, ClusterLayout.EVENTS);
        assertThat(events.showing(ClusterLayout.MAIN).inventory()).isEqualTo(main.inventory());
    }

    @Test
    void theSwitchSaysWhichUnitPortAndEnvFileEachClusterHas() throws Exception {
        ClusterChoiceModel model = new ClusterChoiceModel(read(dir, true).showing(ClusterLayout.EVENTS), s -> { });

        assertThat(model.shown()).isEqualTo(ClusterLayout.EVENTS);
        assertThat(model.caption()).contains("prod-events", "etcd-events.service", "client port 2383",
                "/etc/etcd-events.env", "the main cluster's CA");
        assertThat(model.describe(ClusterLayout.MAIN)).contains("prod ", "etcd.service", "client port 2379");
        assertThat(ClusterChoiceModel.words(ClusterLayout.EVENTS)).isEqualTo("events");
    }
}
