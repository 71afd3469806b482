package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A cluster described the way many Kubespray users keep it, in inventory.ini, installed and read through the CLI. */
@LabHosts(count = 3)
class IniInventoryCliLabTest {
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.notInstalled(3).withInventory(IniInventoryCliLabTest::writeIni);

    @Test
    void installsAndReportsAClusterDescribedInKubespraysIniForm() throws Exception {
        cli.install();
        CliContractTest.Run status = cli.quorum("status");

        assertThat(status.exit()).as(status.out() + status.err()).isZero();
        assertThat(status.out().lines().findFirst().orElseThrow()).contains("3/3 healthy, tolerates 1 failure");
        assertThat(status.out()).contains("etcd1").contains("etcd2").contains("etcd3");
    }

    /** Kubespray's sample layout: hosts under [all], etcd as a child group of the control plane, vars in [all:vars]. */
    private static Path writeIni(Lab lab, Path folder) throws IOException {
        StringBuilder ini = new StringBuilder("# written by the test, as inventory/sample/inventory.ini lays it out\n[all]\n");
        lab.hosts().forEach(host -> ini.append(CliLab.iniHost(lab, host)));
        ini.append("\n[kube_control_plane]\n");
        lab.hosts().forEach(host -> ini.append(host.name()).append('\n'));
        ini.append("\n[etcd:children]\nkube_control_plane\n\n[all:vars]\n")
                .append(CliLab.iniEtcdVars(EtcdTarball.get()));
        Path file = Files.createDirectories(folder).resolve("inventory.ini");
        return Files.writeString(file, ini);
    }
}
