package dev.quorum.core.lifecycle.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The evaluation alone: schedules and listings as the hosts would describe them, no SSH. */
class BackupHealthTest {
    static final Instant NOW = Instant.parse("2026-12-04T04:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);
    static final LastRun SUCCEEDED = new LastRun("success", 0, Optional.of(NOW.minusSeconds(600)));
    static final LastRun FAILED_RUN = new LastRun("exit-code", 1, Optional.of(NOW.minusSeconds(60)));

    static ObservedSchedule scheduled(String host, LastRun lastRun) {
        return new ObservedSchedule(host, Optional.empty(), true, true, Optional.of(HOUR), OptionalInt.of(24),
                Optional.of(NOW.minus(Duration.ofDays(3))), Optional.of(NOW.plusSeconds(1800)), Optional.of(lastRun), NOW);
    }

    static ObservedSchedule notScheduled(String host) {
        return new ObservedSchedule(host, Optional.empty(), false, false, Optional.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty(), Optional.of(new LastRun("success", 0, Optional.empty())), NOW);
    }

    static BackupEntry backup(String host, Duration age, boolean verified) {
        Instant time = NOW.minus(age);
        return new BackupEntry(host, host + ":/var/backups/quorum-etcd/quorum-backup-" + host + "-" + time.getEpochSecond()
                + ".db", Optional.of(time), 42, 20512, "ab".repeat(32), verified,
                verified ? Optional.empty() : Optional.of("no manifest"));
    }

    static HostBackups list(String host, BackupEntry... entries) {
        return new HostBackups(host, List.of(entries), Optional.empty());
    }

    @Test
    void recentVerifiedBackupsOnEveryHostAreFreshWithTheScheduleAndTheNewest() {
        BackupHealth health = BackupHealth.evaluate(List.of(scheduled("a", SUCCEEDED), scheduled("b", SUCCEEDED)),
                List.of(list("a", backup("a", Duration.ofMinutes(90), true), backup("a", Duration.ofMinutes(30), true)),
                        list("b", backup("b", Duration.ofMinutes(20), true))));

        assertThat(health.status()).isEqualTo(BackupStatus.FRESH);
        assertThat(health.every()).contains(HOUR);
        assertThat(health.keep()).hasValue(24);
        assertThat(health.nextRun()).contains(NOW.plusSeconds(1800));
        assertThat(health.newest()).map(BackupEntry::host).contains("b");
        assertThat(health.hosts()).extracting(HostBackupHealth::finding).containsOnly(BackupFinding.RECENT);
        assertThat(health.hosts().get(0).age()).contains(Duration.ofMinutes(30));
        assertThat(health.troubled()).isEmpty();
        assertThat(health.status().needsAttention()).isFalse();
    }

    @Test
    void aNewestVerifiedBackupOlderThanTwoIntervalsIsStaleAndAnUnverifiedNewerOneDoesNotCount() {
        BackupHealth health = BackupHealth.evaluate(List.of(scheduled("a", SUCCEEDED), scheduled("b", SUCCEEDED)),
                List.of(list("a", backup("a", Duration.ofMinutes(30), true)),
                        list("b", backup("b", Duration.ofMinutes(121), true), backup("b", Duration.ofMinutes(5), false))));

        assertThat(health.status()).isEqualTo(BackupStatus.STALE);
        assertThat(health.status().needsAttention()).isTrue();
        assertThat(health.troubled()).extracting(HostBackupHealth::host, HostBackupHealth::finding)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", BackupFinding.TOO_OLD));
        assertThat(health.troubled().get(0).age()).contains(Duration.ofMinutes(121));
    }

    @Test
    void exactlyTwoIntervalsIsStillFresh() {
        BackupHealth health = BackupHealth.evaluate(List.of(scheduled("a", SUCCEEDED)),
                List.of(list("a", backup("a", HOUR.multipliedBy(2), true))));

        assertThat(health.status()).isEqualTo(BackupStatus.FRESH);
    }

    @Test
    void aFailedLastRunIsFailedEvenWithARecentBackupAndOutranksStale() {
        BackupHealth health = BackupHealth.evaluate(List.of(scheduled("a", SUCCEEDED), scheduled("b", FAILED_RUN)),
                List.of(list("a", backup("a", Duration.ofHours(5), true)),
                        list("b", backup("b", Duration.ofMinutes(10), true))));

        assertThat(health.status()).isEqualTo(BackupStatus.FAILED);
        assertThat(health.hosts()).extracting(HostBackupHealth::finding)
                .containsExactly(BackupFinding.TOO_OLD, BackupFinding.LAST_RUN_FAILED);
        assertThat(health.hosts().get(1).lastRun()).contains(FAILED_RUN);
    }

    @Test
    void noTimerAnywhereIsNotScheduledAndNotAProblem() {
        BackupHealth health = BackupHealth.evaluate(List.of(notScheduled("a"), notScheduled("b")),
                List.of(list("a", backup("a", Duration.ofDays(30), true)), list("b")));

        assertThat(health.status()).isEqualTo(BackupStatus.NOT_SCHEDULED);
        assertThat(health.status().needsAttention()).isFalse();
        assertThat(health.troubled()).isEmpty();
        assertThat(health.every()).isEmpty();
    }

    @Test
    void aMemberWithoutTheTimerWhileOthersHaveItMakesTheClusterStale() {
        BackupHealth health = BackupHealth.evaluate(List.of(scheduled("a", SUCCEEDED), notScheduled("b")),
                List.of(list("a", backup("a", Duration.ofMinutes(10), true)), list("b")));

        assertThat(health.status()).isEqualTo(BackupStatus.STALE);
        assertThat(health.troubled()).extracting(HostBackupHealth::finding).containsExactly(BackupFinding.NOT_SCHEDULED);
    }

    @Test
    void aStoppedTimerIsStale() {
        ObservedSchedule stopped = new ObservedSchedule("a", Optional.empty(), true, false, Optional.of(HOUR),
                OptionalInt.of(2), Optional.of(NOW.minus(Duration.ofDays(1))), Optional.empty(), Optional.of(SUCCEEDED), NOW);

        BackupHealth health = BackupHealth.evaluate(List.of(stopped), List.of(list("a", backup("a", Duration.ofMinutes(5), true))));

        assertThat(health.status()).isEqualTo(BackupStatus.STALE);
        assertThat(health.hosts().get(0).finding()).isEqualTo(BackupFinding.TIMER_STOPPED);
    }

    @Test
    void noVerifiedBackupYetIsPendingWithinTwoIntervalsOfSchedulingAndStaleAfter() {
        ObservedSchedule justNow = new ObservedSchedule("a", Optional.empty(), true, true, Optional.of(HOUR),
                OptionalInt.of(2), Optional.of(NOW.minusSeconds(60)), Optional.of(NOW.plusSeconds(3540)),
                Optional.of(new LastRun("success", 0, Optional.empty())), NOW);
        ObservedSchedule longAgo = new ObservedSchedule("b", Optional.empty(), true, true, Optional.of(HOUR),
                OptionalInt.of(2), Optional.of(NOW.minus(Duration.ofHours(3))), Optional.empty(),
                Optional.of(new LastRun("success", 0, Optional.empty())), NOW);

        assertThat(BackupHealth.evaluate(List.of(justNow), List.of(list("a"))).status()).isEqualTo(BackupStatus.PENDING);
        BackupHealth overdue = BackupHealth.evaluate(List.of(longAgo), List.of(list("b", backup("b", Duration.ofMinutes(1), false))));
        assertThat(overdue.status()).isEqualTo(BackupStatus.STALE);
        assertThat(overdue.hosts().get(0).finding()).isEqualTo(BackupFinding.NONE_VERIFIED);
    }

    @Test
    void anUnreachableHostIsUnknownNeverNotScheduledAndAStaleHostStillOutranksIt() {
        ObservedSchedule unreachable = ObservedSchedule.unknown("b", "cannot be reached over SSH: timeout", NOW);

        BackupHealth fresh = BackupHealth.evaluate(List.of(scheduled("a", SUCCEEDED), unreachable),
                List.of(list("a", backup("a", Duration.ofMinutes(10), true)), HostBackups.unknown("b", "timeout")));
        BackupHealth stale = BackupHealth.evaluate(List.of(scheduled("a", SUCCEEDED), unreachable),
                List.of(list("a", backup("a", Duration.ofHours(10), true)), HostBackups.unknown("b", "timeout")));

        assertThat(fresh.status()).isEqualTo(BackupStatus.UNKNOWN);
        assertThat(fresh.hosts().get(1).unknown()).contains("cannot be reached over SSH: timeout");
        assertThat(fresh.troubled()).extracting(HostBackupHealth::host).containsExactly("b");
        assertThat(stale.status()).isEqualTo(BackupStatus.STALE);
    }

    @Test
    void aListingThatFailedOnAScheduledHostIsUnknown() {
        BackupHealth health = BackupHealth.evaluate(List.of(scheduled("a", SUCCEEDED)),
                List.of(HostBackups.unknown("a", "cannot list its backups: permission denied")));

        assertThat(health.status()).isEqualTo(BackupStatus.UNKNOWN);
        assertThat(health.hosts().get(0).unknown()).contains("cannot list its backups: permission denied");
    }
}
