package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * quorum upgrade on one lab host (3.6, the lab's default): --plan shows the path, the order and each step's etcdctl
 * equivalents and changes nothing; install over it on another minor is refused, pointing to upgrade; an upgrade to an
 * older version is refused with what is possible instead, before anything changes; --downgrade shows its plan, then
 * takes the member to 3.5.
 */
@LabHosts(count = 1)
class UpgradeCliLabTest {
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.installed(1);

    /** The inventory rewritten to install {@code tarball}. */
    static void point(EtcdTarball tarball) {
        cli.writeInventory("inventory", CliLab.etcdVars(tarball));
    }

    @Test
    void planShowsThePathAndTheStepsThenADowngradeIsRefused() throws IOException {
        EtcdTarball running = EtcdTarball.get();
        EtcdTarball next = EtcdTarball.require("3.7");
        point(next);
        CliContractTest.Run plan = cli.quorum("upgrade", "--plan");
        assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("Check the upgrade to " + next.version() + " is allowed")
                .contains(running.line() + " -> " + next.line())
                .contains("kept for --rollback").contains("systemctl restart etcd").contains("move-leader")
                .contains("endpoint status");
        CliContractTest.Run status = cli.quorum("status");
        assertThat(status.out()).contains(running.version().substring(1)).doesNotContain(next.version().substring(1));

        CliContractTest.Run install = cli.quorum("install", "--yes");
        assertThat(install.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(install.err()).contains("runs another etcd minor than etcd_version " + next.version())
                .contains("quorum upgrade");
        assertThat(cli.quorum("status").out()).contains(running.version().substring(1));

        EtcdTarball older = EtcdTarball.require("3.5");
        point(older);
        CliContractTest.Run refused = cli.quorum("upgrade", "--yes");
        assertThat(refused.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).contains("refused, nothing was changed").contains("upgrade does not downgrade")
                .contains("etcdctl downgrade").contains("quorum restore").contains("quorum upgrade --downgrade");

        CliContractTest.Run both = cli.quorum("upgrade", "--rollback", "--downgrade", "--yes");
        assertThat(both.exit()).isNotZero();
        assertThat(both.err()).contains("--rollback and --downgrade ask for different things");

        CliContractTest.Run downgradePlan = cli.quorum("upgrade", "--downgrade", "--plan");
        assertThat(downgradePlan.exit()).as(downgradePlan.out() + downgradePlan.err()).isZero();
        assertThat(downgradePlan.out()).contains("Enable etcd's downgrade to 3.5").contains("downgrade enable 3.5")
                .contains("Downgrade each member to " + older.version());
        assertThat(cli.quorum("status").out()).contains(running.version().substring(1));

        CliContractTest.Run downgraded = cli.quorum("upgrade", "--downgrade", "--yes");
        assertThat(downgraded.exit()).as(downgraded.out() + downgraded.err()).isZero();
        assertThat(cli.quorum("status").out()).contains(older.version().substring(1)).doesNotContain(running.version().substring(1));
    }
}
