package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.release.EtcdVersion;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** etcd's /version answer as etcd 3.4-3.7 write it, and the answers that are not one. */
class ServedVersionsTest {

    @Test
    void readsTheServerAndTheClusterVersion() {
        ServedVersions versions = ServedVersions.parse("{\"etcdserver\":\"3.6.14\",\"etcdcluster\":\"3.6.0\"}");

        assertThat(versions.server()).isEqualTo(new EtcdVersion(3, 6, 14));
        assertThat(versions.cluster()).contains(new EtcdVersion(3, 6, 0));
    }

    @Test
    void aClusterVersionNotDecidedYetIsEmpty() {
        ServedVersions versions = ServedVersions.parse("{\"etcdserver\":\"3.5.33\",\"etcdcluster\":\"not_decided\"}");

        assertThat(versions.server()).isEqualTo(new EtcdVersion(3, 5, 33));
        assertThat(versions.cluster()).isEqualTo(Optional.empty());
    }

    @Test
    void anAnswerWithoutAServerVersionIsRefusedWithWhatCame() {
        assertThatThrownBy(() -> ServedVersions.parse("{\"health\":\"true\"}"))
                .hasMessageContaining("names no server version").hasMessageContaining("health");
        assertThatThrownBy(() -> ServedVersions.parse("404 page not found"))
                .hasMessageContaining("did not answer a JSON object").hasMessageContaining("404 page not found");
    }
}
