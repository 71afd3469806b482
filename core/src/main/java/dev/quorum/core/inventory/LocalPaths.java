package dev.quorum.core.inventory;

import java.nio.file.Path;

/** Paths on the workstation written in an inventory: {@code ~} is the home directory, relative paths start at the inventory's directory. */
final class LocalPaths {
    private final Path home;
    private final Path inventoryDir;

    LocalPaths(Path home, Path inventoryDir) {
        this.home = home;
        this.inventoryDir = inventoryDir;
    }

    Path resolve(String path) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2)).normalize();
        }
        Path p = Path.of(path);
        return p.isAbsolute() ? p.normalize() : inventoryDir.resolve(p).normalize();
    }
}
