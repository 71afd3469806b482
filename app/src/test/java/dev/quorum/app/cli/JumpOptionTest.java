package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.remote.JumpHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --jump / -J: replaces the inventory's bastion for every host, and a bad one is refused before anything runs. */
class JumpOptionTest {
    private static final String INVENTORY = """
            all:
              vars: {ansible_ssh_common_args: -J ops@203.0.113.5}
              hosts:
                n1: {ansible_host: 10.0.0.1}
                n2: {ansible_host: 10.0.0.2}
              children:
                etcd:
                  hosts: {n1: , n2: }
            """;

    @TempDir
    Path dir;

    @Test
    void theOptionReplacesTheInventorysBastion() throws Exception {
        ClusterOptions options = new ClusterOptions();
        options.inventory = Files.writeString(dir.resolve("hosts.yaml"), INVENTORY);
        options.jump = "me@[2001:db8::1]:2222";
        Inventory inventory = options.readInventory();
        assertThat(inventory.etcdJumps()).containsExactly(new JumpHost("2001:db8::1", 2222, "me", Optional.empty()));
    }

    @Test
    void aJumpThatIsNotUserAtHostIsRefusedWithWhatToWrite() throws Exception {
        Path inventory = Files.writeString(dir.resolve("hosts.yaml"), INVENTORY);
        assertThat(CliContractTest.refusal(ExitCodes.FAILED, "install", "--plan", "-i", inventory.toString(),
                "-J", "ops@a,ops@b"))
                .startsWith("quorum: --jump: the jump host \"ops@a,ops@b\" chains several jump hosts")
                .contains("what to do: give one bastion as USER@HOST or USER@HOST:PORT, e.g. --jump ops@203.0.113.5:22");
    }

    @Test
    void everyClusterCommandOffersIt() {
        for (String command : new String[] {"install", "status", "add", "remove", "replace", "diagnose", "certs"}) {
            assertThat(CliContractTest.run(command, "--help").out()).as(command).contains("--jump=USER@HOST[:PORT]");
        }
    }
}
