package dev.quorum.core.inventory;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two forms of an Ansible inventory file Quorum reads, and the one place that tells them apart: a
 * {@code .ini} file, or one with an INI section header ({@code [etcd]}) on a line of its own, is INI unless
 * it is a YAML inventory (a mapping with a top-level {@code all}), so every YAML inventory Quorum read
 * before is still read as YAML, whatever its name.
 */
enum InventoryFormat {
    YAML("all.children.etcd.hosts"),
    INI("an [etcd] section (or [etcd:children] naming your control plane group)");

    private static final Pattern INI_SECTION = Pattern.compile("(?m)^\\s*\\[[A-Za-z0-9_.:-]+]\\s*$");

    private final String etcdGroupPlace;

    InventoryFormat(String etcdGroupPlace) {
        this.etcdGroupPlace = etcdGroupPlace;
    }

    static InventoryFormat of(Path file, String text) {
        Path name = file.getFileName();
        boolean iniName = name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".ini");
        if (!iniName && !INI_SECTION.matcher(text).find()) {
            return YAML;
        }
        return isYamlInventory(text) ? YAML : INI;
    }

    private static boolean isYamlInventory(String text) {
        try {
            return YamlFiles.parse(text, "") instanceof Map<?, ?> root && root.containsKey("all");
        } catch (InventoryException e) {
            return false;
        }
    }

    ParsedInventory parse(String text, String label) {
        return this == INI ? IniInventoryParser.parse(text, label) : InventoryFileParser.parse(text, label);
    }

    /** Where the etcd hosts go in this form, for messages. */
    String etcdGroupPlace() {
        return etcdGroupPlace;
    }
}
