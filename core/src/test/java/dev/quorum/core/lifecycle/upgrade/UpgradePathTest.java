package dev.quorum.core.lifecycle.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.release.EtcdVersion;
import org.junit.jupiter.api.Test;

class UpgradePathTest {
    private static UpgradePath path(String from, String to) {
        return UpgradePath.of(EtcdVersion.parse(from), EtcdVersion.parse(to));
    }

    @Test
    void saysWhatComesNowAndWhatAfter() {
        assertThat(path("v3.5.33", "v3.6.14").describe()).isEqualTo("3.5 -> 3.6");
        assertThat(path("v3.4.23", "v3.6.14").describe()).isEqualTo("3.4 -> 3.5 now, then 3.6");
        assertThat(path("v3.4.23", "v3.6.14").needsSeveralSteps()).isTrue();
        assertThat(path("v3.5.30", "v3.5.33").describe()).isEqualTo("3.5 (patch v3.5.30 -> v3.5.33)");
        assertThat(path("v3.5.30", "v3.5.33").patchOnly()).isTrue();
    }
}
