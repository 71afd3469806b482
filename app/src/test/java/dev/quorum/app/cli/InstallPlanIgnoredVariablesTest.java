package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** quorum install --plan says which etcd_* variables of the inventory Quorum does not use. */
class InstallPlanIgnoredVariablesTest {
    @TempDir
    Path dir;

    @Test
    void thePlanListsTheEtcdVariablesQuorumIgnoresBeforeCheckingTheHosts() throws Exception {
        // Port 1 on loopback refuses at once: the plan is printed, then the read-only checks fail.
        Path inventory = Files.writeString(dir.resolve("hosts.yaml"), """
                all:
                  vars:
                    etcd_version: v3.6.14
                    etcd_download_url: file:///nonexistent/etcd-v3.6.14-linux-amd64.tar.gz
                    etcd_deployment_type: host
                    etcd_memory_limit: 512M
                    etcd_snapshot_count: "100000"
                  hosts:
                    node1: {ansible_host: 127.0.0.1, ansible_port: 1, ip: 127.0.0.1}
                  children:
                    etcd:
                      hosts:
                        node1:
                """);

        QuorumCli.Result plan = QuorumCli.run(dir.resolve("home"), "install", "--plan", "-i", inventory.toString(),
                "--known-hosts", dir.resolve("known_hosts").toString());

        assertThat(plan.out()).contains("Plan: install on cluster")
                .contains("Not used by Quorum (kept in the inventory for Kubespray; they change nothing here):\n"
                        + "  etcd_deployment_type = \"host\"\n"
                        + "  etcd_memory_limit = \"512M\"\n")
                .doesNotContain("etcd_snapshot_count =");
    }
}
