package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kubespray's k8s_cluster as the node certificates need it: children, legacy names, route reflectors. */
class KubernetesHostsTest {
    @TempDir
    Path dir;

    private Inventory read(String name, String text) {
        return TestInventories.reader().read(TestInventories.write(dir, name, text));
    }

    @Test
    void theSampleInventorysChildrenOfK8sClusterInInventoryOrderEtcdMembersIncluded() {
        Inventory inventory = read("hosts.yaml", """
                all:
                  hosts:
                    node1: {ip: 10.0.0.1}
                    node2: {ip: 10.0.0.2}
                    node3: {ip: 10.0.0.3}
                    node4: {ip: 10.0.0.4}
                    rr1: {ip: 10.0.0.5}
                    other: {ip: 10.0.0.6}
                  children:
                    kube_control_plane: {hosts: {node1: , node2: }}
                    kube_node: {hosts: {node4: , node1: }}
                    calico_rr: {hosts: {rr1: }}
                    etcd: {hosts: {node1: , node2: , node3: }}
                    k8s_cluster:
                      children: {kube_control_plane: , kube_node: , calico_rr: }
                """);

        assertThat(inventory.kubernetesHosts()).containsExactly("node1", "node2", "node4", "rr1");
        assertThat(inventory.kubernetesOnlyHosts()).containsExactly("node4", "rr1");
        assertThat(inventory.controlPlaneHosts()).containsExactly("node1", "node2");
    }

    @Test
    void legacyGroupNamesAndGroupsNotNestedUnderK8sClusterCountToo() {
        Inventory inventory = read("inventory.ini", """
                [all]
                cp1 ip=10.0.0.1
                w1 ip=10.0.0.2
                w2 ip=10.0.0.3
                e1 ip=10.0.0.4

                [kube-master]
                cp1

                [kube-node]
                w1

                [k8s-cluster:children]
                kube-master
                kube-node

                [calico-rr]
                w2

                [etcd]
                e1
                """);

        assertThat(inventory.kubernetesHosts()).containsExactly("cp1", "w1", "w2");
        assertThat(inventory.kubernetesOnlyHosts()).containsExactly("cp1", "w1", "w2");
        assertThat(inventory.controlPlaneHosts()).containsExactly("cp1");
    }

    @Test
    void anInventoryWithOnlyTheEtcdGroupHasNoKubernetesHosts() {
        Inventory inventory = read("hosts.yaml", """
                all:
                  hosts:
                    node1: {ip: 10.0.0.1}
                  children:
                    etcd: {hosts: {node1: }}
                """);

        assertThat(inventory.kubernetesHosts()).isEmpty();
    }

    @Test
    void theBastionIsHowHostsAreReachedNotAKubernetesHost() {
        Inventory inventory = read("hosts.yaml", """
                all:
                  hosts:
                    bastion: {ansible_host: 203.0.113.9, ansible_user: ops}
                    node1: {ip: 10.0.0.1}
                    node2: {ip: 10.0.0.2}
                  children:
                    kube_node: {hosts: {bastion: , node2: }}
                    etcd: {hosts: {node1: }}
                """);

        assertThat(inventory.kubernetesHosts()).containsExactly("node2");
    }
}
