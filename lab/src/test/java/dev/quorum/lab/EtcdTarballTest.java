package dev.quorum.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The offline stand-ins for etcd's GitHub release tarballs, one per release line; needs no root. */
class EtcdTarballTest {

    @ParameterizedTest(name = "etcd {0}")
    @ValueSource(strings = {"3.4", "3.5", "3.6", "3.7"})
    void eachLineHasTheOfficialLayoutAndAMatchingChecksum(String line) {
        EtcdTarball t = EtcdTarball.require(line);
        assertThat(t.version()).matches("v" + line.replace(".", "\\.") + "\\.\\d+");
        assertThat(t.line()).isEqualTo(line);
        assertThat(t.path().getFileName().toString()).isEqualTo("etcd-" + t.version() + "-linux-amd64.tar.gz");
        assertThat(t.uri().toString()).isEqualTo("file://" + t.path());
        assertThat(EtcdTarball.require(line)).as("once per JVM").isSameAs(t);

        String listing = Commands.run(List.of("tar", "-tzf", t.path().toString()), 60).requireOk("tar -t").stdout();
        assertThat(listing).contains(t.topDirectory() + "/etcd\n").contains(t.topDirectory() + "/etcdctl\n");
        if (!"3.4".equals(line)) {
            assertThat(listing).as("etcdutl ships from 3.5 on").contains(t.topDirectory() + "/etcdutl\n");
        }
        String sha = Commands.run(List.of("sha256sum", t.path().toString()), 60).requireOk("sha256sum").stdout();
        assertThat(sha).startsWith(t.sha256() + " ");
    }

    @Test
    void theLabRunsEtcd36UnlessToldOtherwise() {
        String configured = System.getenv(EtcdTarball.LINE_VARIABLE);
        assertThat(EtcdTarball.defaultLine()).isEqualTo(configured == null ? "3.6" : configured.trim());
    }

    @Test
    void aLineIsWrittenAsMajorDotMinor() {
        assertThatThrownBy(() -> EtcdTarball.find("v3.6.14")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write e.g. 3.6");
    }
}
