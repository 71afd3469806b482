package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.IgnoredVariableWords;
import dev.quorum.core.inventory.IgnoredVariable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IgnoredVariablesTextTest {

    private static String printed(List<IgnoredVariable> ignored) {
        StringWriter text = new StringWriter();
        IgnoredVariablesText.print(ignored, new PrintWriter(text));
        return text.toString();
    }

    @Test
    void listsEachIgnoredVariableWithItsValueAsTheInventoryTypedIt() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("cpu", "300m");
        limits.put("weight", 1000);

        assertThat(printed(List.of(new IgnoredVariable("etcd_deployment_type", "host"),
                new IgnoredVariable("etcd_blkio_weight", 1000),
                new IgnoredVariable("etcd_node_cert_hosts", List.of("node1", "node2")),
                new IgnoredVariable("etcd_limits", limits)))).isEqualTo("""
                Not used by Quorum (kept in the inventory for Kubespray; they change nothing here):
                  etcd_deployment_type = "host"
                  etcd_blkio_weight = 1000
                  etcd_node_cert_hosts = ["node1", "node2"]
                  etcd_limits = {cpu: "300m", weight: 1000}
                """);
    }

    @Test
    void printsNothingWhenQuorumUsesEveryEtcdVariable() {
        assertThat(printed(List.of())).isEmpty();
    }

    @Test
    void longValuesAndLongListsAreCutWithoutHidingThatTheyWere() {
        List<IgnoredVariable> many = new ArrayList<>();
        for (int i = 0; i < IgnoredVariableWords.MAX_SHOWN + 3; i++) {
            many.add(new IgnoredVariable("etcd_v" + i, "x".repeat(100)));
        }
        String text = printed(many);

        assertThat(text).contains("  ... and 3 more");
        assertThat(text.lines().filter(l -> l.startsWith("  etcd_v"))).hasSize(IgnoredVariableWords.MAX_SHOWN)
                .allSatisfy(l -> assertThat(l).endsWith("...").hasSizeLessThan(IgnoredVariableWords.MAX_VALUE + 20));
        assertThat(IgnoredVariableWords.shown("a\nb")).isEqualTo("\"a?b\"");
    }
}
