package dev.quorum.core.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code group_vars/} and {@code host_vars/} files beside an inventory, found as Ansible's
 * {@code host_group_vars} plugin finds them: for an entity NAME, the first of {@code NAME/} (a directory:
 * every {@code .yml}, {@code .yaml} and {@code .json} file in it and its subdirectories, in sorted order,
 * later files winning), {@code NAME.yml}, {@code NAME.yaml}, {@code NAME.json}. Like Ansible, when the
 * directory {@code group_vars/all/} exists, a {@code group_vars/all.yml} beside it is not read.
 */
final class VarsFiles {
    private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json");

    private final Path inventoryDir;
    private final String label;
    private final Map<String, Map<String, Object>> cache = new HashMap<>();

    VarsFiles(Path inventoryDir, String label) {
        this.inventoryDir = inventoryDir;
        this.label = label;
    }

    Map<String, Object> group(String name) {
        return load("group_vars", name);
    }

    Map<String, Object> host(String name) {
        return load("host_vars", name);
    }

    private Map<String, Object> load(String kind, String name) {
        return cache.computeIfAbsent(kind + "/" + name, key -> {
            Map<String, Object> vars = new LinkedHashMap<>();
            for (Path file : files(inventoryDir.resolve(kind), name)) {
                String fileLabel = label + ": " + inventoryDir.relativize(file);
                vars.putAll(YamlFiles.readVarsFile(file, fileLabel));
            }
            return vars;
        });
    }

    private List<Path> files(Path dir, String name) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Path asDir = dir.resolve(name);
        if (Files.isDirectory(asDir)) {
            List<Path> found = new ArrayList<>();
            collect(asDir, found);
            return found;
        }
        for (String ext : EXTENSIONS) {
            Path file = dir.resolve(name + ext);
            if (Files.isRegularFile(file)) {
                return List.of(file);
            }
        }
        return List.of();
    }

    private void collect(Path dir, List<Path> found) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw new InventoryException(label + ": cannot list " + inventoryDir.relativize(dir) + " ("
                    + e.getMessage() + "). Check that you may read that directory.", e);
        }
        for (Path entry : entries) {
            String fileName = entry.getFileName().toString();
            if (fileName.startsWith(".") || fileName.endsWith("~")) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                collect(entry, found);
            } else if (EXTENSIONS.stream().anyMatch(fileName::endsWith)) {
                found.add(entry);
            }
        }
    }
}
