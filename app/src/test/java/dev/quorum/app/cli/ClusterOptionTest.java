package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --cluster main|events (decision 0038): refused with what to set when the inventory has no events cluster, and
 * by the commands whose steps still act on the main cluster's files. Every refusal comes before any connection.
 */
class ClusterOptionTest {
    @TempDir
    Path dir;

    private String inventory(String vars) throws Exception {
        return Files.writeString(dir.resolve("hosts.yaml"), "all:\n  hosts:\n    node1: {ip: 127.88.0.1}\n"
                + "  children:\n    etcd:\n      hosts:\n        node1:\n" + vars).toString();
    }

    @Test
    void anInventoryWithoutTheEventsClusterSaysWhichVariableToSet() throws Exception {
        assertThat(CliContractTest.refusal(ExitCodes.FAILED, "status", "-i", inventory(""), "--cluster", "events"))
                .contains("--cluster events").contains("etcd_events_cluster_enabled: true");
    }

    @Test
    void anUnknownClusterNamesTheTwoChoices() throws Exception {
        CliContractTest.Run run = CliContractTest.run("status", "-i", inventory(""), "--cluster", "kube");

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("--cluster kube").contains("--cluster events");
    }

    @Test
    void certificatesAndAdoptionOfTheEventsClusterSayTheyCoverBothClusters() throws Exception {
        String events = inventory("      vars:\n        etcd_events_cluster_enabled: true\n");

        CliContractTest.Run rotate = CliContractTest.run("certs", "rotate-ca", "-i", events, "--cluster", "events",
                "--plan");

        assertThat(rotate.out()).contains("--cluster events: the events cluster uses the main cluster's certificates "
                + "and CA, so this acts on both clusters (etcd and etcd-events)");
        assertThat(rotate.err()).doesNotContain("cannot act on the events cluster")
                .contains("no certificates for cluster");
    }

    @Test
    void maintenanceBackupsAndUpgradeTakeTheEventsClusterAndGoOnToItsChecks() throws Exception {
        String events = inventory("      vars:\n        etcd_events_cluster_enabled: true\n");
        List<List<String>> commands = List.of(List.of("maintain", "compact"), List.of("maintain", "defrag"),
                List.of("maintain", "alarms"), List.of("backup", "run"),
                List.of("backup", "unschedule"), List.of("upgrade"), List.of("recover"));
        for (List<String> command : commands) {
            List<String> words = new ArrayList<>(command);
            words.addAll(List.of("-i", events, "--cluster", "events"));

            CliContractTest.Run run = CliContractTest.run(words.toArray(String[]::new));

            assertThat(run.err()).as(String.join(" ", command)).doesNotContain("cannot act on the events cluster")
                    .contains("no certificates for cluster");
        }
    }

    @Test
    void theDefaultIsTheMainCluster() {
        ClusterOptions options = new ClusterOptions();
        picocli.CommandLine.populateCommand(options, "-i", "hosts.yaml");

        assertThat(options.clusterLayout()).isEqualTo(dev.quorum.core.inventory.ClusterLayout.MAIN);
    }
}
