package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubesprayInventoryTest {
    private final Inventory inventory = TestInventories.reader()
            .read(TestInventories.fixture("kubespray-sample/hosts.yaml"));

    @Test
    void readsEveryHostInOrderAndTheEtcdGroup() {
        assertThat(inventory.hosts()).extracting(InventoryHost::name)
                .containsExactly("node1", "node2", "node3", "node4");
        assertThat(inventory.etcdMembers()).extracting(EtcdMember::hostName)
                .containsExactly("node1", "node2", "node3");
    }

    @Test
    void membersGetKubesprayNamesAndAccessAddresses() {
        assertThat(inventory.etcdMembers()).extracting(EtcdMember::memberName)
                .containsExactly("etcd1", "etcd2", "etcd3");
        EtcdMember first = inventory.member("etcd1").orElseThrow();
        assertThat(first.address()).isEqualTo("10.3.0.1");
        assertThat(first.peerUrl()).isEqualTo("https://10.3.0.1:2380");
        assertThat(first.host().ssh().address()).isEqualTo("95.54.0.12");
        assertThat(first.host().ssh().port()).isEqualTo(22);
        assertThat(first.host().ssh().user()).isEqualTo(TestInventories.USER);
        assertThat(first.host().ssh().privateKey()).isEmpty();
    }

    @Test
    void appliesKubesprayDefaults() {
        EtcdSettings etcd = inventory.etcd();
        assertThat(etcd.version()).isEqualTo(EtcdSettings.DEFAULT_VERSION);
        assertThat(etcd.architecture()).isEqualTo("amd64");
        assertThat(etcd.downloadUrl()).isEqualTo(URI.create(
                "https://github.com/etcd-io/etcd/releases/download/v3.6.14/etcd-v3.6.14-linux-amd64.tar.gz"));
        assertThat(etcd.binaryChecksum()).as("the official release Quorum knows").contains(KnownReleases.sha256(EtcdSettings.DEFAULT_VERSION, "amd64").orElseThrow());
        assertThat(etcd.dataDir()).isEqualTo("/var/lib/etcd");
        assertThat(etcd.certDir()).isEqualTo("/etc/ssl/etcd/ssl");
        assertThat(etcd.binDir()).isEqualTo("/usr/local/bin");
        assertThat(etcd.heartbeatMillis()).isEqualTo(250);
        assertThat(etcd.electionMillis()).isEqualTo(5000);
        assertThat(etcd.certAltNames()).containsExactly(
                "etcd.kube-system.svc.cluster.local", "etcd.kube-system.svc", "etcd.kube-system", "etcd");
        assertThat(etcd.certAltIps()).isEmpty();
        assertThat(etcd.clusterToken()).isEqualTo("k8s_etcd");
    }

    @Test
    void clusterNameIsTheInventoryDirectoryNotKubesprayDnsDomain() {
        // cluster_name: cluster.local lives in group_vars/k8s_cluster, which is not the etcd group's.
        assertThat(inventory.clusterName()).isEqualTo("kubespray-sample");
        assertThat(inventory.source()).isEqualTo(TestInventories.fixture("kubespray-sample/hosts.yaml"));
    }

    @Test
    void keepsVariablesQuorumDoesNotInterpret() {
        assertThat(inventory.vars())
                .containsEntry("etcd_deployment_type", "host")
                .containsEntry("etcd_kubeadm_enabled", false)
                .containsEntry("loadbalancer_apiserver_port", 6443)
                .doesNotContainKey("kube_version");
        InventoryHost node4 = inventory.host("node4").orElseThrow();
        assertThat(node4.vars())
                .containsEntry("kube_version", "v1.28.6")
                .containsEntry("kube_script_dir", "/usr/local/bin/kubernetes-scripts")
                .containsEntry("kube_manifest_dir", "/etc/kubernetes/manifests")
                .containsEntry("ip", "10.3.0.4")
                // filters are beyond Quorum; unused variables keep their text
                .containsEntry("skydns_server",
                        "{{ kube_service_addresses|ipaddr('net')|ipaddr(3)|ipaddr('address') }}");
    }

    @Test
    void theExampleInventoryShippedToUsersParses() {
        Path example = Path.of("../resources/src/main/resources/dev/quorum/resources/examples/kubespray/hosts.yaml");
        Inventory sample = TestInventories.reader().read(example);
        assertThat(sample.hosts()).extracting(InventoryHost::name).containsExactly("node1", "node2", "node3", "node4");
        assertThat(sample.etcdMembers()).extracting(EtcdMember::memberName).containsExactly("etcd1", "etcd2", "etcd3");
        assertThat(sample.etcdMembers()).extracting(EtcdMember::address)
                .containsExactly("10.3.0.1", "10.3.0.2", "10.3.0.3");
        assertThat(sample.etcd().version()).isEqualTo(EtcdSettings.DEFAULT_VERSION);
        assertThat(sample.etcd().binaryChecksum()).isEqualTo(KnownReleases.sha256(EtcdSettings.DEFAULT_VERSION, "amd64"));
        assertThat(sample.clusterName()).isEqualTo("kubespray");
    }
}
