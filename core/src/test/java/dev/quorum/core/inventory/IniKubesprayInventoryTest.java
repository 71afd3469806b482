package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An INI inventory gives the same {@link Inventory} as the YAML inventory it corresponds to. */
class IniKubesprayInventoryTest {
    @TempDir
    Path dir;

    private static void assertSameCluster(Inventory ini, Inventory yaml) {
        assertThat(ini.hosts()).isEqualTo(yaml.hosts());
        assertThat(ini.etcdMembers()).isEqualTo(yaml.etcdMembers());
        assertThat(ini.etcd()).isEqualTo(yaml.etcd());
        assertThat(ini.vars()).isEqualTo(yaml.vars());
        assertThat(ini.clusterName()).isEqualTo(yaml.clusterName());
    }

    @Test
    void kubespraySampleReadsAsItsYamlTwinWithTheSameGroupVars() {
        Inventory ini = TestInventories.reader().read(TestInventories.fixture("kubespray-sample/inventory.ini"));
        Inventory yaml = TestInventories.reader().read(TestInventories.fixture("kubespray-sample/hosts.yaml"));
        assertSameCluster(ini, yaml);
        assertThat(ini.etcdMembers()).extracting(EtcdMember::memberName).containsExactly("etcd1", "etcd2", "etcd3");
        assertThat(ini.vars()).containsEntry("etcd_deployment_type", "host");
        assertThat(ini.host("node4").orElseThrow().vars()).containsEntry("kube_version", "v1.28.6");
        assertThat(ini.source()).isEqualTo(TestInventories.fixture("kubespray-sample/inventory.ini"));
    }

    @Test
    void currentSampleLayoutWithEtcdChildrenOfTheControlPlane() {
        Path ini = TestInventories.write(dir, "ini/inventory.ini", """
                # This inventory describes a HA topology with stacked etcd (== same nodes as control plane)
                [kube_control_plane]
                node1 ansible_host=95.54.0.12 ip=10.3.0.1 etcd_member_name=etcd1
                node2 ansible_host=95.54.0.13 ip=10.3.0.2 etcd_member_name=etcd2
                node3 ansible_host=95.54.0.14 ip=10.3.0.3 etcd_member_name=etcd3

                [etcd:children]
                kube_control_plane

                [kube_node]
                node4 ansible_host=95.54.0.15 ip=10.3.0.4

                [k8s_cluster:children]
                kube_control_plane
                kube_node

                [etcd:vars]
                etcd_election_timeout=2000
                etcd_heartbeat_interval=200
                """);
        Path yaml = TestInventories.write(dir, "yaml/hosts.yaml", """
                all:
                  children:
                    kube_control_plane:
                      hosts:
                        node1: {ansible_host: 95.54.0.12, ip: 10.3.0.1, etcd_member_name: etcd1}
                        node2: {ansible_host: 95.54.0.13, ip: 10.3.0.2, etcd_member_name: etcd2}
                        node3: {ansible_host: 95.54.0.14, ip: 10.3.0.3, etcd_member_name: etcd3}
                    etcd:
                      children:
                        kube_control_plane:
                      vars:
                        etcd_election_timeout: 2000
                        etcd_heartbeat_interval: 200
                    kube_node:
                      hosts:
                        node4: {ansible_host: 95.54.0.15, ip: 10.3.0.4}
                    k8s_cluster:
                      children:
                        kube_control_plane:
                        kube_node:
                """);
        Inventory fromIni = TestInventories.reader().read(ini);
        Inventory fromYaml = TestInventories.reader().read(yaml);
        assertThat(fromIni.hosts()).extracting(InventoryHost::name).containsExactly("node1", "node2", "node3", "node4");
        assertThat(fromIni.hosts()).isEqualTo(fromYaml.hosts());
        assertThat(fromIni.etcdMembers()).isEqualTo(fromYaml.etcdMembers());
        assertThat(fromIni.etcd()).isEqualTo(fromYaml.etcd());
        assertThat(fromIni.vars()).isEqualTo(fromYaml.vars());
        assertThat(fromIni.etcd().electionMillis()).isEqualTo(2000);
        assertThat(fromIni.member("etcd2").orElseThrow().address()).isEqualTo("10.3.0.2");
    }

    @Test
    void legacyGroupNamesAreKeptAsWrittenAsInTheYamlForm() {
        Path ini = TestInventories.write(dir, "legacy/inventory.ini", """
                [kube-master]
                node1 ip=10.0.0.1
                node2 ip=10.0.0.2
                node3 ip=10.0.0.3

                [etcd:children]
                kube-master

                [k8s-cluster:children]
                kube-master
                """);
        TestInventories.write(dir, "legacy/group_vars/k8s-cluster.yml", "kube_network_plugin: calico\n");
        TestInventories.write(dir, "legacy/group_vars/kube-master.yml", "quorum_note: from kube-master\n");
        Inventory inventory = TestInventories.reader().read(ini);
        assertThat(inventory.etcdMembers()).extracting(EtcdMember::address)
                .containsExactly("10.0.0.1", "10.0.0.2", "10.0.0.3");
        // cluster-wide settings come from etcd and its parents only, as for YAML; hosts see all their groups
        assertThat(inventory.vars()).doesNotContainKeys("quorum_note", "kube_network_plugin");
        assertThat(inventory.host("node1").orElseThrow().vars())
                .containsEntry("quorum_note", "from kube-master")
                .containsEntry("kube_network_plugin", "calico");
    }

    @Test
    void theInstallGuidesIniExampleReads() throws IOException {
        String guide = Files.readString(Path.of("../docs/guide/install.md"));
        int start = guide.indexOf("```ini\n") + "```ini\n".length();
        String example = guide.substring(start, guide.indexOf("```", start));
        Inventory inventory = TestInventories.reader().read(TestInventories.write(dir, "mycluster/inventory.ini", example));
        assertThat(inventory.etcdMembers()).extracting(EtcdMember::memberName).containsExactly("etcd1", "etcd2", "etcd3");
        assertThat(inventory.hosts()).extracting(InventoryHost::name)
                .containsExactly("node1", "node2", "node3", "worker01", "worker02", "worker03");
        assertThat(inventory.host("worker02").orElseThrow().ssh().user()).isEqualTo("core");
        assertThat(inventory.etcd().electionMillis()).isEqualTo(2000);
        assertThat(inventory.clusterName()).isEqualTo("mycluster");
    }
}
