package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The trust check's one command: both stores' paths, and no CA body when there is no CA yet. */
class TrustCheckTest {

    @Test
    void withoutACaTheScriptAsksForTheStoreAndTheAnchorOnly() {
        String script = TrustCheck.script(List.of());

        assertThat(script).contains(TrustStore.DEBIAN.anchor(), TrustStore.DEBIAN.bundle(), TrustStore.RHEL.anchor(),
                TrustStore.RHEL.bundle());
        assertThat(script).contains("for c in ''; do [ -n \"$c\" ] || continue;");
    }
}
