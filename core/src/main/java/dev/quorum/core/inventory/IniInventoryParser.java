package dev.quorum.core.inventory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an Ansible INI inventory (Kubespray's {@code inventory.ini}) into the same {@link ParsedInventory} as
 * the YAML form, following Ansible's {@code ini} inventory plugin: host lines ({@code name[:port] var=value
 * ...}, ranges expanded by {@link HostRanges}, values typed by {@link IniValues}) under {@code [group]},
 * group names under {@code [group:children]}, {@code name=value} under {@code [group:vars]}. Hosts under
 * {@code [all]} are like YAML's {@code all.hosts}; hosts before the first section go to Ansible's
 * {@code ungrouped} group unless another group lists them. Every host line defines its host,
 * and a host in several places gets their variables merged, later lines winning. As in Ansible, a group used
 * as a child or given {@code :vars} must be declared by a {@code [group]} or {@code [group:children]} section.
 */
final class IniInventoryParser {
    private static final Pattern SECTION = Pattern.compile("\\[([^:\\]\\s]+)(?::(\\w+))?]\\s*(?:#.*)?");
    private static final Pattern CHILD = Pattern.compile("([^:\\]\\s]+)\\s*(?:#.*)?");
    private static final Pattern WITH_PORT = Pattern.compile("((?:[^:\\[]|\\[[^]]*])+):(\\d{1,5})");
    private static final Pattern COMMENT_AFTER_VALUE = Pattern.compile("\\s#");
    private static final String UNGROUPED = "ungrouped";

    private record Use(int line, String section) {
    }

    private final String label;
    private final Map<String, Object> allVars = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> hostVars = new LinkedHashMap<>();
    private final Map<String, GroupBuilder> groups = new LinkedHashMap<>();
    private final Set<String> declared = new HashSet<>(Set.of("all", UNGROUPED));
    private final Map<String, Use> undeclared = new LinkedHashMap<>();
    private int lineNumber;
    private String group = UNGROUPED;
    private String kind = "hosts";

    private IniInventoryParser(String label) {
        this.label = label;
    }

    /** @param label how messages name the file, e.g. {@code inventory inventory.ini} */
    static ParsedInventory parse(String text, String label) {
        return new IniInventoryParser(label).parseLines(text.split("\\R", -1));
    }

