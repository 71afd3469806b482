package dev.quorum.core.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CommandResultTest {

    @Test
    void okResultPassesThrough() {
        CommandResult result = new CommandResult(0, "out", "");
        assertThat(result.ok()).isTrue();
        assertThat(result.requireOk("Listing")).isSameAs(result);
    }

    @Test
    void failureNamesWhatStatusAndStderrTail() {
        String stderr = IntStream.rangeClosed(1, 30).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")) + "\n";
        CommandResult result = new CommandResult(2, "", stderr);
        assertThatThrownBy(() -> result.requireOk("Starting etcd on h1"))
                .isInstanceOf(RemoteException.class)
                .hasMessageStartingWith("Starting etcd on h1 failed with exit status 2: ")
                .hasMessageContaining("line 30")
                .hasMessageNotContaining("line 20\n")
                .satisfies(e -> assertThat(((RemoteException) e).hint()).isNotBlank());
    }

    @Test
    void failureWithoutStderrSaysSo() {
        assertThatThrownBy(() -> new CommandResult(1, "", "").requireOk("x"))
                .hasMessage("x failed with exit status 1 and no error output");
    }
}
