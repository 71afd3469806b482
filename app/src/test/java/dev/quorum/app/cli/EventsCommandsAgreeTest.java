package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.cluster.ClusterAction;
import org.junit.jupiter.api.Test;

/**
 * The app enables on the events cluster exactly the commands the CLI takes {@code --cluster events} for: when a
 * command joins the CLI's list, the app's list must follow (and its wizard is enabled there), and the reverse.
 */
class EventsCommandsAgreeTest {

    @Test
    void theAppAndTheCliAgreeOnWhatActsOnTheEventsCluster() {
        assertThat(ClusterAction.EVENTS_COMMANDS).isEqualTo(ClusterOptions.EVENTS_COMMANDS);
    }
}
