package dev.quorum.lab;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing tool must fail with the Debian package to install; runs without root. */
class LabPreconditionsTest {

    @Test
    void missingToolsAreNamedWithTheirPackages(@TempDir Path dir) throws Exception {
        Path fakeIp = Files.createFile(dir.resolve("ip"));
        fakeIp.toFile().setExecutable(true);
        assertThatThrownBy(() -> LabPreconditions.requireTools(List.of(dir.toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nft (Debian package nftables)")
                .hasMessageContaining("sshd (Debian package openssh-server)")
                .hasMessageContaining("etcd (Debian package etcd-server)")
                .hasMessageContaining("unshare (Debian package util-linux)")
                .hasMessageNotContaining("ip (Debian package iproute2)")
                .hasMessageContaining("apt-get install -y util-linux nftables openssh-server");
    }

    @Test
    void rootMachinesThatRunLabsHaveEveryTool() {
        assumeTrue(LabPreconditions.isRoot(), LabPreconditions.NOT_ROOT);
        assertThatCode(LabPreconditions::requireTools).doesNotThrowAnyException();
    }
}
