package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.cluster.ClusterAction;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The app enables on the events cluster only commands the CLI takes {@code --cluster events} for, and the ones it
 * holds back are named here: when a command joins the CLI's list, this test says the app has a wizard to check.
 */
class EventsCommandsAgreeTest {

    @Test
    void theAppActsOnTheEventsClusterOnlyWhereTheCliDoesAndNamesWhatItHoldsBack() {
        assertThat(ClusterOptions.EVENTS_COMMANDS).containsAll(ClusterAction.EVENTS_COMMANDS);
        Set<String> heldBack = new HashSet<>(ClusterOptions.EVENTS_COMMANDS);
        heldBack.removeAll(ClusterAction.EVENTS_COMMANDS);
        assertThat(heldBack).isEmpty();
    }
}
