package dev.quorum.core.lifecycle.restore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A host's answer about the restore's drop-in: missing, empty and present files told apart. */
class DropInOnHostTest {

    @Test
    void aStoppedHostWithBothFiles() {
        DropInOnHost found = DropInOnHost.parse("inactive\n@@quorum-drop-in:conf\npresent\n[Service]\nA=1\n"
                + "@@quorum-drop-in:env\npresent\nX=false\n");

        assertThat(found.unitState()).isEqualTo("inactive");
        assertThat(found.running()).isFalse();
        assertThat(found.conf()).contains("[Service]\nA=1\n");
        assertThat(found.env()).contains("X=false\n");
        assertThat(found.anyPresent()).isTrue();
    }

    @Test
    void aRunningHostWithoutTheDropIn() {
        DropInOnHost found = DropInOnHost.parse("active\n@@quorum-drop-in:conf\n@@quorum-drop-in:env\n");

        assertThat(found.running()).isTrue();
        assertThat(found.anyPresent()).isFalse();
    }

    @Test
    void anEmptyEnvFileIsPresentAndAMissingConfIsNot() {
        DropInOnHost found = DropInOnHost.parse("failed\n@@quorum-drop-in:conf\n@@quorum-drop-in:env\npresent\n");

        assertThat(found.conf()).isEmpty();
        assertThat(found.env()).contains("");
        assertThat(found.anyPresent()).isTrue();
        assertThat(found.running()).isFalse();
    }
}
