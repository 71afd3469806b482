package dev.quorum.core.lifecycle.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.StepStatus;
import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3.5 member whose WAL alone holds v2 records (a v2 key set and removed again, no snapshot since) is upgraded to
 * 3.6 only after the documented workaround: one restart with ETCD_SNAPSHOT_COUNT=1, then its env file as it was. The
 * cluster is installed without etcdutl; an upgrade to the version it runs puts it beside etcd first.
 */
@LabHosts(count = 1)
class V2WalWorkaroundLabTest {
    static Lab lab;
    @TempDir
    static Path dir;

    @Test
    void v2RecordsOnlyInTheWalAreSnapshottedAwayBeforeTheUpgradeTo36() {
        EtcdTarball from = EtcdTarball.require("3.5");
        EtcdTarball to = EtcdTarball.require("3.6");
        // The v2 API on, as a 3.5 cluster with flannel has it; 3.6 has none, so it goes off before the upgrade.
        Map<String, Object> withV2 = new java.util.HashMap<>(UpgradeLabTest.vars(from));
        withV2.put("etcd_enable_v2", true);
        LabCluster cluster = new LabCluster(lab, dir, withV2, 1);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log()).isTrue();
        LabHost host = lab.hosts().get(0);
        assertThat(host.exec("test -e /usr/local/bin/etcdutl").ok()).as("install puts etcdutl beside etcd from 3.5")
                .isTrue();
        LabCluster.Outcome sameVersion = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.upgrade()));
        assertThat(sameVersion.result().succeeded()).as(sameVersion.log()).isTrue();
        assertThat(host.exec("/usr/local/bin/etcdutl version").stdout()).contains(from.version().substring(1));

        String v2 = "ETCDCTL_API=2 /usr/local/bin/etcdctl --endpoints https://127.0.0.1:2379 "
                + "--ca-file /etc/ssl/etcd/ssl/ca.pem --cert-file /etc/ssl/etcd/ssl/admin-" + host.name() + ".pem "
                + "--key-file /etc/ssl/etcd/ssl/admin-" + host.name() + "-key.pem ";
        host.exec(v2 + "set /quorum-v2-probe x && " + v2 + "rm /quorum-v2-probe").requireOk("v2 set and rm");
        assertThat(host.exec("/usr/local/bin/etcdutl check v2store --data-dir /var/lib/etcd").stderr()
                + host.exec("/usr/local/bin/etcdutl check v2store --data-dir /var/lib/etcd").stdout())
                .contains("custom v2 content in WAL records");

        cluster.editInventory("etcd_enable_v2: true", "etcd_enable_v2: false");
        UpgradeLabTest.point(cluster, to);
        LabCluster.Outcome upgraded = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.upgrade()));
        assertThat(upgraded.result().succeeded()).as(upgraded.log()).isTrue();
        assertThat(upgraded.log()).contains("v2 records in the WAL only");
        assertThat(upgraded.events()).filteredOn(e -> e instanceof RunEvent.TargetFinished f
                && f.status() == StepStatus.CHANGED && f.message().contains("v2 records")).hasSize(1);
        assertThat(host.exec("/usr/local/bin/etcdctl.sh endpoint status").stdout()).contains(to.version().substring(1));
        assertThat(host.readFile("/etc/etcd.env")).contains("ETCD_SNAPSHOT_COUNT=10000")
                .doesNotContain("ETCD_SNAPSHOT_COUNT=1\n");
    }
}
