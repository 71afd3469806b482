package dev.quorum.core.lifecycle.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.certinventory.CertificateInventory;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.certinventory.WorkstationStore;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.StepStatus;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.ExecResult;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kubernetes hosts as etcd clients (decision 0029): lab1-3 are the etcd members, lab1 and lab4 play control
 * planes (lab4 outside the etcd group, with Kubespray's kube user), lab5 a node that is cut off during the first
 * install. After install lab4 holds node-lab4 certificates that verify against ca.pem and work as an etcd client
 * from lab4 itself; the re-run once lab5 answers gives lab5 its files and changes nothing else.
 */
@LabHosts(count = 5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubernetesHostsLabTest {
    private static final String DIR = "/etc/ssl/etcd/ssl";
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    @BeforeAll
    static void inventory() {
        cluster = new LabCluster(lab, dir, Map.of(), 3);
        String lab1 = lab.host(0).name();
        String lab4 = lab.host(3).name();
        String lab5 = lab.host(4).name();
        cluster.editInventory("\n  vars:", "\n    kube_control_plane:\n      hosts:\n        " + lab1 + ":\n        "
                + lab4 + ":\n    kube_node:\n      hosts:\n        " + lab5 + ":\n    k8s_cluster:\n      children:\n"
                + "        kube_control_plane:\n        kube_node:\n  vars:");
        lab.host(3).exec("useradd --system --no-create-home kube").requireOk("add Kubespray's kube user on lab4");
    }

    @Test
    @Order(1)
    void installSucceedsForTheMembersAndNamesTheKubernetesHostItCouldNotReach() {
        LabHost lab5 = lab.host(4);
        lab5.cutLink();
        LabCluster.Outcome outcome;
        try {
            outcome = cluster.install();
        } finally {
            lab5.healLink();
        }

        assertThat(outcome.result().succeeded()).as(outcome.log() + outcome.firstFailure()).isTrue();
        List<RunEvent.TargetOutput> warnings = outcome.events().stream()
                .filter(e -> e instanceof RunEvent.TargetOutput o && o.target().equals(lab5.name()))
                .map(e -> (RunEvent.TargetOutput) e).toList();
        assertThat(warnings).anySatisfy(w -> assertThat(w.line()).contains("NOT reached")
                .contains("node-" + lab5.name() + ".pem"));
        assertThat(outcome.events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(RunEvent.TargetFinished.class,
                f -> assertThat(f.target() + " " + f.message()).startsWith(lab5.name() + " NOT reached")
                        .contains("quorum install -i " + cluster.inventoryFile)));
        assertThat(lab5.fileExists(DIR)).isFalse();
        assertThat(lab5.fileExists("/usr/local/share/ca-certificates/etcd-ca.crt")).isFalse();
    }

    @Test
    @Order(2)
    void theControlPlaneOutsideTheEtcdGroupHoldsKubesprayNamedFilesThatVerifyAgainstTheCa() {
        LabHost lab4 = lab.host(3);
        String cert = DIR + "/node-" + lab4.name() + ".pem";
        String key = DIR + "/node-" + lab4.name() + "-key.pem";

        assertThat(lab4.exec("ls " + DIR).stdout().split("\n")).containsExactlyInAnyOrder(
                "ca.pem", "node-" + lab4.name() + ".pem", "node-" + lab4.name() + "-key.pem");
        assertThat(lab4.exec("stat -c '%U:%G %a %n' " + DIR + " " + DIR + "/ca.pem " + cert + " " + key).stdout())
                .isEqualTo("kube:root 700 " + DIR + "\nkube:root 644 " + DIR + "/ca.pem\nkube:root 640 " + cert
                        + "\nkube:root 600 " + key + "\n");
        ExecResult verified = lab4.exec("openssl verify -CAfile " + DIR + "/ca.pem " + cert);
        assertThat(verified.stdout()).as(verified.stderr()).isEqualTo(cert + ": OK\n");
        assertThat(lab4.exec("openssl x509 -in " + cert + " -noout -subject").stdout())
                .contains("etcd-node-" + lab4.name());
        // The member that is also a control plane gets its own node certificate beside its member files.
        ExecResult memberNode = lab.host(0).exec("openssl verify -CAfile " + DIR + "/ca.pem " + DIR + "/node-"
                + lab.host(0).name() + ".pem");
        assertThat(memberNode.ok()).as(memberNode.stdout() + memberNode.stderr()).isTrue();
        assertThat(lab.host(1).fileExists(DIR + "/node-" + lab.host(1).name() + ".pem")).isFalse();
    }

    @Test
    @Order(3)
    void etcdctlOnTheControlPlaneTalksToEveryMemberWithItsNodeCertificateTrustingTheSystemStore() {
        LabHost lab4 = lab.host(3);
        EtcdTarball tarball = EtcdTarball.get();
        lab4.copyIn(tarball.path(), "/tmp/etcd.tar.gz", "0644");
        lab4.exec("tar -xzf /tmp/etcd.tar.gz -C /tmp " + tarball.topDirectory() + "/etcdctl").requireOk("unpack etcdctl");
        String endpoints = lab.hosts().subList(0, 3).stream().map(h -> "https://" + h.address() + ":2379")
                .collect(Collectors.joining(","));
        String client = "/tmp/" + tarball.topDirectory() + "/etcdctl --dial-timeout=3s --command-timeout=5s"
                + " --endpoints=" + endpoints + " --cert " + DIR + "/node-" + lab4.name() + ".pem --key " + DIR
                + "/node-" + lab4.name() + "-key.pem";

        ExecResult health = lab4.exec(client + " --cacert " + DIR + "/ca.pem endpoint health");
        assertThat(health.ok()).as(health.stdout() + health.stderr()).isTrue();
        assertThat(health.stdout() + health.stderr()).contains("is healthy").doesNotContain("unhealthy");
        // No --cacert: etcdctl trusts the system store, which now holds the etcd CA.
        ExecResult put = lab4.exec(client + " put kube-apiserver-stand-in written-from-lab4");
        assertThat(put.ok()).as(put.stderr()).isTrue();
        assertThat(lab.host(2).exec("etcdctl.sh get kube-apiserver-stand-in --print-value-only").stdout())
                .isEqualTo("written-from-lab4\n");
        assertThat(lab4.readFile("/etc/ssl/certs/ca-certificates.crt"))
                .contains(lab4.readFile(DIR + "/ca.pem").strip().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    @Order(4)
    void onceTheCutOffHostAnswersARerunGivesItsFilesAndChangesNothingElse() {
        LabHost lab5 = lab.host(4);

        LabCluster.Outcome again = cluster.install();

        assertThat(again.result().succeeded()).as(again.log() + again.firstFailure()).isTrue();
        List<String> changed = again.events().stream()
                .filter(e -> e instanceof RunEvent.TargetFinished f && f.status() == StepStatus.CHANGED)
                .map(e -> ((RunEvent.TargetFinished) e).target()).distinct().toList();
        assertThat(changed).as(again.log()).containsExactly(lab5.name());
        assertThat(again.result().summary().changed()).as(again.log()).isEqualTo(2);
        ExecResult verified = lab5.exec("openssl verify -CAfile " + DIR + "/ca.pem " + DIR + "/node-"
                + lab5.name() + ".pem");
        assertThat(verified.ok()).as(verified.stdout() + verified.stderr()).isTrue();
        // No kube user on lab5: the files stay root's.
        assertThat(lab5.exec("stat -c '%U:%G %a' " + DIR + "/node-" + lab5.name() + "-key.pem").stdout())
                .isEqualTo("root:root 600\n");
    }

    @Test
    @Order(5)
    void theCertificateInventoryListsEveryNodeCertificateClean() throws Exception {
        InventoryReport report;
        try (ClusterSession session = cluster.session(cluster.ssh())) {
            report = new CertificateInventory(session.inventory(), session::remote, Duration.ofDays(30),
                    Clock.systemUTC()).collect(WorkstationStore.read(cluster.home.pki(session.inventory().clusterName())));
        }

        assertThat(report.unreachable()).isEmpty();
        List<CertificateRecord> nodes = report.certificates().stream().filter(r -> r.role() == CertificateRole.NODE)
                .toList();
        assertThat(nodes).extracting(CertificateRecord::host).containsExactlyInAnyOrder(
                lab.host(0).name(), lab.host(3).name(), lab.host(4).name());
        assertThat(nodes).allSatisfy(r -> assertThat(r.problems()).as(r.path()).isEmpty());
        assertThat(report.clean()).as(report.certificates().stream().filter(CertificateRecord::needsAction)
                .map(r -> r.host() + " " + r.path() + " " + r.problems()).toList().toString()).isTrue();
    }
}
