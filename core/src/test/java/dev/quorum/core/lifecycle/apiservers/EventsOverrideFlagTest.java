package dev.quorum.core.lifecycle.apiservers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.remote.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events cluster's members go into --etcd-servers-overrides' /events# entry, never into --etcd-servers. */
class EventsOverrideFlagTest {
    private static final String MANIFEST = """
            spec:
              containers:
              - command:
                - kube-apiserver
                - --etcd-servers=https://10.0.0.1:2379,https://10.0.0.2:2379
                - --etcd-servers-overrides=/events#https://10.0.0.1:2383;https://10.0.0.2:2383
                - --etcd-cafile=/etc/ssl/etcd/ssl/ca.pem
            """;

    private static EtcdMember member(String host, String address, ClusterLayout layout) {
        return new EtcdMember(new InventoryHost(host, address, new SshTarget(address, 22, "root", Optional.empty()),
                Map.of()), "etcd-" + host, layout);
    }

    @Test
    void anEventsMembersRequestNamesTheOverridesEntry() {
        ApiserverRequest events = ApiserverPlans.forMembers(List.of(member("n1", "10.0.0.1", ClusterLayout.EVENTS),
                member("n3", "10.0.0.3", ClusterLayout.EVENTS)));
        ApiserverRequest main = ApiserverPlans.forMembers(List.of(member("n1", "10.0.0.1", ClusterLayout.MAIN)));

        assertThat(events.flag()).isEqualTo(ApiserverFlag.EVENTS_OVERRIDE);
        assertThat(events.flagText())
                .isEqualTo("--etcd-servers-overrides=/events#https://10.0.0.1:2383;https://10.0.0.3:2383");
        assertThat(main.flagText()).isEqualTo("--etcd-servers=https://10.0.0.1:2379");
    }

    @Test
    void replacingTheEventsEntryLeavesEtcdServersAndEveryOtherByteAsTheyWere() {
        ApiserverRequest events = new ApiserverRequest(List.of("https://10.0.0.1:2383", "https://10.0.0.3:2383"),
                ApiserverRequest.DEFAULT_HEALTH_TIMEOUT, ApiserverFlag.EVENTS_OVERRIDE);
        String current = EtcdServersFlag.read(MANIFEST, ApiserverFlag.EVENTS_OVERRIDE).value().orElseThrow();

        String after = EtcdServersFlag.replace(MANIFEST, ApiserverFlag.EVENTS_OVERRIDE, events.replacing(current));

        assertThat(after).isEqualTo(MANIFEST.replace("https://10.0.0.2:2383", "https://10.0.0.3:2383"));
        assertThat(EtcdServersFlag.read(after).value()).contains("https://10.0.0.1:2379,https://10.0.0.2:2379");
        assertThat(events.satisfiedBy(current)).isFalse();
        assertThat(events.satisfiedBy("/events#https://10.0.0.3:2383;https://10.0.0.1:2383")).isTrue();
    }

    @Test
    void otherOverridesStayAndAMissingEventsEntryIsAdded() {
        assertThat(ApiserverFlag.EVENTS_OVERRIDE.edited("/pods#https://p:2379,/events#https://a:2383",
                List.of("https://b:2383"))).isEqualTo("/pods#https://p:2379,/events#https://b:2383");
        assertThat(ApiserverFlag.EVENTS_OVERRIDE.edited("/pods#https://p:2379", List.of("https://b:2383")))
                .isEqualTo("/pods#https://p:2379,/events#https://b:2383");
        assertThat(ApiserverFlag.EVENTS_OVERRIDE.servers("/pods#https://p:2379")).isEmpty();
    }

    @Test
    void aManifestWithoutOverridesIsNotEditedAndSaysWhichLineIsMissing() {
        String plain = MANIFEST.replace("    - --etcd-servers-overrides=/events#https://10.0.0.1:2383;https://10.0.0.2:2383\n",
                "");
        assertThat(EtcdServersFlag.read(plain, ApiserverFlag.EVENTS_OVERRIDE).problem())
                .contains("no \"- --etcd-servers-overrides=...\" line");
    }

    /** A failed update's hint reruns the update of the same flag: the events cluster's needs --cluster events. */
    @Test
    void theRerunHintOfTheEventsClustersUpdateNamesTheEventsCluster(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("hosts.yaml"), "all:\n  hosts:\n    node1: {ip: 10.0.0.1}\n"
                + "  children:\n    etcd:\n      hosts:\n        node1:\n"
                + "      vars:\n        etcd_events_cluster_enabled: true\n");
        Inventory main = new InventoryReader("tester", Path.of("/home/tester")).read(file);

        assertThat(ApiserverPlans.rerun(main)).isEqualTo("quorum apiservers update -i " + file);
        assertThat(ApiserverPlans.rerun(main.cluster(ClusterLayout.EVENTS)))
                .isEqualTo("quorum apiservers update -i " + file + " --cluster events");
    }
}
