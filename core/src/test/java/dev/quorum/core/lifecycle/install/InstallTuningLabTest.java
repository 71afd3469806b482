package dev.quorum.core.lifecycle.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.ExecResult;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Install with Kubespray's etcd tuning variables, then ask the running members whether they honour them: each
 * check is evidence from etcd's behaviour, not from the env file Quorum wrote.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallTuningLabTest {
    private static final int SNAPSHOT_COUNT = 100;
    private static final int CERTIFICATE_DAYS = 400;
    static Lab lab;
    @TempDir
    static Path dir;
    static LabCluster cluster;

    @BeforeAll
    static void install() {
        cluster = new LabCluster(lab, dir, Map.of(
                "etcd_snapshot_count", String.valueOf(SNAPSHOT_COUNT),
                "etcd_log_level", "debug",
                "etcd_metrics", "extensive",
                "etcd_listen_metrics_urls", "http://127.0.0.1:2381",
                "etcd_tls_cipher_suites", List.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
                "etcd_extra_vars", Map.of("ETCD_MAX_TXN_OPS", "3"),
                "certificates_duration", String.valueOf(CERTIFICATE_DAYS),
                "etcd_deployment_type", "host"));
        LabCluster.Outcome outcome = cluster.install();
        assertThat(outcome.result().succeeded()).as(outcome.log() + outcome.firstFailure()).isTrue();
    }

    private static LabHost first() {
        return lab.host(0);
    }

    @Test
    @Order(1)
    void theInventorysEtcdVariablesQuorumDoesNotUseAreListedForThePlan() {
        assertThat(cluster.inventory().ignoredEtcdVariables()).extracting(v -> v.name())
                .containsExactly("etcd_deployment_type");
    }

    @Test
    @Order(2)
    void metricsAnswerOnLoopbackWithTheExtensiveHistograms() {
        for (LabHost host : lab.hosts()) {
            ExecResult metrics = host.exec("curl -sS --max-time 5 http://127.0.0.1:2381/metrics");

            assertThat(metrics.ok()).as(host + ": " + metrics.stderr()).isTrue();
            assertThat(metrics.stdout()).as(host.name()).contains("etcd_server_has_leader 1")
                    // only etcd_metrics: extensive adds gRPC's latency histograms
                    .contains("grpc_server_handling_seconds_bucket");
        }
    }

    @Test
    @Order(3)
    void logLevelDebugShowsInEtcdsOwnLog() {
        String log = first().exec("cat /var/log/quorum-lab/etcd.log").stdout();

        assertThat(log).contains("\"level\":\"debug\"");
    }

    @Test
    @Order(4)
    void extraVarsReachEtcd() {
        String txn = "printf '\\nput tuning/a 1\\nput tuning/b 2\\nput tuning/c 3\\nput tuning/d 4\\n\\n\\n' "
                + "| etcdctl.sh txn";
        ExecResult tooMany = first().exec(txn);

        // ETCD_MAX_TXN_OPS=3 from etcd_extra_vars: four operations are one too many
        assertThat(tooMany.ok()).isFalse();
        assertThat(tooMany.stderr() + tooMany.stdout()).contains("too many operations in txn request");
    }

    @Test
    @Order(5)
    void onlyTheListedCipherSuiteIsServedOverTls12() {
        LabHost host = first();
        String client = "timeout 10 openssl s_client -connect 127.0.0.1:2379 -tls1_2 -CAfile /etc/ssl/etcd/ssl/ca.pem"
                + " -cert /etc/ssl/etcd/ssl/admin-" + host.name() + ".pem -key /etc/ssl/etcd/ssl/admin-" + host.name()
                + "-key.pem -cipher ";

        ExecResult listed = host.exec(client + "ECDHE-ECDSA-AES128-GCM-SHA256 </dev/null");
        ExecResult other = host.exec(client + "ECDHE-ECDSA-AES256-GCM-SHA384 </dev/null");

        assertThat(listed.stdout()).as(listed.stderr()).contains("Cipher is ECDHE-ECDSA-AES128-GCM-SHA256");
        assertThat(other.stdout()).doesNotContain("Cipher is ECDHE-ECDSA-AES256-GCM-SHA384");
        assertThat(other.ok()).isFalse();
    }

    @Test
    @Order(6)
    void certificatesAreIssuedForCertificatesDuration() throws Exception {
        LabHost host = first();
        String pem = host.readFile("/etc/ssl/etcd/ssl/member-" + host.name() + ".pem");
        X509Certificate member = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));

        Duration validity = Duration.between(member.getNotBefore().toInstant(), member.getNotAfter().toInstant());
        // issued for 400 days from a start dated a few minutes back (clock skew between hosts)
        assertThat(validity).isBetween(Duration.ofDays(CERTIFICATE_DAYS), Duration.ofDays(CERTIFICATE_DAYS).plusHours(1));
    }

    @Test
    @Order(7)
    void snapshotCountMakesEtcdWriteASnapshotAfterThatManyEntries() {
        LabHost host = first();
        String snapshots = "ls /var/lib/etcd/member/snap/ | grep -c '\\.snap$' || true";
        int before = Integer.parseInt(host.exec(snapshots).stdout().strip());

        // twice the count: the snapshot is taken right after the entry that crosses it, long before the last put
        ExecResult puts = host.exec("for i in $(seq 1 " + 2 * SNAPSHOT_COUNT + "); do etcdctl.sh put tuning/k$i v "
                + ">/dev/null || exit 1; done", Duration.ofSeconds(120));
        assertThat(puts.ok()).as(puts.stderr()).isTrue();

        int after = Integer.parseInt(host.exec(snapshots).stdout().strip());
        assertThat(after).as("snapshot files before %d, after %d", before, after).isGreaterThan(before);
    }
}
