package dev.quorum.core.lifecycle.backup.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pull's decision from what was observed: copy, already here, or refuse (and why, and what to do). */
class PullPlannerTest {
    static final BackupLocation LOCATION = BackupLocation.parse("etcd1:/var/backups/quorum-etcd/quorum-backup-etcd1-20261203T230000Z.db");
    static final String SHA = "ab".repeat(32);
    static final Path TARGET = Path.of("/home/me/.quorum/clusters/c/snapshots/quorum-backup-etcd1-20261203T230000Z.db");

    static ListedBackup listed(boolean verified, String sha) {
        return new ListedBackup(LOCATION.text(), sha, 20512, 42, Optional.of(Instant.parse("2026-12-03T23:00:00Z")),
                "etcd1", verified, verified ? Optional.empty() : Optional.of("no manifest: the run that wrote it did not finish"));
    }

    static LocalCopy here(String sha, Optional<String> pulledFrom) {
        return new LocalCopy(TARGET, true, sha, pulledFrom, pulledFrom.map(p -> sha));
    }

    @Test
    void aVerifiedBackupWithNothingAtTheTargetIsCopied() {
        PullDecision decision = PullPlanner.decide(LOCATION, SourceReading.found(listed(true, SHA)), LocalCopy.absent(TARGET));

        assertThat(decision.kind()).isEqualTo(PullDecision.Kind.COPY);
        assertThat(decision.backup()).contains(listed(true, SHA));
        assertThat(decision.reason()).contains(LOCATION.text(), TARGET.toString(), SHA);
    }

    @Test
    void theSameFilePulledBeforeIsAlreadyHere() {
        PullDecision decision = PullPlanner.decide(LOCATION, SourceReading.found(listed(true, SHA)),
                here(SHA, Optional.of(LOCATION.text())));

        assertThat(decision.kind()).isEqualTo(PullDecision.Kind.ALREADY_HERE);
        assertThat(decision.reason()).startsWith("ok, already here");
    }

    @Test
    void theSameBytesWithoutAPullsMetadataOnlyGetTheMetadata() {
        PullDecision decision = PullPlanner.decide(LOCATION, SourceReading.found(listed(true, SHA)), here(SHA, Optional.empty()));

        assertThat(decision.kind()).isEqualTo(PullDecision.Kind.RECORD);
    }

    @Test
    void aDifferentFileAtTheTargetIsNeverOverwritten() {
        PullDecision decision = PullPlanner.decide(LOCATION, SourceReading.found(listed(true, SHA)),
                here("cd".repeat(32), Optional.empty()));

        assertThat(decision.kind()).isEqualTo(PullDecision.Kind.REFUSE);
        assertThat(decision.reason()).contains("already exists", "left as it is");
        assertThat(decision.hint()).contains("move " + TARGET, "--to DIR");
    }

    @Test
    void aBackupNotInTheListIsRefusedWithWhereTheListIs() {
        PullDecision decision = PullPlanner.decide(LOCATION, SourceReading.notListed(), LocalCopy.absent(TARGET));

        assertThat(decision.kind()).isEqualTo(PullDecision.Kind.REFUSE);
        assertThat(decision.reason()).contains("is not a backup");
        assertThat(decision.hint()).contains("quorum backup list -i INVENTORY");
    }

    @Test
    void anUnverifiedBackupOrOneWithoutSha256IsRefused() {
        assertThat(PullPlanner.decide(LOCATION, SourceReading.found(listed(false, "")), LocalCopy.absent(TARGET)))
                .satisfies(d -> assertThat(d.kind()).isEqualTo(PullDecision.Kind.REFUSE))
                .satisfies(d -> assertThat(d.reason()).contains("not a verified backup", "no manifest"));
        assertThat(PullPlanner.decide(LOCATION, SourceReading.found(listed(true, "")), LocalCopy.absent(TARGET)).kind())
                .isEqualTo(PullDecision.Kind.REFUSE);
    }

    @Test
    void aHostThatCannotBeAskedIsUnknownNotAbsent() {
        PullDecision decision = PullPlanner.decide(LOCATION, SourceReading.unknown("etcd1 cannot be reached over SSH"),
                LocalCopy.absent(TARGET));

        assertThat(decision.kind()).isEqualTo(PullDecision.Kind.REFUSE);
        assertThat(decision.reason()).contains("cannot tell", "cannot be reached", "nothing was copied");
    }

    @Test
    void aCopyPulledEarlierServesWhileItsHostIsDownButOnlyThatLocationsIntactCopy() {
        SourceReading down = SourceReading.unknown("etcd1 cannot be reached over SSH");

        assertThat(PullPlanner.decide(LOCATION, down, here(SHA, Optional.of(LOCATION.text()))).kind())
                .isEqualTo(PullDecision.Kind.ALREADY_HERE);
        assertThat(PullPlanner.decide(LOCATION, down, here(SHA, Optional.of("etcd2:/var/backups/x.db"))).kind())
                .isEqualTo(PullDecision.Kind.REFUSE);
        LocalCopy changedSince = new LocalCopy(TARGET, true, SHA, Optional.of(LOCATION.text()), Optional.of("cd".repeat(32)));
        assertThat(PullPlanner.decide(LOCATION, down, changedSince).kind()).isEqualTo(PullDecision.Kind.REFUSE);
    }
}
