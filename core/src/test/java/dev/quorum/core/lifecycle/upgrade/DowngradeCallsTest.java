package dev.quorum.core.lifecycle.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.engine.StepFailedException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** A downgrade call's failure in words: etcd's refusal is a failure, no answer in time is unknown. */
class DowngradeCallsTest {
    private static final String WORDS = "etcdctl downgrade enable 3.5";
    private static final String URL = "https://198.19.77.2:2379";

    @Test
    void etcdsRefusalIsAFailureWithTheCallersHint() {
        StepFailedException failed = DowngradeCalls.failure(WORDS, URL,
                new IllegalStateException("the cluster is already being downgraded"), "nothing was changed");

        assertThat(failed).hasMessage(WORDS + " at " + URL + " failed: the cluster is already being downgraded");
        assertThat(failed.hint()).isEqualTo("nothing was changed");
    }

    @Test
    void theGatewaysHttpTimeoutIsUnknownNotAFailure() {
        StepFailedException failed = DowngradeCalls.failure(WORDS, URL, new HttpTimeoutException("request timed out"),
                "nothing was changed");

        assertThat(failed.getMessage()).isEqualTo(WORDS + " at " + URL
                + " got no answer in time: whether etcd took it is unknown");
        assertThat(failed.hint()).as("not the caller's 'nothing was changed'").startsWith("look at quorum status");
    }

    @Test
    void ourOwnWaitRunningOutIsUnknownToo() {
        StepFailedException failed = DowngradeCalls.failure(WORDS, URL, new TimeoutException(), "nothing was changed");

        assertThat(failed.getMessage()).endsWith("whether etcd took it is unknown");
    }
}
