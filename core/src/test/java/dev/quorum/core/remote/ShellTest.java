package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellTest {

    @Test
    void leavesPlainWordsAlone() {
        assertThat(Shell.quote("/etc/etcd/etcd.env")).isEqualTo("/etc/etcd/etcd.env");
        assertThat(Shell.quote("a-b_c=1,2:3@x")).isEqualTo("a-b_c=1,2:3@x");
    }

    @Test
    void singleQuotesEverythingElse() {
        assertThat(Shell.quote("")).isEqualTo("''");
        assertThat(Shell.quote("a b")).isEqualTo("'a b'");
        assertThat(Shell.quote("$HOME")).isEqualTo("'$HOME'");
        assertThat(Shell.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void survivesARealShell() {
        String nasty = "it's \"quoted\" $HOME `id` $(id) \\ * ; | & \n newline '' end";
        String out = Local.ok("sh", "-c", "printf %s " + Shell.quote(nasty));
        assertThat(out).isEqualTo(nasty);
    }

    @Test
    void joinQuotesEachArgument() {
        assertThat(Shell.join(List.of("sh", "-c", "echo 'hi'"))).isEqualTo("sh -c 'echo '\\''hi'\\'''");
    }

    @Test
    void refusesNul() {
        assertThatThrownBy(() -> Shell.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }
}
