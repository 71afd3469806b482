package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.etcd.InitialClusterState;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.remote.SshTarget;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreflightRulesTest {
    static final EtcdSettings SETTINGS = new EtcdSettings("v3.4.23", URI.create("file:///tmp/e.tgz"), Optional.empty(),
            "/var/lib/etcd", "/etc/ssl/etcd/ssl", "/usr/local/bin", 250, 5000, List.of(), List.of(), "k8s_etcd", "amd64");
    static final List<EtcdMember> CLUSTER = List.of(member("n1", "10.0.0.1", "etcd1"), member("n2", "10.0.0.2", "etcd2"),
            member("n3", "10.0.0.3", "etcd3"));
    final PreflightRules rules = new PreflightRules(SETTINGS, CLUSTER.get(1), CLUSTER, true);

    static EtcdMember member(String host, String address, String name) {
        return new EtcdMember(new InventoryHost(host, address, new SshTarget(address, 22, "root", Optional.empty()),
                Map.of()), name);
    }

    static HostFacts facts(HostFacts.DataDirState data, List<String> listeners, Optional<String> env) {
        return new HostFacts("amd64", "Debian GNU/Linux 12", 50L * 1024 * 1024, data, "inactive", listeners, env);
    }

    static Optional<String> ourEnv(InitialClusterState state) {
        return Optional.of(HostFiles.envFile(CLUSTER.get(1), CLUSTER, SETTINGS, state));
    }

    @Test
    void aBareHostPasses() {
        assertThatCode(() -> rules.verify("n2", facts(HostFacts.DataDirState.EMPTY, List.of(), Optional.empty())))
                .doesNotThrowAnyException();
    }

    @Test
    void ourOwnRunningMemberPasses() {
        var facts = facts(HostFacts.DataDirState.MEMBER,
                List.of("10.0.0.2:2380 users:((\"etcd\",pid=7,fd=7))"), ourEnv(InitialClusterState.EXISTING));
        assertThatCode(() -> rules.verify("n2", facts)).doesNotThrowAnyException();
    }

    @Test
    void aForeignDataDirIsRefusedWithHowToMoveItAside() {
        var facts = facts(HostFacts.DataDirState.MEMBER, List.of(), Optional.of("ETCD_NAME=other\nETCD_INITIAL_CLUSTER_TOKEN=x\n"));
        assertThatThrownBy(() -> rules.verify("n2", facts))
                .isInstanceOf(StepFailedException.class)
                .hasMessageContaining("n2 already has etcd data in /var/lib/etcd that does not belong to this cluster")
                .hasMessageContaining("member other, token x")
                .satisfies(e -> assertThat(((StepFailedException) e).hint())
                        .contains("never deletes").contains("mv /var/lib/etcd /var/lib/etcd.old"));
    }

    @Test
    void dataWithoutAnyEnvFileIsForeign() {
        var facts = facts(HostFacts.DataDirState.OTHER, List.of(), Optional.empty());
        assertThatThrownBy(() -> rules.verify("n2", facts)).hasMessageContaining("no /etc/etcd.env describes it");
    }

    @Test
    void aPortHeldByAnotherProgramIsRefused() {
        var facts = facts(HostFacts.DataDirState.EMPTY, List.of("0.0.0.0:2379 users:((\"nc\",pid=9,fd=3))"),
                Optional.empty());
        assertThatThrownBy(() -> rules.verify("n2", facts))
                .hasMessageContaining("port 2379 is already in use")
                .hasMessageContaining("nc");
    }

    @Test
    void anEtcdOfAnotherClusterOnThePortIsRefused() {
        var facts = facts(HostFacts.DataDirState.EMPTY, List.of("127.0.0.1:2379 users:((\"etcd\",pid=9,fd=3))"),
                Optional.empty());
        assertThatThrownBy(() -> rules.verify("n2", facts)).hasMessageContaining("port 2379 is already in use");
    }

    @Test
    void aMemberThatLostItsDataIsNotBootstrappedAgain() {
        var facts = facts(HostFacts.DataDirState.EMPTY, List.of(), ourEnv(InitialClusterState.EXISTING));
        assertThatThrownBy(() -> rules.verify("n2", facts))
                .hasMessageContaining("this member lost its data")
                .satisfies(e -> assertThat(((StepFailedException) e).hint()).contains("re-seed"));
    }

    @Test
    void anInterruptedFirstRunIsNotMistakenForLostData() {
        var facts = facts(HostFacts.DataDirState.EMPTY, List.of(), ourEnv(InitialClusterState.NEW));
        assertThatCode(() -> rules.verify("n2", facts)).doesNotThrowAnyException();
    }

    @Test
    void wrongArchitectureAndFullDiskAreRefused() {
        var arm = new HostFacts("arm64", "x", 50L * 1024 * 1024, HostFacts.DataDirState.EMPTY, "inactive", List.of(),
                Optional.empty());
        assertThatThrownBy(() -> rules.verify("n2", arm)).hasMessageContaining("n2 is arm64 but the etcd release is for amd64");
        var full = new HostFacts("amd64", "x", 100, HostFacts.DataDirState.EMPTY, "inactive", List.of(), Optional.empty());
        assertThatThrownBy(() -> rules.verify("n2", full)).hasMessageContaining("has only 0 MiB free");
    }

    @Test
    void anIpTheHostDoesNotHaveIsRefusedBeforeAnyFileIsWritten() {
        var facts = new HostFacts("amd64", "Debian GNU/Linux 12", 50L * 1024 * 1024, HostFacts.DataDirState.EMPTY,
                "inactive", List.of(), Optional.empty(), List.of("127.0.0.1", "10.9.9.9", "fe80::1"));
        assertThatThrownBy(() -> rules.verify("n2", facts))
                .isInstanceOf(StepFailedException.class)
                .hasMessageContaining("etcd would listen on 10.0.0.2, which is not an address of this host "
                        + "(it has 127.0.0.1, 10.9.9.9, fe80::1)")
                .satisfies(e -> assertThat(((StepFailedException) e).hint()).contains("set ip (ip6 on an IPv6-only "
                        + "stack) of n2 to one of the host's own addresses"));
    }

    @Test
    void theHostsOwnIpPassesAlsoSpelledDifferentlyForIpv6() {
        var v4 = new HostFacts("amd64", "Debian GNU/Linux 12", 50L * 1024 * 1024, HostFacts.DataDirState.EMPTY,
                "inactive", List.of(), Optional.empty(), List.of("127.0.0.1", "10.0.0.2"));
        assertThatCode(() -> rules.verify("n2", v4)).doesNotThrowAnyException();
        EtcdMember six = member("n4", "fd00:0:0::4", "etcd4");
        var v6 = new HostFacts("amd64", "Debian GNU/Linux 12", 50L * 1024 * 1024, HostFacts.DataDirState.EMPTY,
                "inactive", List.of(), Optional.empty(), List.of("::1", "fd00::4"));
        assertThatCode(() -> new PreflightRules(SETTINGS, six, CLUSTER, true).verify("n4", v6))
                .doesNotThrowAnyException();
    }
}
