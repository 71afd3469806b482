package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A written inventory reads back as the same cluster, and an older file is kept aside. */
class InventoryWriterTest {
    @TempDir
    Path dir;

    private static final String SHA = "0123456789abcdef".repeat(4);
    private static final List<NewHost> HOSTS = List.of(
            new NewHost("node1", "10.0.0.11", "root", 22, Optional.empty()),
            new NewHost("node2", "10.0.0.12", "ops", 2222, Optional.of(Path.of("/keys/id_ed25519"))),
            new NewHost("node3", "10.0.0.13", "root", 22, Optional.empty()));

    @Test
    void readsBackAsTheTypedCluster() {
        Path file = InventoryWriter.write(dir.resolve("prod/hosts.yaml"), HOSTS, Map.of("cluster_name", "prod",
                "etcd_version", "v3.4.23", "etcd_binary_checksum", SHA));

        Inventory read = new InventoryReader("me", dir).read(file);

        assertThat(read.clusterName()).isEqualTo("prod");
        assertThat(read.etcdMembers()).extracting(EtcdMember::hostName, EtcdMember::memberName, EtcdMember::address)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node1", "etcd1", "10.0.0.11"),
                        org.assertj.core.groups.Tuple.tuple("node2", "etcd2", "10.0.0.12"),
                        org.assertj.core.groups.Tuple.tuple("node3", "etcd3", "10.0.0.13"));
        InventoryHost node2 = read.host("node2").orElseThrow();
        assertThat(node2.ssh().user()).isEqualTo("ops");
        assertThat(node2.ssh().port()).isEqualTo(2222);
        assertThat(node2.ssh().privateKey()).contains(Path.of("/keys/id_ed25519"));
        assertThat(read.etcd().version()).isEqualTo("v3.4.23");
        assertThat(read.etcd().binaryChecksum()).contains(SHA);
    }

    @Test
    void aNumberLikeValueStaysText() {
        String yaml = InventoryWriter.render(HOSTS.subList(0, 1), Map.of("etcd_binary_checksum", "0123"));
        assertThat(yaml).contains("etcd_binary_checksum: \"0123\"").doesNotContain("ansible_port");
    }

    @Test
    void anOlderDifferentFileIsMovedAsideAndAnEqualOneLeftAlone() throws Exception {
        Path file = dir.resolve("hosts.yaml");
        Files.writeString(file, "all: {}\n");

        InventoryWriter.write(file, HOSTS, Map.of());
        InventoryWriter.write(file, HOSTS, Map.of());

        try (Stream<Path> files = Files.list(dir)) {
            List<Path> aside = files.filter(p -> p.getFileName().toString().startsWith("hosts.yaml.old-")).toList();
            assertThat(aside).hasSize(1);
            assertThat(Files.readString(aside.get(0))).isEqualTo("all: {}\n");
        }
        assertThat(Files.readString(file)).contains("node3");
    }
}
