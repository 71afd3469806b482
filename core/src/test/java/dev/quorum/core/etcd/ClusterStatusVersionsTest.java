package dev.quorum.core.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.release.EtcdVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Members' versions, the cluster version, and mixed versions as a state of the cluster. */
class ClusterStatusVersionsTest {

    private static MemberStatus running(int i, String version) {
        String url = "https://10.0.0." + i + ":2379";
        return new MemberStatus("node" + i, "etcd" + i, url, Optional.of(new EndpointStatus(url, i, version, 1, 2,
                10, 10, 20_000, 16_000, false, List.of())), "");
    }

    private static MemberStatus silent(int i) {
        return new MemberStatus("node" + i, "etcd" + i, "https://10.0.0." + i + ":2379", Optional.empty(),
                "no answer in time");
    }

    private static ClusterStatus of(Optional<EtcdVersion> cluster, MemberStatus... members) {
        return new ClusterStatus(List.of(members), List.of(), List.of(), true, "", cluster);
    }

    @Test
    void oneVersionEverywhereIsNotMixed() {
        ClusterStatus status = of(Optional.of(EtcdVersion.parse("3.6.0")), running(1, "3.6.14"), running(2, "3.6.14"),
                silent(3));

        assertThat(status.mixedVersions()).isFalse();
        assertThat(status.memberVersions()).containsExactly(EtcdVersion.parse("3.6.14"));
        assertThat(status.members().get(0).version()).contains(EtcdVersion.parse("3.6.14"));
        assertThat(status.members().get(2).version()).as("a silent member's version is unknown").isEmpty();
        assertThat(status.versionSentence()).isEqualTo("etcd v3.6.14, cluster version 3.6");
    }

    @Test
    void membersOnDifferentVersionsAreMixedAndNamedByVersion() {
        ClusterStatus status = of(Optional.of(EtcdVersion.parse("3.5.0")), running(1, "3.6.14"), running(2, "3.5.33"),
                running(3, "3.5.33"));

        assertThat(status.mixedVersions()).isTrue();
        assertThat(status.memberVersions()).containsExactly(EtcdVersion.parse("3.5.33"), EtcdVersion.parse("3.6.14"));
        assertThat(status.versionSentence())
                .isEqualTo("mixed versions: v3.5.33 (etcd2, etcd3), v3.6.14 (etcd1); cluster version 3.5");
    }

    @Test
    void aPatchDifferenceIsMixedToo() {
        assertThat(of(Optional.empty(), running(1, "3.5.32"), running(2, "3.5.33")).mixedVersions()).isTrue();
    }

    @Test
    void withoutAnAnswerNothingIsKnownAndAnUnreadClusterVersionSaysSo() {
        assertThat(of(Optional.empty(), silent(1), silent(2)).versionSentence())
                .isEqualTo("versions unknown: no member answered");
        assertThat(of(Optional.empty(), running(1, "3.4.23")).versionSentence())
                .isEqualTo("etcd v3.4.23, cluster version unknown");
        assertThat(new ClusterStatus(List.of(running(1, "3.4.23")), List.of(), List.of(), true, "").clusterVersion())
                .as("reads that did not ask for it").isEmpty();
    }
}
