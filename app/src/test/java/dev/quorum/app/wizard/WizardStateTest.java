package dev.quorum.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WizardStateTest {

    @Test
    void movesOnlyAlongTheLifeOfAWizard() {
        assertThat(WizardState.EDITING.next()).containsExactly(WizardState.REVIEWING);
        assertThat(WizardState.REVIEWING.next()).containsExactlyInAnyOrder(WizardState.EDITING, WizardState.RUNNING);
        assertThat(WizardState.RUNNING.next()).containsExactlyInAnyOrder(WizardState.FINISHED, WizardState.FAILED,
                WizardState.CANCELLED);
        assertThat(WizardState.FAILED.next()).containsExactly(WizardState.REVIEWING);
        assertThat(WizardState.CANCELLED.next()).containsExactly(WizardState.REVIEWING);
        assertThat(WizardState.FINISHED.next()).isEmpty();
        assertThat(WizardState.RUNNING.canMoveTo(WizardState.EDITING)).as("no going back during a run").isFalse();
    }

    @Test
    void compareAndSetMovesOnlyFromTheExpectedState() {
        WizardStatus status = new WizardStatus();

        assertThat(status.compareAndSet(WizardState.REVIEWING, WizardState.RUNNING)).isFalse();
        assertThat(status.get()).isEqualTo(WizardState.EDITING);
        assertThat(status.compareAndSet(WizardState.EDITING, WizardState.REVIEWING)).isTrue();
        assertThat(status.get()).isEqualTo(WizardState.REVIEWING);
    }

    @Test
    void aMoveTheStateDoesNotAllowIsRefused() {
        WizardStatus status = new WizardStatus();
        assertThatThrownBy(() -> status.moveTo(WizardState.RUNNING)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EDITING to RUNNING");
        assertThat(status.get()).isEqualTo(WizardState.EDITING);
    }
}
