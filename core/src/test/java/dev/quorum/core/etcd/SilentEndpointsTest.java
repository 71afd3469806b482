package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SilentEndpointsTest {
    private static final String DEAD = "https://10.0.0.9:2379";
    private static final Duration FULL = Duration.ofSeconds(2);

    @Test
    void anEndpointGetsTheFullWaitUntilItStaysSilent() {
        SilentEndpoints silent = new SilentEndpoints();
        assertThat(silent.timeoutFor(DEAD, FULL)).isEqualTo(FULL);

        silent.timedOut(DEAD);

        assertThat(silent.isSilent(DEAD)).isTrue();
        assertThat(silent.timeoutFor(DEAD, FULL)).isEqualTo(SilentEndpoints.SHORT_WAIT);
        assertThat(silent.timeoutFor("https://10.0.0.1:2379", FULL)).isEqualTo(FULL);
    }

    @Test
    void anAnswerIsForgottenAtOnce() {
        SilentEndpoints silent = new SilentEndpoints();
        silent.timedOut(DEAD);

        silent.answered(DEAD);

        assertThat(silent.timeoutFor(DEAD, FULL)).isEqualTo(FULL);
    }

    @Test
    void aShorterWaitThanTheShortOneIsKept() {
        SilentEndpoints silent = new SilentEndpoints();
        silent.timedOut(DEAD);

        assertThat(silent.timeoutFor(DEAD, Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(200));
    }
}
