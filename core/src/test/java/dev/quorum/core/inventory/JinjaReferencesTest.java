package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JinjaReferencesTest {
    @TempDir
    Path dir;

    private Inventory read(String allVars) {
        return TestInventories.reader().read(TestInventories.write(dir, "hosts.yaml", TestInventories.threeEtcdHosts(allVars)));
    }

    @Test
    void plainReferencesResolveRecursivelyAndInsideText() {
        Inventory inventory = read("""
                my_etcd: "3.5.16"
                pinned: "{{ my_etcd }}"
                etcd_version: "v{{ pinned }}"
                storage_root: /srv
                etcd_data_dir: "{{storage_root}}/etcd-{{ etcd_version }}"
                """);
        assertThat(inventory.etcd().version()).isEqualTo("v3.5.16");
        assertThat(inventory.etcd().dataDir()).isEqualTo("/srv/etcd-v3.5.16");
    }

    @Test
    void aWholeReferenceKeepsTheReferencedType() {
        Inventory inventory = read("""
                beat: 100
                etcd_heartbeat_interval: "{{ beat }}"
                extra_names: [a.example, b.example]
                etcd_cert_alt_names: "{{ extra_names }}"
                flag: true
                copied_flag: "{{ flag }}"
                """);
        assertThat(inventory.etcd().heartbeatMillis()).isEqualTo(100);
        assertThat(inventory.etcd().certAltNames()).containsExactly("a.example", "b.example");
        assertThat(inventory.vars()).containsEntry("copied_flag", true).containsEntry("extra_names",
                List.of("a.example", "b.example"));
    }

    @Test
    void referencesInsideListsResolve() {
        Inventory inventory = read("""
                vip: 10.9.0.1
                etcd_cert_alt_ips: ["{{ vip }}"]
                """);
        assertThat(inventory.etcd().certAltIps()).containsExactly("10.9.0.1");
    }

    @Test
    void filtersInAHonouredVariableAreRefused() {
        assertThatThrownBy(() -> read("etcd_version: \"{{ my_version | default('v3.5.16') }}\""))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory hosts.yaml: etcd_version (set in all.vars in hosts.yaml) cannot be resolved: "
                        + "\"{{ my_version | default('v3.5.16') }}\" uses a Jinja expression Quorum does not evaluate "
                        + "(only plain {{ name }} references are resolved). Give etcd_version a literal value (for "
                        + "example etcd_version: v3.6.14).");
    }

    @Test
    void undefinedReferenceIsRefused() {
        assertThatThrownBy(() -> read("etcd_data_dir: \"{{ nowhere }}/etcd\""))
                .hasMessage("inventory hosts.yaml: etcd_data_dir (set in all.vars in hosts.yaml) cannot be resolved: it "
                        + "refers to {{ nowhere }}, which is not defined in the inventory. Give etcd_data_dir a literal "
                        + "value (for example etcd_data_dir: ...).");
    }

    @Test
    void loopsAreRefused() {
        assertThatThrownBy(() -> read("""
                a: "{{ b }}"
                b: "{{ etcd_version }}"
                etcd_version: "{{ a }}"
                """))
                .hasMessageContaining("etcd_version (set in all.vars in hosts.yaml) cannot be resolved: its references "
                        + "form a loop (etcd_version -> a -> b -> etcd_version)")
                .hasMessageEndingWith("Give etcd_version a literal value (for example etcd_version: v3.6.14).");
    }

    @Test
    void deepChainsAreBounded() {
        StringBuilder vars = new StringBuilder("v0: /deep\n");
        for (int i = 1; i <= 30; i++) {
            vars.append("v").append(i).append(": \"{{ v").append(i - 1).append(" }}\"\n");
        }
        vars.append("etcd_data_dir: \"{{ v30 }}\"\n");
        assertThatThrownBy(() -> read(vars.toString()))
                .hasMessageContaining("its references are nested more than 20 levels deep");
    }

    @Test
    void unresolvableVariablesQuorumDoesNotUseAreKeptAsWritten() {
        Inventory inventory = read("""
                kube_apiserver_ip: "{{ kube_service_addresses | ansible.utils.ipaddr('net') }}"
                undefined_ref: "{{ nothing_here }}"
                """);
        assertThat(inventory.vars())
                .containsEntry("kube_apiserver_ip", "{{ kube_service_addresses | ansible.utils.ipaddr('net') }}")
                .containsEntry("undefined_ref", "{{ nothing_here }}");
    }

    @Test
    void inventoryHostnameIsAvailableToHostVariables() {
        Path file = TestInventories.write(dir, "hosts.yaml", """
                all:
                  vars:
                    ansible_host: "{{ inventory_hostname }}.lab.example"
                  children:
                    etcd:
                      hosts:
                        n1: {ip: 10.0.0.1}
                """);
        assertThat(TestInventories.reader().read(file).host("n1").orElseThrow().ssh().address())
                .isEqualTo("n1.lab.example");
    }
}
