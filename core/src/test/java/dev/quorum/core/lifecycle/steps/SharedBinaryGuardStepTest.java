package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedBinaryGuardStepTest {

    @Test
    void readsTheVersionAsTheInventoryWritesIt() {
        assertThat(SharedBinaryGuardStep.installed("etcd Version: 3.6.14\nGit SHA: 1a2b3c\nGo Version: go1.24"))
                .contains("v3.6.14");
        assertThat(SharedBinaryGuardStep.installed("sh: 1: /usr/local/bin/etcd: Exec format error"))
                .isEqualTo(Optional.empty());
    }
}