    private ParsedInventory parseLines(String[] lines) {
        for (String raw : lines) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                section(line);
            } else if (kind.equals("hosts")) {
                hostLine(line);
            } else if (kind.equals("children")) {
                childLine(line);
            } else {
                varLine(line);
            }
        }
        undeclared.forEach((name, use) -> {
            if (!declared.contains(name)) {
                lineNumber = use.line();
                throw problem(use.section() + " names the group " + name + ", which no [" + name + "] or ["
                        + name + ":children] section declares", "Add a [" + name + "] section (it may stay empty) "
                        + "or correct the name");
            }
        });
        return build();
    }

    private void section(String line) {
        Matcher m = SECTION.matcher(line);
        if (!m.matches()) {
            throw problem("`" + line + "` is not a section header", "Write [group], [group:children] or "
                    + "[group:vars], without spaces; a comment after it starts with #");
        }
        group = m.group(1);
        kind = m.group(2) == null ? "hosts" : m.group(2);
        if (!Set.of("hosts", "children", "vars").contains(kind)) {
            throw problem("[" + group + ":" + kind + "] has the unknown suffix :" + kind, "Write [" + group
                    + "] for its hosts, [" + group + ":children] for its child groups or [" + group
                    + ":vars] for its variables");
        }
        if (kind.equals("vars")) {
            undeclared.putIfAbsent(group, new Use(lineNumber, "[" + group + ":vars]"));
        } else {
            declared.add(group);
        }
        if (!group.equals("all")) {
            groups.computeIfAbsent(group, g -> new GroupBuilder());
        }
    }

    private void hostLine(String line) {
        List<String> words;
        try {
            words = IniTokens.split(line);
        } catch (IniTokens.Unsplittable e) {
            throw problem("the host line " + e.getMessage(), "Close the quote, or quote a value with spaces "
                    + "as name=\"a value\"");
        }
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw problem("the host line has no host name", "Start a host line with the host's name");
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        String pattern = words.get(0);
        Matcher port = WITH_PORT.matcher(pattern);
        if (port.matches()) {
            pattern = port.group(1);
            vars.put("ansible_port", Integer.parseInt(port.group(2)));
        }
        for (String word : words.subList(1, words.size())) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw problem("`" + word + "` after host " + words.get(0) + " is not a variable", "Write host "
                        + "variables as name=value (quote a value with spaces: name=\"a value\"); put comments "
                        + "after a #");
            }
            vars.put(word.substring(0, eq), IniValues.typed(word.substring(eq + 1)));
        }
        List<String> names;
        try {
            names = HostRanges.expand(pattern);
        } catch (HostRanges.BadRange e) {
            throw problem("the host " + pattern + " " + e.getMessage(), "Write a range as node[1:3], "
                    + "node[01:03], node[a:c] or node[1:9:2], or list the hosts one per line");
        }
        for (String name : names) {
            hostVars.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(vars);
            if (!group.equals("all")) {
                groups.computeIfAbsent(group, g -> new GroupBuilder()).hosts.add(name);
            }
        }
    }

    private void childLine(String line) {
        Matcher m = CHILD.matcher(line);
        if (!m.matches()) {
            throw problem("[" + group + ":children] lists one group name per line, but `" + line + "` is more "
                    + "than a name", "Put hosts and their variables under [" + group + "] or the child's own "
                    + "section, and group variables under [" + group + ":vars]");
        }
        String child = m.group(1);
        groups.computeIfAbsent(child, g -> new GroupBuilder());
        if (!group.equals("all")) {
            groups.get(group).children.add(child);
        }
        undeclared.putIfAbsent(child, new Use(lineNumber, "[" + group + ":children]"));
    }

    private void varLine(String line) {
        int eq = line.indexOf('=');
        String name = eq < 0 ? "" : line.substring(0, eq).strip();
        if (name.isEmpty()) {
            throw problem("`" + line + "` in [" + group + ":vars] is not a variable", "Write one name=value per "
                    + "line in a :vars section");
        }
        String written = line.substring(eq + 1).strip();
        Object value = IniValues.typed(written);
        if (value instanceof String && COMMENT_AFTER_VALUE.matcher(written).find()) {
            throw problem("the value of " + name + " in [" + group + ":vars] goes on into a comment (`"
                    + written + "`), which Ansible would keep as part of the value", "Move the comment to a line "
                    + "of its own, or quote the value if the # belongs to it");
        }
        (group.equals("all") ? allVars : groups.get(group).vars).put(name, value);
    }

    private ParsedInventory build() {
        Set<String> inGroups = new HashSet<>();
        groups.forEach((name, g) -> {
            if (!name.equals(UNGROUPED)) {
                inGroups.addAll(g.hosts);
            }
        });
        GroupBuilder ungrouped = groups.get(UNGROUPED);
        if (ungrouped != null) {
            ungrouped.hosts.removeAll(inGroups);
            if (ungrouped.hosts.isEmpty() && ungrouped.vars.isEmpty() && ungrouped.children.isEmpty()) {
                groups.remove(UNGROUPED);
            }
        }
        Set<String> children = new HashSet<>();
        groups.values().forEach(g -> children.addAll(g.children));
        List<String> topGroups = new ArrayList<>(groups.keySet().stream().filter(g -> !children.contains(g)).toList());
        Map<String, InventoryGroup> built = new LinkedHashMap<>();
        groups.forEach((name, b) -> built.put(name, b.build(name)));
        return new ParsedInventory(allVars, hostVars, new LinkedHashSet<>(hostVars.keySet()), built, topGroups);
    }

    private InventoryException problem(String whatIsWrong, String whatToDo) {
        return new InventoryException(label + ", line " + lineNumber + ": " + whatIsWrong + ". " + whatToDo + ".");
    }
}
