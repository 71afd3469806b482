package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster described the way many Kubespray users keep it, in inventory.ini, installed and read through the CLI. */
@LabHosts(count = 3)
class IniInventoryCliLabTest {
    static Lab lab;
    @TempDir
    static Path dir;

    @AfterAll
    static void tearDown() {
        CliLab.clearHome();
    }

    @Test
    void installsAndReportsAClusterDescribedInKubespraysIniForm() throws Exception {
        String inventory = writeIni().toString();
        String knownHosts = lab.knownHosts().toString();

        CliLab.install(dir, inventory, knownHosts);
        CliContractTest.Run status = CliLab.run(inventory, knownHosts, "status");

        assertThat(status.exit()).as(status.out() + status.err()).isZero();
        assertThat(status.out().lines().findFirst().orElseThrow()).contains("3/3 healthy, tolerates 1 failure");
        assertThat(status.out()).contains("etcd1").contains("etcd2").contains("etcd3");
    }

    /** Kubespray's sample layout: hosts under [all], etcd as a child group of the control plane, vars in [all:vars]. */
    private static Path writeIni() throws Exception {
        EtcdTarball tarball = EtcdTarball.get();
        StringBuilder ini = new StringBuilder("# written by the test, as inventory/sample/inventory.ini lays it out\n[all]\n");
        for (LabHost host : lab.hosts()) {
            ini.append(host.name()).append(" ansible_host=").append(host.address()).append(" ip=").append(host.address())
                    .append(" ansible_user=root ansible_ssh_private_key_file=").append(lab.privateKey()).append('\n');
        }
        ini.append("\n[kube_control_plane]\n");
        lab.hosts().forEach(host -> ini.append(host.name()).append('\n'));
        ini.append("\n[etcd:children]\nkube_control_plane\n\n[all:vars]\n")
                .append("etcd_version=").append(tarball.version()).append('\n')
                .append("etcd_download_url=").append(tarball.uri()).append('\n')
                .append("etcd_binary_checksum=").append(tarball.sha256()).append('\n')
                .append("etcd_election_timeout=").append(Lab.ELECTION_MILLIS).append('\n');
        Path file = Files.createDirectories(dir.resolve("inventory")).resolve("inventory.ini");
        return Files.writeString(file, ini);
    }
}
