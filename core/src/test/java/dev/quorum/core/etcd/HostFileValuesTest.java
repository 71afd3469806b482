package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.inventory.EtcdSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The host files render defensively even from settings no inventory reader checked: a value that would need
 * quoting in the env file (sourced by sh, read by systemd) or the unit is refused, not written.
 */
class HostFileValuesTest {
    private static EtcdSettings with(String token, String dataDir, String binDir) {
        EtcdSettings s = HostFilesTest.SETTINGS;
        return new EtcdSettings(s.version(), s.downloadUrl(), s.binaryChecksum(), dataDir, s.certDir(), binDir,
                s.heartbeatMillis(), s.electionMillis(), s.certAltNames(), s.certAltIps(), token, s.architecture());
    }

    private static String env(EtcdSettings settings) {
        return HostFiles.envFile(HostFilesTest.CLUSTER.get(0), HostFilesTest.CLUSTER, settings, InitialClusterState.NEW);
    }

    @Test
    void lineBreakCannotInjectAnotherVariable() {
        EtcdSettings settings = with("k8s_etcd\nETCD_UNSAFE_NO_FSYNC=true", "/var/lib/etcd", "/usr/local/bin");

        assertThatThrownBy(() -> env(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refusing to write cluster_token into /etc/etcd.env: its value holds a line break, which "
                        + "the file cannot carry safely");
    }

    @Test
    void shellExpansionsAreRefusedInTheEnvFile() {
        for (String dataDir : List.of("/var/lib/$(touch /tmp/x)", "/var/lib/`id`", "/var/lib/a b", "/var/lib/a;b")) {
            assertThatThrownBy(() -> env(with("k8s_etcd", dataDir, "/usr/local/bin")))
                    .as(dataDir).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("refusing to write etcd_data_dir into /etc/etcd.env");
        }
    }

    @Test
    void unitRefusesSystemdSpecifiersAndSpaces() {
        assertThatThrownBy(() -> HostFiles.unitFile(with("k8s_etcd", "/var/lib/etcd", "/opt/%h/bin")))
                .hasMessage("refusing to write bin_dir into /etc/systemd/system/etcd.service: its value holds the "
                        + "character %, which the file cannot carry safely");
        assertThatThrownBy(() -> HostFiles.unitFile(with("k8s_etcd", "/var/lib/etcd", "/opt/my bin")))
                .hasMessageContaining("holds white space");
    }

    @Test
    void ipv6UrlsStillRender() {
        var cluster = List.of(HostFilesTest.member("etcd01", "fd00::1", "etcd1"));
        assertThat(HostFiles.envFile(cluster.get(0), cluster, HostFilesTest.SETTINGS, InitialClusterState.NEW))
                .contains("ETCD_INITIAL_CLUSTER=etcd1=https://[fd00::1]:2380");
    }

    @Test
    void etcdctlWrapperQuotesThePathAndKeepsAPlainOneAsItWas() {
        assertThat(HostFiles.etcdctlWrapper(HostFilesTest.SETTINGS)).endsWith("exec /usr/local/bin/etcdctl \"$@\"\n");
        assertThat(HostFiles.etcdctlWrapper(with("k8s_etcd", "/var/lib/etcd", "/opt/it's")))
                .endsWith("exec '/opt/it'\\''s/etcdctl' \"$@\"\n");
    }
}
