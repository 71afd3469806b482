package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kubespray's etcd-events cluster as the inventory gives it: the same hosts, the events layout (decision 0038). */
class EventsClusterInventoryTest {
    @TempDir
    Path dir;

    private Inventory read(String etcdVars) throws Exception {
        Path file = Files.writeString(dir.resolve("hosts.yaml"), "all:\n  hosts:\n"
                + "    node1: {ip: 10.0.0.1}\n    node2: {ip: 10.0.0.2}\n    node3: {ip: 10.0.0.3}\n"
                + "  children:\n    etcd:\n      hosts:\n        node1:\n        node2:\n        node3:\n"
                + etcdVars);
        return new InventoryReader("tester", Path.of("/home/tester")).read(file);
    }

    @Test
    void withoutTheVariableThereIsOnlyTheMainClusterAndAskingForEventsSaysWhatToSet() throws Exception {
        Inventory main = read("");

        assertThat(main.layout()).isEqualTo(ClusterLayout.MAIN);
        assertThat(main.eventsCluster()).isEmpty();
        assertThat(main.cluster(ClusterLayout.MAIN)).isSameAs(main);
        assertThatThrownBy(() -> main.cluster(ClusterLayout.EVENTS)).isInstanceOf(InventoryException.class)
                .hasMessageContaining("etcd_events_cluster_enabled: true");
    }

    @Test
    void theEventsClusterIsTheSameHostsWithKubesprayEventsNamesPortsDataDirAndToken() throws Exception {
        Inventory main = read("      vars:\n        etcd_events_cluster_enabled: true\n");

        Inventory events = main.eventsCluster().orElseThrow();

        assertThat(events.layout()).isEqualTo(ClusterLayout.EVENTS);
        assertThat(events.etcdMembers()).extracting(EtcdMember::memberName)
                .containsExactly("etcd1-events", "etcd2-events", "etcd3-events");
        assertThat(events.etcdMembers()).extracting(EtcdMember::hostName).containsExactly("node1", "node2", "node3");
        assertThat(events.etcdMembers().get(0).clientUrl()).isEqualTo("https://10.0.0.1:2383");
        assertThat(events.etcdMembers().get(0).peerUrl()).isEqualTo("https://10.0.0.1:2382");
        assertThat(events.etcd().dataDir()).isEqualTo("/var/lib/etcd-events");
        assertThat(events.etcd().clusterToken()).isEqualTo("k8s_events_etcd");
        assertThat(events.etcd().certDir()).isEqualTo(main.etcd().certDir());
        assertThat(events.etcd().version()).isEqualTo(main.etcd().version());
        assertThat(events.clusterName()).isEqualTo(main.clusterName() + "-events");
        assertThat(events.pkiName()).isEqualTo(main.clusterName());
        assertThat(main.pkiName()).isEqualTo(main.clusterName());
        assertThat(events.eventsCluster()).isEmpty();
        // The main cluster is untouched by the variable.
        assertThat(main.etcdMembers().get(0).clientUrl()).isEqualTo("https://10.0.0.1:2379");
        assertThat(main.etcd().dataDir()).isEqualTo("/var/lib/etcd");
        assertThat(main.ignoredEtcdVariables()).isEmpty();
    }

    /**
     * kube-apiserver on the control planes reads the events cluster through --etcd-servers-overrides, so the events
     * inventory keeps them (restore/add/replace --cluster events --update-apiservers edit that entry there); the
     * Kubernetes hosts' node certificates and trust stay the main cluster's work.
     */
    @Test
    void theEventsClusterKeepsTheControlPlanesButNotTheKubernetesHosts() throws Exception {
        Path file = Files.writeString(dir.resolve("k8s.yaml"), "all:\n  hosts:\n"
                + "    node1: {ip: 10.0.0.1}\n    node2: {ip: 10.0.0.2}\n    node3: {ip: 10.0.0.3}\n"
                + "    cp1: {ip: 10.0.0.9}\n"
                + "  children:\n    etcd:\n      hosts:\n        node1:\n        node2:\n        node3:\n"
                + "      vars:\n        etcd_events_cluster_enabled: true\n"
                + "    k8s_cluster:\n      children:\n        kube_control_plane:\n          hosts:\n"
                + "            node1:\n            cp1:\n");
        Inventory main = new InventoryReader("tester", Path.of("/home/tester")).read(file);

        Inventory events = main.eventsCluster().orElseThrow();

        assertThat(main.controlPlaneHosts()).containsExactly("node1", "cp1");
        assertThat(events.controlPlaneHosts()).isEqualTo(main.controlPlaneHosts());
        assertThat(main.kubernetesHosts()).contains("node1", "cp1");
        assertThat(events.kubernetesHosts()).isEmpty();
    }

    @Test
    void etcdEventsDataDirIsHonouredAndCheckedWhenRead() throws Exception {
        Inventory main = read("      vars:\n        etcd_events_cluster_enabled: true\n"
                + "        etcd_events_data_dir: /data/etcd-events/\n");

        assertThat(main.eventsCluster().orElseThrow().etcd().dataDir()).isEqualTo("/data/etcd-events");
        assertThatThrownBy(() -> read("      vars:\n        etcd_events_cluster_enabled: true\n"
                + "        etcd_events_data_dir: data/etcd-events\n"))
                .isInstanceOf(InventoryException.class).hasMessageContaining("etcd_events_data_dir");
        assertThatThrownBy(() -> read("      vars:\n        etcd_events_cluster_enabled: perhaps\n"))
                .isInstanceOf(InventoryException.class).hasMessageContaining("etcd_events_cluster_enabled");
    }
}
