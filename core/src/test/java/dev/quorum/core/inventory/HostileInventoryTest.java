package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values an attacker (or a slip of the keyboard) could put in an inventory to reach a remote shell: every field
 * Quorum passes to a host refuses each of them when the inventory is read, naming the host or the file, the
 * variable and the rule.
 */
class HostileInventoryTest {
    static final List<String> HOSTILE = List.of("$(touch /tmp/x)", "`touch /tmp/x`", "a;touch /tmp/x", "a b",
            "a\nb", "../x");
    /** Host variables: the refusal names the host. */
    static final List<String> HOST_VARIABLES = List.of("ip", "access_ip", "ansible_host", "ansible_user",
            "etcd_member_name");
    /** The etcd group's variables: the refusal says where they were set. */
    static final List<String> GROUP_VARIABLES = List.of("cluster_name", "etcd_initial_cluster_token", "bin_dir",
            "etcd_data_dir", "etcd_cert_dir");

    @TempDir
    Path dir;

    static Stream<Arguments> hostVariables() {
        return combine(HOST_VARIABLES);
    }

    static Stream<Arguments> groupVariables() {
        return combine(GROUP_VARIABLES);
    }

    static Stream<Arguments> hostileValues() {
        return HOSTILE.stream().map(Arguments::of);
    }

    /** Inside an https URL, ; .. and $ are ordinary URL characters only Java's HTTP client ever sees. */
    static Stream<Arguments> hostileUrls() {
        return Stream.of("https://mirror.example/$(touch /tmp/x)", "https://mirror.example/`touch /tmp/x`",
                "https://mirror.example/a b.tar.gz", "https://mirror.example/a\nb.tar.gz").map(Arguments::of);
    }

    private static Stream<Arguments> combine(List<String> variables) {
        List<Arguments> all = new ArrayList<>();
        variables.forEach(v -> HOSTILE.forEach(value -> all.add(Arguments.of(v, value))));
        return all.stream();
    }

    /** A YAML double-quoted scalar: every value, even one with a line break, written exactly. */
    static String yaml(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private String refusal(String hostsYaml) {
        Path file = TestInventories.write(dir, "hosts.yaml", hostsYaml);
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> TestInventories.reader().read(file));
        assertThat(thrown).as("reading an inventory with a hostile value").isInstanceOf(InventoryException.class);
        // A line break shown as is would let the value pose as a line of the message: it is shown as \n.
        assertThat(thrown.getMessage()).doesNotContain("\n");
        return thrown.getMessage();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hostVariables")
    void hostVariableIsRefusedNamingTheHost(String variable, String value) {
        String message = refusal("""
                all:
                  hosts:
                    node1: {ip: 10.0.0.1}
                    node2: {%s: 10.0.0.2, %s: %s}
                    node3: {ip: 10.0.0.3}
                  children:
                    etcd:
                      hosts: {node1: , node2: , node3: }
                """.formatted(variable.equals("ip") ? "ansible_host" : "ip", variable, yaml(value)));

        assertThat(message).startsWith("inventory hosts.yaml: " + variable + " (set in host node2 in hosts.yaml) of host "
                + "node2 is \"" + InventoryRules.shown(value) + "\", which ");
        assertThat(message).containsAnyOf("may only hold", "must be", "a user name");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("groupVariables")
    void groupVariableIsRefusedNamingWhereItWasSet(String variable, String value) {
        TestInventories.write(dir, "group_vars/etcd.yml", variable + ": " + yaml(value) + "\n");

        String message = refusal(TestInventories.threeEtcdHosts(""));

        assertThat(message).startsWith("inventory hosts.yaml: " + variable + " (set in group_vars/etcd) is \""
                + InventoryRules.shown(value) + "\", which ");
        assertThat(message).containsAnyOf("may only hold", "must be absolute", "is not an absolute path");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileValues")
    void hostNameIsRefused(String value) {
        String message = refusal("""
                all:
                  hosts:
                    node1: {ip: 10.0.0.1}
                    %s: {ip: 10.0.0.9}
                  children:
                    etcd:
                      hosts: {node1: }
                """.formatted(yaml(value)));

        assertThat(message).startsWith("inventory hosts.yaml: the host name (inventory_hostname) \""
                + InventoryRules.shown(value) + "\" ");
        assertThat(message).contains("a host name must be an RFC 1123 name");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileUrls")
    void downloadUrlIsRefused(String value) {
        String message = refusal(TestInventories.threeEtcdHosts("etcd_download_url: " + yaml(value)));

        assertThat(message).startsWith("inventory hosts.yaml: etcd_download_url (set in all.vars in hosts.yaml) is \""
                + InventoryRules.shown(value) + "\", which ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileValues")
    void hostileValueInAllVarsReachesNoHostEither(String value) {
        assertThatThrownBy(() -> TestInventories.reader().read(TestInventories.write(dir, "hosts.yaml",
                TestInventories.threeEtcdHosts("etcd_data_dir: " + yaml("/var/lib/" + value)))))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("inventory hosts.yaml: etcd_data_dir (set in all.vars in hosts.yaml) is \"/var/lib/"
                        + InventoryRules.shown(value) + "\", which ");
    }
}
