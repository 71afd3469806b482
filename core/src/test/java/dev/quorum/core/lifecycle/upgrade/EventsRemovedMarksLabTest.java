package dev.quorum.core.lifecycle.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0067 for the events cluster, which runs the main cluster's binary: both clusters born on 3.4 go to 3.5,
 * the main members with their snapshot first, the quiet events members without it (their markers set by hand), so
 * only the events members' v3 stores mark current members removed. The main upgrade to 3.6 would restart the events
 * members onto 3.6, which would refuse their peers: its guard reads the events members' stores over SSH and refuses,
 * naming them and the events cluster's restore, with nothing changed.
 */
@LabHosts(count = 3)
class EventsRemovedMarksLabTest {
    static Lab lab;
    @TempDir
    static Path dir;

    @Test
    void eventsMembersMarkedOn35StopTheMainUpgradeTo36WithNothingChanged() {
        Map<String, Object> vars = new HashMap<>(UpgradeLabReads.vars(EtcdTarball.require("3.4")));
        vars.put("etcd_events_cluster_enabled", true);
        LabCluster cluster = new LabCluster(lab, dir, vars, 3);
        LabCluster.Outcome installed = cluster.install();
        assertThat(installed.result().succeeded()).as(installed.log() + installed.firstFailure()).isTrue();
        for (LabHost host : lab.hosts()) {
            host.exec("touch /var/lib/etcd-events/quorum-snapshot-on-3.4")
                    .requireOk("skip the events member's snapshot on " + host.name());
        }
        UpgradeLabReads.point(cluster, EtcdTarball.require("3.5"));
        LabCluster.Outcome to35 = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.upgrade()));
        assertThat(to35.result().succeeded()).as(to35.log() + to35.firstFailure()).isTrue();

        UpgradeLabReads.point(cluster, EtcdTarball.require("3.6"));
        String before = fingerprint();
        LabCluster.Outcome refused = cluster.run(s -> UpgradePlans.plan(s, UpgradeRequest.upgrade()));

        assertThat(refused.result().succeeded()).isFalse();
        assertThat(refused.firstFailure()).as(refused.log())
                .contains("v3 store of the events cluster's 3.5 members (on etcd1-events: ")
                .contains("quorum restore --cluster events");
        assertThat(refused.log()).as("the main members took their snapshot: no marks there")
                .doesNotContain("v3 store of 3.5 members");
        assertThat(fingerprint()).isEqualTo(before);
    }

    /** What a refused upgrade must leave as it was, for both clusters: binaries, env files, kept releases, units. */
    private static String fingerprint() {
        StringBuilder text = new StringBuilder();
        for (LabHost host : lab.hosts()) {
            text.append(host.name()).append(": ").append(host.exec("sha256sum /usr/local/bin/etcd /etc/etcd.env "
                    + "/etc/etcd-events.env; ls /usr/local/bin /var/backups/quorum 2>&1; systemctl is-active etcd "
                    + "etcd-events").stdout()).append('\n');
        }
        return text.toString();
    }
}
