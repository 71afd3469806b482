package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitStateTest {
    @Test
    void onlyInactiveAndFailedAreStopped() {
        assertThat(UnitState.of("inactive\n").stopped()).isTrue();
        assertThat(UnitState.of("failed").stopped()).isTrue();
        for (String word : new String[] {"active", "activating", "deactivating", "reloading", "", "maintenance"}) {
            assertThat(UnitState.of(word).stopped()).as(word).isFalse();
        }
    }

    @Test
    void aUnitStartingOrStoppingRunsAProcess() {
        assertThat(UnitState.of("activating\n")).isEqualTo(UnitState.ACTIVATING);
        assertThat(UnitState.of("activating").running()).isTrue();
        assertThat(UnitState.of("deactivating").running()).isTrue();
        assertThat(UnitState.of("reloading").running()).isTrue();
        assertThat(UnitState.of("active").running()).isTrue();
    }

    @Test
    void noAnswerOrAnUnknownWordIsNeitherRunningNorStopped() {
        for (String word : new String[] {"", "\n", "maintenance", "Active", "ssh: connect to host"}) {
            UnitState state = UnitState.of(word);
            assertThat(state).as(word).isEqualTo(UnitState.UNKNOWN);
            assertThat(state.running() || state.stopped()).as(word).isFalse();
        }
        assertThat(UnitState.UNKNOWN.word()).isEqualTo("unknown");
    }

    @Test
    void onlyTheFirstLineIsTheWord() {
        assertThat(UnitState.of("inactive\nactive\n")).isEqualTo(UnitState.INACTIVE);
    }

    @Test
    void aStartingUnitDoesNotStartAfreshButAStoppingOneDoes() {
        for (String word : new String[] {"inactive", "failed", "deactivating"}) {
            assertThat(UnitState.of(word).startsAfresh()).as(word).isTrue();
        }
        for (String word : new String[] {"active", "activating", "reloading", ""}) {
            assertThat(UnitState.of(word).startsAfresh()).as(word).isFalse();
        }
    }
}
