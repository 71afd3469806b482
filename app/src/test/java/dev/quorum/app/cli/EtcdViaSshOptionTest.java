package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** --etcd-via-ssh sits beside --jump on every cluster command. */
class EtcdViaSshOptionTest {
    @Test
    void everyClusterCommandOffersIt() {
        for (String[] command : new String[][] {{"install"}, {"status"}, {"add"}, {"remove"}, {"replace"},
                {"diagnose"}, {"snapshot", "save"}}) {
            String[] help = java.util.Arrays.copyOf(command, command.length + 1);
            help[command.length] = "--help";
            assertThat(CliContractTest.run(help).out()).as(String.join(" ", command)).contains("--etcd-via-ssh");
        }
    }

    @Test
    void itIsOffUnlessGiven() throws Exception {
        ClusterOptions options = new ClusterOptions();
        picocli.CommandLine.populateCommand(options, "-i", "hosts.yaml");
        assertThat(options.etcdViaSsh).isFalse();
        picocli.CommandLine.populateCommand(options, "-i", "hosts.yaml", "--etcd-via-ssh");
        assertThat(options.etcdViaSsh).isTrue();
    }
}
