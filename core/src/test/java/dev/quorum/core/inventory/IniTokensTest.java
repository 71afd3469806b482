package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IniTokensTest {
    @Test
    void whitespaceSeparatesWords() {
        assertThat(IniTokens.split("node1  ansible_host=10.0.0.1\tip=10.0.0.1"))
                .containsExactly("node1", "ansible_host=10.0.0.1", "ip=10.0.0.1");
    }

    @Test
    void quotesGroupSpacesAndEqualsAndAreRemoved() {
        assertThat(IniTokens.split("node1 note=\"a = b # c\" other='x y'"))
                .containsExactly("node1", "note=a = b # c", "other=x y");
    }

    @Test
    void backslashesEscape() {
        assertThat(IniTokens.split("n a=\"say \\\"hi\\\"\" b=one\\ two c='\\n'"))
                .containsExactly("n", "a=say \"hi\"", "b=one two", "c=\\n");
    }

    @Test
    void hashOutsideQuotesStartsAComment() {
        assertThat(IniTokens.split("node1 ansible_host=95.54.0.12  # ip=10.3.0.1")).containsExactly("node1",
                "ansible_host=95.54.0.12");
        assertThat(IniTokens.split("node1 a=b#c")).containsExactly("node1", "a=b");
    }

    @Test
    void innerQuotesSurviveForPythonLiterals() {
        assertThat(IniTokens.split("n port=\"'5000'\"")).containsExactly("n", "port='5000'");
    }

    @Test
    void unclosedQuoteOrDanglingBackslashIsRefused() {
        assertThatThrownBy(() -> IniTokens.split("n a=\"open")).hasMessage("opens a quote (\") that is never closed");
        assertThatThrownBy(() -> IniTokens.split("n a=b\\")).hasMessage("ends with a backslash that escapes nothing");
    }
}
