package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which hosts get which files at install and adopt, and which Kubernetes hosts are named as left out. */
class KubernetesHostsPlannerTest {
    private static final List<String> ETCD = List.of("etcd1", "etcd2", "etcd3");

    @Test
    void everyReachableKubernetesHostGetsItsNodeFilesAndEveryHostTheSystemTrust() {
        KubernetesHostsPlan plan = KubernetesHostsPlanner.plan(List.of("etcd1", "cp1", "w1"), ETCD, Map.of());

        assertThat(plan.nodeCertificateHosts()).containsExactly("etcd1", "cp1", "w1");
        assertThat(plan.trustHosts()).containsExactly("etcd1", "etcd2", "etcd3", "cp1", "w1");
        assertThat(plan.unreached()).isEmpty();
    }

    @Test
    void anUnreachableKubernetesHostGetsNothingAndIsListedWithWhy() {
        KubernetesHostsPlan plan = KubernetesHostsPlanner.plan(List.of("cp1", "w1", "w2"), ETCD,
                Map.of("w1", "connection timed out", "w2", "no route to host"));

        assertThat(plan.nodeCertificateHosts()).containsExactly("cp1");
        assertThat(plan.trustHosts()).containsExactly("etcd1", "etcd2", "etcd3", "cp1");
        assertThat(plan.unreached()).containsExactly(Map.entry("w1", "connection timed out"),
                Map.entry("w2", "no route to host"));
    }

    @Test
    void anEtcdMemberIsNeverLeftOutHereItsOwnStepsReachItOrFail() {
        KubernetesHostsPlan plan = KubernetesHostsPlanner.plan(List.of("etcd2"), ETCD, Map.of("etcd2", "timeout"));

        assertThat(plan.nodeCertificateHosts()).containsExactly("etcd2");
        assertThat(plan.unreached()).isEmpty();
    }

    @Test
    void withoutKubernetesHostsOnlyTheMembersGetTheSystemTrust() {
        KubernetesHostsPlan plan = KubernetesHostsPlanner.plan(List.of(), ETCD, Map.of());

        assertThat(plan.nodeCertificateHosts()).isEmpty();
        assertThat(plan.trustHosts()).containsExactlyElementsOf(ETCD);
    }

    @Test
    void aKubernetesHostHoldsKubesprayNamedFiles() {
        NodeFiles files = NodeFiles.of("/etc/ssl/etcd/ssl", "cp1");

        assertThat(files.all()).containsExactly("/etc/ssl/etcd/ssl/ca.pem", "/etc/ssl/etcd/ssl/node-cp1.pem",
                "/etc/ssl/etcd/ssl/node-cp1-key.pem");
        assertThat(List.of(NodeFiles.DIR_MODE, NodeFiles.CA_MODE, NodeFiles.CERT_MODE, NodeFiles.KEY_MODE))
                .containsExactly("0700", "0644", "0640", "0600");
    }

    @Test
    void theTrustStoreFollowsTheToolTheHostHas() {
        assertThat(TrustStore.of("debian\nDebian GNU/Linux 12 (bookworm)\n")).isEqualTo(TrustStore.DEBIAN);
        assertThat(TrustStore.DEBIAN.anchor()).isEqualTo("/usr/local/share/ca-certificates/etcd-ca.crt");
        assertThat(TrustStore.of("rhel\nRocky Linux 9.4\n")).isEqualTo(TrustStore.RHEL);
        assertThat(TrustStore.RHEL.anchor()).isEqualTo("/etc/pki/ca-trust/source/anchors/etcd-ca.crt");
        assertThat(TrustStore.RHEL.update()).isEqualTo("update-ca-trust extract");
        assertThat(TrustStore.of("none\nAlpine Linux v3.20\n")).isEqualTo(TrustStore.NONE);
        assertThat(TrustStore.system("none\nAlpine Linux v3.20\n")).isEqualTo("Alpine Linux v3.20");
    }

    @Test
    void ownersAndModesAreReadBackAsStatPrintsThem() {
        FileOwners owners = FileOwners.parse("kube\nkube 640 /etc/ssl/etcd/ssl/node-cp1.pem\n"
                + "root 600 /etc/ssl/etcd/ssl/node-cp1-key.pem\n");

        assertThat(owners.owner()).isEqualTo("kube");
        assertThat(owners.user("/etc/ssl/etcd/ssl/node-cp1-key.pem")).isEqualTo("root");
        assertThat(owners.mode("/etc/ssl/etcd/ssl/node-cp1.pem")).isEqualTo("640");
        assertThat(owners.user("/etc/ssl/etcd/ssl/ca.pem")).isEmpty();
    }
}
