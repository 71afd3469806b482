package dev.quorum.core.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sandbox as a Kubespray inventory, so the app and {@code quorum status -i} treat it like
 * any other cluster. Nobody logs in over SSH: its hosts are this machine's loopback addresses.
 */
final class SandboxInventory {
    private SandboxInventory() {
    }

    static String render(SandboxLayout layout) {
        StringBuilder y = new StringBuilder("""
                # Quorum's local sandbox: three etcd members on this machine's loopback, started by
                # `quorum sandbox start` (or the app's Local sandbox). Written by Quorum; edits are replaced.
                all:
                  vars:
                    cluster_name: %s
                  hosts:
                """.formatted(SandboxLayout.CLUSTER_NAME));
        for (SandboxMember m : layout.members()) {
            y.append("    ").append(m.hostName()).append(":\n")
                    .append("      ansible_host: ").append(m.address()).append('\n')
                    .append("      ip: ").append(m.address()).append('\n')
                    .append("      etcd_member_name: ").append(m.memberName()).append('\n');
        }
        y.append("  children:\n    etcd:\n      hosts:\n");
        layout.members().forEach(m -> y.append("        ").append(m.hostName()).append(":\n"));
        return y.toString();
    }

    static boolean upToDate(SandboxLayout layout) throws IOException {
        Path file = layout.inventoryFile();
        return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(render(layout));
    }

    static void write(SandboxLayout layout) throws IOException {
        Path file = layout.inventoryFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, render(layout), StandardCharsets.UTF_8);
    }
}
