package dev.quorum.core.lifecycle.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.inventory.ClusterLayout;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A host's answer about the restore's drop-in: on disk and as systemd loaded it, missing and empty told apart. */
class DropInOnHostTest {
    private static final ClusterLayout MAIN = ClusterLayout.MAIN;
    private static final String CONF = InitialCheckDropIn.confPath(MAIN);
    private static final InitialCheckDropIn DROP_IN = new InitialCheckDropIn(MAIN,
            "ETCD_FEATURE_GATES=InitialCorruptCheck=false,CompactHashCheck=true\n");

    private static String answer(String state, String loaded, Optional<String> conf, Optional<String> env) {
        return state + "\n@@quorum-drop-in:loaded\n" + loaded + "\n@@quorum-drop-in:conf\n"
                + conf.map(c -> "present\n" + c).orElse("") + "@@quorum-drop-in:env\n"
                + env.map(e -> "present\n" + e).orElse("");
    }

    @Test
    void aStoppedHostWithTheDropInWrittenAndLoaded() {
        DropInOnHost found = DropInOnHost.parse(answer("inactive", "/etc/x.conf " + CONF,
                Optional.of(DROP_IN.conf()), Optional.of(DROP_IN.env())));

        assertThat(found.unitState()).isEqualTo("inactive");
        assertThat(found.running()).isFalse();
        assertThat(found.loaded()).containsExactly("/etc/x.conf", CONF);
        assertThat(found.inForce(DROP_IN)).isTrue();
        assertThat(found.anyLeft(MAIN)).isTrue();
    }

    @Test
    void writtenButNotReloadedIsNotInForce() {
        DropInOnHost found = DropInOnHost.parse(answer("inactive", "", Optional.of(DROP_IN.conf()),
                Optional.of(DROP_IN.env())));

        assertThat(found.loaded()).isEmpty();
        assertThat(found.inForce(DROP_IN)).isFalse();
    }

    @Test
    void removedButStillLoadedIsStillLeft() {
        DropInOnHost found = DropInOnHost.parse(answer("active", CONF, Optional.empty(), Optional.empty()));

        assertThat(found.running()).isTrue();
        assertThat(found.anyLeft(MAIN)).isTrue();
    }

    @Test
    void aRunningHostWithoutTheDropIn() {
        DropInOnHost found = DropInOnHost.parse(answer("active", "", Optional.empty(), Optional.empty()));

        assertThat(found.running()).isTrue();
        assertThat(found.anyLeft(MAIN)).isFalse();
    }

    @Test
    void anEmptyEnvFileIsPresentAndAMissingConfIsNot() {
        DropInOnHost found = DropInOnHost.parse(answer("failed", "", Optional.empty(), Optional.of("")));

        assertThat(found.conf()).isEmpty();
        assertThat(found.env()).contains("");
        assertThat(found.anyLeft(MAIN)).isTrue();
        assertThat(found.inForce(DROP_IN)).isFalse();
    }
}
