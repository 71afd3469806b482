package dev.quorum.core.lifecycle.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.labtest.LabCluster;
import dev.quorum.lab.ExecResult;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five members, reached as a non-root user through sudo, as many sites do; one host without {@code zstd}, as a minimal
 * install may be, gets the release's gzip tarball while the others get its zstd repack (decision 0062).
 */
@LabHosts(count = 5)
class InstallFiveMembersLabTest {
    static Lab lab;

    @Test
    void installsFiveMembersThroughSudo(@TempDir Path dir) {
        LabCluster cluster = new LabCluster(lab, dir, Map.of());
        cluster.editInventory("ansible_user: root", "ansible_user: ops");
        LabHost withoutZstd = lab.host(2);
        assertThat(withoutZstd.exec("mv \"$(command -v zstd)\" /root/zstd-hidden").ok()).isTrue();

        LabCluster.Outcome outcome = cluster.install();

        assertThat(outcome.result().succeeded()).as(outcome.log() + outcome.firstFailure()).isTrue();
        for (LabHost host : lab.hosts()) {
            String sent = host == withoutZstd ? ".tar.gz into tar on " : ".tar.zst into tar on ";
            assertThat(outcome.lines(host.name()).stream().filter(line -> line.startsWith("sending ")
                            && line.contains(" into tar on "))).as("what " + host + " was sent").singleElement().asString()
                    .endsWith(sent + host.name());
        }
        ExecResult members = lab.host(4).exec("etcdctl.sh member list");
        assertThat(members.stdout().lines().filter(l -> l.contains(", started, "))).hasSize(5);
        for (LabHost host : lab.hosts()) {
            assertThat(host.exec("etcdctl.sh endpoint health").ok()).as("health on " + host).isTrue();
            assertThat(host.exec("stat -c %U /etc/etcd.env").stdout()).isEqualTo("root\n");
        }
    }
}
