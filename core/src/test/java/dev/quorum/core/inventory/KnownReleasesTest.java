package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnownReleasesTest {

    @Test
    void theDefaultReleaseDownloadsWithAKnownChecksumOnAmd64() {
        assertThat(KnownReleases.sha256(EtcdSettings.DEFAULT_VERSION, "amd64"))
                .contains("ffe840ff9295808e88cce2794a18a5ac87f12a5203c8314d0bf6aa119b41bac5");
        assertThat(KnownReleases.sha256("v3.5.16", "arm64"))
                .contains("8e68c55e6d72b791a9e98591c755af36f6f55aa9eca63767822cd8a3817fdb23");
    }

    @Test
    void aVersionOrArchitectureNotReadFromKubesprayIsUnknown() {
        assertThat(KnownReleases.sha256("v3.6.14", "arm64")).isEmpty();
        assertThat(KnownReleases.sha256("v3.7.1", "amd64")).isEmpty();
        assertThat(KnownReleases.sha256("v3.6.14", "s390x")).isEmpty();
    }
}
