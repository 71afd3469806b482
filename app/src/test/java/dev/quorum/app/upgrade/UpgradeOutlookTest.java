package dev.quorum.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.lifecycle.upgrade.UpgradeRequest;
import org.junit.jupiter.api.Test;

/** Core's observation and decision, worded for the pages: versions, path, the guards that refuse, the order. */
class UpgradeOutlookTest {

    @Test
    void aMinorUpgradeThatPassesEveryGuardSaysTheOrderLeaderLast() {
        UpgradeOutlook outlook = Observed.outlook(Observed.members("3.5.33", "3.5.33", "3.5.33"), "3.5.0", "3.6.14");

        assertThat(outlook.allowed()).isTrue();
        assertThat(outlook.refusals()).isEmpty();
        assertThat(outlook.current()).isEqualTo("v3.5.33 on every member");
        assertThat(outlook.clusterVersion()).isEqualTo("3.5");
        assertThat(outlook.target()).isEqualTo("v3.6.14");
        assertThat(outlook.path()).isEqualTo("3.5 -> 3.6");
        assertThat(outlook.mixed()).isFalse();
        assertThat(outlook.plan()).startsWith("Upgrade to v3.6.14, one member at a time, followers first: "
                + "lab2, lab3, lab1 (leader, last).");
        assertThat(outlook.members()).extracting(MemberRow::version).containsOnly("v3.5.33");
        assertThat(outlook.members()).extracting(MemberRow::role).containsExactly("leader", "follower", "follower");
    }

    @Test
    void twoMinorsAtOnceShowTheWholePathAndTheRefusalWithWhatToDo() {
        UpgradeOutlook outlook = Observed.outlook(Observed.members("3.4.23", "3.4.23", "3.4.23"), "3.4.0", "3.6.14");

        assertThat(outlook.allowed()).isFalse();
        assertThat(outlook.path()).isEqualTo("3.4 -> 3.5 now, then 3.6");
        assertThat(outlook.refusals()).hasSize(1);
        GuardRow refusal = outlook.refusals().get(0);
        assertThat(refusal.guard()).isEqualTo("One minor at a time");
        assertThat(refusal.reason()).contains("2 minors ahead of the running v3.4.23");
        assertThat(refusal.hint()).contains("set etcd_version to the newest 3.5 patch");
        assertThat(outlook.blocking()).isEqualTo("A guard refuses: One minor at a time. Nothing was changed.");
        assertThat(outlook.plan()).isEmpty();
    }

    @Test
    void everyRefusingGuardIsListedAndAnUnreachableMemberIsUnknownNotOld() {
        UpgradeOutlook outlook = Observed.outlook(Observed.lastUnreachable("3.5.30", "3.5.30", "3.5.30"), "3.5.0",
                "3.6.14");

        assertThat(outlook.refusals()).extracting(GuardRow::guard)
                .contains("Every member answers", "3.5 -> 3.6 from a recent enough 3.5");
        assertThat(outlook.blocking()).startsWith(outlook.refusals().size() + " guards refuse: Every member answers");
        assertThat(outlook.members().get(2).version()).isEqualTo("unknown");
        assertThat(outlook.members().get(2).role()).isEqualTo("no answer: no answer in time");
        assertThat(outlook.current()).isEqualTo("v3.5.30 on every member that answered");
    }

    @Test
    void aClusterHalfWayIsMixedAndItsRollbackGoesBackToTheOldVersion() {
        UpgradeOutlook upgrade = Observed.outlook(Observed.members("3.5.33", "3.5.33", "3.6.14"), "3.5.0", "3.6.14");

        assertThat(upgrade.mixed()).isTrue();
        assertThat(upgrade.current()).isEqualTo("mixed versions: v3.5.33 (etcd1, etcd2), v3.6.14 (etcd3)");
        assertThat(upgrade.plan()).contains("lab2, lab3 (done), lab1 (leader, last)");
        assertThat(upgrade.members().get(2).kept()).isEqualTo("v3.5.33 kept for a rollback");

        UpgradeOutlook rollback = Observed.outlook(Observed.members("3.5.33", "3.5.33", "3.6.14"), "3.5.0", "3.6.14",
                UpgradeRequest.rollBack());

        assertThat(rollback.allowed()).as(rollback.blocking()).isTrue();
        assertThat(rollback.path()).isEqualTo("3.6 -> 3.5");
        assertThat(rollback.plan()).startsWith("Roll back to v3.5.33");
    }

    @Test
    void aClusterAlreadyOnTheTargetHasNothingToDoAndSaysSo() {
        UpgradeOutlook outlook = Observed.outlook(Observed.members("3.6.14", "3.6.14", "3.6.14"), "3.6.0", "3.6.14");

        assertThat(outlook.refusals()).isEmpty();
        assertThat(outlook.allowed()).isFalse();
        assertThat(outlook.blocking()).isEqualTo("Every member already runs v3.6.14: nothing to upgrade.");
        assertThat(outlook.clusterVersion()).isEqualTo("3.6");
    }
}
