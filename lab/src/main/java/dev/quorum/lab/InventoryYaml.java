package dev.quorum.lab;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders a Kubespray-style inventory as YAML by plain string building (this module has no YAML
 * library). Scalars that YAML could read as anything but a string are double-quoted.
 */
final class InventoryYaml {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./@+-]*");
    private static final Pattern SPECIAL = Pattern.compile(
            "(?i)y|n|yes|no|true|false|on|off|null|~|\\.nan|\\.inf|[0-9._+-].*");

    private InventoryYaml() {
    }

    static String render(List<LabHost> hosts, Path privateKey, Map<String, Object> allVars) {
        return render(hosts, hosts.size(), privateKey, allVars);
    }

    /** The first {@code etcdCount} hosts form the etcd group; the others are spare hosts of all.hosts. */
    static String render(List<LabHost> hosts, int etcdCount, Path privateKey, Map<String, Object> allVars) {
        StringBuilder y = new StringBuilder("all:\n  hosts:\n");
        for (LabHost h : hosts) {
            y.append("    ").append(scalar(h.name())).append(":\n");
            y.append("      ansible_host: ").append(h.address()).append('\n');
            y.append("      ip: ").append(h.address()).append('\n');
            y.append("      ansible_user: root\n");
            y.append("      ansible_ssh_private_key_file: ").append(scalar(privateKey.toString())).append('\n');
        }
        y.append("  children:\n    etcd:\n      hosts:\n");
        for (LabHost h : hosts.subList(0, etcdCount)) {
            y.append("        ").append(scalar(h.name())).append(":\n");
        }
        y.append("  vars:");
        if (allVars == null || allVars.isEmpty()) {
            y.append(" {}\n");
        } else {
            y.append('\n');
            map(y, allVars, 4);
        }
        return y.toString();
    }

    private static void map(StringBuilder y, Map<?, ?> map, int indent) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            y.append(" ".repeat(indent)).append(scalar(String.valueOf(e.getKey()))).append(':');
            value(y, e.getValue(), indent);
        }
    }

    /** Appends " value\n" or a nested block after a "key:" or "-" already written. */
    private static void value(StringBuilder y, Object v, int indent) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            y.append('\n');
            map(y, m, indent + 2);
        } else if (v instanceof Collection<?> c && !c.isEmpty()) {
            y.append('\n');
            for (Object item : c) {
                y.append(" ".repeat(indent + 2)).append('-');
                value(y, item, indent + 2);
            }
        } else {
            y.append(' ').append(leaf(v)).append('\n');
        }
    }

    private static String leaf(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "{}";
        }
        if (v instanceof Collection<?>) {
            return "[]";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return scalar(v.toString());
    }

    static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !SPECIAL.matcher(s).matches()) {
            return s;
        }
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
