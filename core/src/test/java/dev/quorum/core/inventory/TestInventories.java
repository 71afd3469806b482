package dev.quorum.core.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fixtures on the classpath and small inventories written into a temporary directory. */
final class TestInventories {
    static final String USER = "tester";
    static final Path HOME = Path.of("/home/tester");

    private TestInventories() {
    }

    static InventoryReader reader() {
        return new InventoryReader(USER, HOME);
    }

    static Path fixture(String relative) {
        try {
            return Path.of(TestInventories.class.getResource("/inventory/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code text} to {@code dir/relative}, creating directories. */
    static Path write(Path dir, String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal valid inventory: three etcd hosts with ip 10.0.0.1-3 and {@code allVars} as all.vars. */
    static String threeEtcdHosts(String allVars) {
        return """
                all:
                  vars:
                %s
                  hosts:
                    node1: {ip: 10.0.0.1}
                    node2: {ip: 10.0.0.2}
                    node3: {ip: 10.0.0.3}
                  children:
                    etcd:
                      hosts:
                        node1:
                        node2:
                        node3:
                """.formatted(allVars.isBlank() ? "    {}" : allVars.indent(4).stripTrailing());
    }
}
