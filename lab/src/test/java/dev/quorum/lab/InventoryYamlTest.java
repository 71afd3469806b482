package dev.quorum.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inventory text itself; runs without root. */
class InventoryYamlTest {

    private final List<LabHost> hosts = List.of(
            new LabHost(null, "lab1", "198.19.77.11", 0, "-"),
            new LabHost(null, "lab2", "198.19.77.12", 0, "-"));

    @Test
    void rendersKubesprayLayout() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("etcd_version", "v3.4.23");
        vars.put("etcd_heartbeat_interval", 250);
        vars.put("etcd_events_cluster_setup", false);
        vars.put("etcd_extra_vars", Map.of("ETCD_PRE_VOTE", "true"));
        vars.put("etcd_cert_alt_names", List.of("etcd.local", "*.etcd.local"));
        String yaml = InventoryYaml.render(hosts, Path.of("/tmp/k/id_ed25519"), vars);
        assertThat(yaml).isEqualTo("""
                all:
                  hosts:
                    lab1:
                      ansible_host: 198.19.77.11
                      ip: 198.19.77.11
                      ansible_user: root
                      ansible_ssh_private_key_file: /tmp/k/id_ed25519
                    lab2:
                      ansible_host: 198.19.77.12
                      ip: 198.19.77.12
                      ansible_user: root
                      ansible_ssh_private_key_file: /tmp/k/id_ed25519
                  children:
                    etcd:
                      hosts:
                        lab1:
                        lab2:
                  vars:
                    etcd_version: v3.4.23
                    etcd_heartbeat_interval: 250
                    etcd_events_cluster_setup: false
                    etcd_extra_vars:
                      ETCD_PRE_VOTE: "true"
                    etcd_cert_alt_names:
                      - etcd.local
                      - "*.etcd.local"
                """);
    }

    @Test
    void quotesWhatYamlWouldReadAsSomethingElse() {
        assertThat(InventoryYaml.scalar("yes")).isEqualTo("\"yes\"");
        assertThat(InventoryYaml.scalar("3.4")).isEqualTo("\"3.4\"");
        assertThat(InventoryYaml.scalar("a: b")).isEqualTo("\"a: b\"");
        assertThat(InventoryYaml.scalar("say \"hi\"\n")).isEqualTo("\"say \\\"hi\\\"\\n\"");
        assertThat(InventoryYaml.scalar("plain-word_1.2")).isEqualTo("plain-word_1.2");
    }

    @Test
    void hostsPastTheEtcdCountAreSpare() {
        String yaml = InventoryYaml.render(hosts, 1, Path.of("/k"), Map.of());

        assertThat(yaml).contains("  hosts:\n    lab1:\n").contains("    lab2:\n      ansible_host: 198.19.77.12")
                .contains("    etcd:\n      hosts:\n        lab1:\n  vars:");
        assertThat(yaml).doesNotContain("        lab2:");
    }

    @Test
    void emptyVarsAreAnEmptyMap() {
        assertThat(InventoryYaml.render(hosts, Path.of("/k"), Map.of())).endsWith("  vars: {}\n");
    }
}
