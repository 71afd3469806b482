package dev.quorum.core.lifecycle.apiservers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EtcdServersFlagTest {
    private static final String MANIFEST = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: kube-apiserver   # kubeadm
            spec:
              containers:
              - command:
                - kube-apiserver
                - --secure-port=6443
                - --etcd-servers=https://10.0.0.1:2379,https://10.0.0.2:2379
                - --etcd-servers-overrides=/events#https://10.0.0.9:2379
                - --etcd-cafile=/etc/ssl/etcd/ssl/ca.pem
            """;

    @Test
    void readsTheValueAndNotTheOverrides() {
        assertThat(EtcdServersFlag.read(MANIFEST).value()).contains("https://10.0.0.1:2379,https://10.0.0.2:2379");
    }

    @Test
    void replacingChangesOnlyTheValueEveryOtherByteStays() {
        String after = EtcdServersFlag.replace(MANIFEST, "https://10.0.0.3:2379");
        assertThat(after).isEqualTo(MANIFEST.replace("https://10.0.0.1:2379,https://10.0.0.2:2379", "https://10.0.0.3:2379"));
    }

    @Test
    void keepsQuotesAndCarriageReturns() {
        String manifest = "spec:\r\n  - \"--etcd-servers=https://a:2379\"\r\n  - x\r\n";
        assertThat(EtcdServersFlag.replace(manifest, "https://b:2379"))
                .isEqualTo("spec:\r\n  - \"--etcd-servers=https://b:2379\"\r\n  - x\r\n");
    }

    @Test
    void refusesAManifestWithoutTheFlagOrWithItTwice() {
        assertThat(EtcdServersFlag.read("spec: {}\n").problem()).contains("no \"- --etcd-servers=");
        String twice = "  - --etcd-servers=https://a:2379\n  - --etcd-servers=https://b:2379\n";
        assertThat(EtcdServersFlag.read(twice).problem()).contains("more than once");
        assertThatThrownBy(() -> EtcdServersFlag.replace(twice, "https://c:2379"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameServersInAnotherOrderAreTheSameList() {
        assertThat(EtcdServersFlag.sameServers("https://b:2379,https://a:2379", List.of("https://a:2379", "https://b:2379")))
                .isTrue();
        assertThat(EtcdServersFlag.sameServers("https://a:2379", List.of("https://a:2379", "https://b:2379"))).isFalse();
        assertThat(EtcdServersFlag.sameServers("https://a:2379,https://a:2379", List.of("https://a:2379"))).isFalse();
    }

    @Test
    void securePortFromTheManifestElse6443() {
        assertThat(EtcdServersFlag.securePort(MANIFEST.replace("6443", "8443"))).isEqualTo(8443);
        assertThat(EtcdServersFlag.securePort("spec: {}\n")).isEqualTo(6443);
    }
}
