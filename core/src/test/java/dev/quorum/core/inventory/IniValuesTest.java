package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values typed as Ansible's {@code ast.literal_eval} with fallback to the text types them. */
class IniValuesTest {
    @Test
    void numbers() {
        assertThat(IniValues.typed("5000")).isEqualTo(5000);
        assertThat(IniValues.typed("-3")).isEqualTo(-3);
        assertThat(IniValues.typed("1_000")).isEqualTo(1000);
        assertThat(IniValues.typed("8589934592")).isEqualTo(8589934592L);
        assertThat(IniValues.typed("2.5")).isEqualTo(2.5);
    }

    @Test
    void pythonBooleansAndNone() {
        assertThat(IniValues.typed("True")).isEqualTo(true);
        assertThat(IniValues.typed("False")).isEqualTo(false);
        assertThat(IniValues.typed("None")).isNull();
    }

    @Test
    void whatPythonDoesNotReadStaysText() {
        assertThat(IniValues.typed("true")).isEqualTo("true");
        assertThat(IniValues.typed("007")).isEqualTo("007");
        assertThat(IniValues.typed("10.0.0.1")).isEqualTo("10.0.0.1");
        assertThat(IniValues.typed("v3.5.21")).isEqualTo("v3.5.21");
        assertThat(IniValues.typed("{{ ip }}")).isEqualTo("{{ ip }}");
        assertThat(IniValues.typed("[1, 2")).isEqualTo("[1, 2");
        assertThat(IniValues.typed("'a' 'b'")).isEqualTo("'a' 'b'");
    }

    @Test
    void quotedLiteralsAreText() {
        assertThat(IniValues.typed("'5000'")).isEqualTo("5000");
        assertThat(IniValues.typed("\"it's\"")).isEqualTo("it's");
        assertThat(IniValues.typed("'a\\nb'")).isEqualTo("a\nb");
    }

    @Test
    void listsTuplesAndMappings() {
        assertThat(IniValues.typed("['etcd.local', 'etcd']")).isEqualTo(List.of("etcd.local", "etcd"));
        assertThat(IniValues.typed("(1, 2,)")).isEqualTo(List.of(1, 2));
        assertThat(IniValues.typed("[]")).isEqualTo(List.of());
        assertThat(IniValues.typed("{'a': 1, 'b': [True, None]}"))
                .isEqualTo(Map.of("a", 1, "b", Arrays.asList(true, null)));
    }
}
