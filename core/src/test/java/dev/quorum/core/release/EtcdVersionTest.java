package dev.quorum.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EtcdVersionTest {

    @Test
    void readsReleaseNamesWithOrWithoutTheV() {
        assertThat(EtcdVersion.parse("v3.6.14")).isEqualTo(new EtcdVersion(3, 6, 14));
        assertThat(EtcdVersion.parse("3.5.33")).isEqualTo(new EtcdVersion(3, 5, 33));
        assertThat(EtcdVersion.parse("v3.7.0-rc.1")).isEqualTo(new EtcdVersion(3, 7, 0));
        assertThat(EtcdVersion.parse("3.6.14").toString()).isEqualTo("v3.6.14");
        assertThat(EtcdVersion.tryParse("not decided")).isEmpty();
        assertThatThrownBy(() -> EtcdVersion.parse("3.6")).hasMessageContaining("write it as v3.6.14");
    }

    @Test
    void ordersByNumberNotByText() {
        assertThat(EtcdVersion.parse("v3.5.9")).isLessThan(EtcdVersion.parse("v3.5.10"));
        assertThat(EtcdVersion.parse("v3.10.0")).isGreaterThan(EtcdVersion.parse("v3.9.30"));
        assertThat(EtcdVersion.parse("v3.5.32").isAtLeast(3, 5, 32)).isTrue();
        assertThat(EtcdVersion.parse("v3.5.31").isAtLeast(3, 5, 32)).isFalse();
    }

    @Test
    void knowsWhichReleasesHaveEtcdutl() {
        assertThat(EtcdVersion.parse("v3.4.23").hasEtcdutl()).isFalse();
        assertThat(EtcdVersion.parse("v3.5.33").hasEtcdutl()).isTrue();
        assertThat(EtcdVersion.parse("v3.5.33").requiresEtcdutl()).isFalse();
        assertThat(EtcdVersion.parse("v3.6.14").requiresEtcdutl()).isTrue();
        assertThat(EtcdVersion.parse("v3.6.14").line()).isEqualTo("3.6");
        assertThat(EtcdVersion.parse("v3.6.1").sameLine(EtcdVersion.parse("v3.6.14"))).isTrue();
    }
}
