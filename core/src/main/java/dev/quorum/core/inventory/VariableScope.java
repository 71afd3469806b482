package dev.quorum.core.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The variables visible to one host (or to the etcd group as a whole), merged in precedence order, on
 * top of Kubespray's defaults, with typed accessors whose errors say where a variable was set.
 * Variables Quorum honours are resolved strictly: a reference Quorum cannot resolve is an error.
 */
final class VariableScope {
    private final String label;
    private final Map<String, Object> vars;
    private final Map<String, String> origins;
    private final Map<String, Object> visible;
    private final Templates templates;

    /**
     * @param label    how messages name the inventory, e.g. {@code inventory hosts.yaml}
     * @param vars     the inventory's variables after precedence
     * @param origins  for each variable, where its winning value was set (e.g. {@code group_vars/etcd})
     * @param builtins magic variables such as {@code inventory_hostname}; they cannot be overridden
     */
    VariableScope(String label, Map<String, Object> vars, Map<String, String> origins, Map<String, Object> builtins) {
        this.label = label;
        this.vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        this.origins = Map.copyOf(origins);
        Map<String, Object> all = new HashMap<>(KubesprayDefaults.values());
        all.putAll(vars);
        all.putAll(builtins);
        this.visible = all;
        this.templates = new Templates(all);
    }

    /** Whether the inventory sets the variable (rather than Kubespray's default applying). */
    boolean isSet(String name) {
        return vars.containsKey(name);
    }

    /** The value as written in the inventory (references not resolved), or null when unset. */
    Object raw(String name) {
        return vars.get(name);
    }

    /** The resolved value, or null when neither the inventory nor Kubespray's defaults define it. */
    Object value(String name) {
        if (!visible.containsKey(name)) {
            return null;
        }
        try {
            return templates.resolveVariable(name);
        } catch (Templates.Unresolvable e) {
            throw problem(name, "cannot be resolved: " + e.getMessage(),
                    "Give " + name + " a literal value (for example " + name + ": " + example(name) + ")");
        }
    }

    /** A scalar variable as text; empty when unset or set to nothing. */
    Optional<String> text(String name) {
        Object value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof List) {
            throw problem(name, "is a " + Values.typeName(value) + ", but Quorum expects a single value",
                    "Write it as one value, for example " + name + ": " + example(name));
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A whole number (YAML number or numeric text such as {@code "250"}). */
    Optional<Integer> integer(String name) {
        Object value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long n = ((Number) value).longValue();
            if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
                return Optional.of((int) n);
            }
        } else if (value instanceof String s && s.trim().matches("-?\\d{1,9}")) {
            return Optional.of(Integer.parseInt(s.trim()));
        }
        throw problem(name, "is " + quoted(value) + ", which is not a whole number",
                "Write it as a number, for example " + name + ": " + example(name));
    }

    /** A boolean (YAML true/false, or the text true/false/yes/no as Ansible reads it). */
    Optional<Boolean> bool(String name) {
        Object value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Values.bool(value).orElseThrow(() -> problem(name, "is " + quoted(value)
                + ", which is not true or false", "Write " + name + ": true or " + name + ": false")));
    }

    /** A list of scalars; a single scalar counts as a list of one. */
    List<String> textList(String name) {
        Object value = value(name);
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (item == null || item instanceof Map || item instanceof List) {
                throw problem(name, "contains " + quoted(item) + ", but every entry must be a single value",
                        "Write it as a YAML list of plain values, one `- value` per line");
            }
            String text = String.valueOf(item).trim();
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    /**
     * The inventory's variables for {@link Inventory#vars()} / {@link InventoryHost#vars()}: references
     * resolved where Quorum can, kept as written where it cannot (Quorum does not use those). YAML entries
     * with no value are left out.
     */
    Map<String, Object> kept() {
        Map<String, Object> out = new LinkedHashMap<>();
        vars.forEach((name, raw) -> {
            Object value;
            try {
                value = templates.resolveVariable(name);
            } catch (Templates.Unresolvable e) {
                value = raw;
            }
            if (value != null) {
                out.put(name, Values.frozen(value));
            }
        });
        return out;
    }

    /**
     * Refuses a value that breaks an {@link InventoryRules} rule, naming the variable, where it was set, the value,
     * the rule and what to do; returns the value when it keeps the rule.
     *
     * @param owner    who the variable belongs to in the message, e.g. {@code "of host node1 "}, or empty text
     * @param rule     one of {@link InventoryRules}' checks
     * @param whatToDo the hint, without the final period
     */
    String checked(String name, String owner, String value, Function<String, Optional<String>> rule, String whatToDo) {
        Optional<String> fault = rule.apply(value);
        if (fault.isPresent()) {
            throw problem(name, owner + "is \"" + InventoryRules.shown(value) + "\", which " + fault.get(), whatToDo);
        }
        return value;
    }

    /** An error about a variable: what is wrong, where it was set, what to do. */
    InventoryException problem(String name, String whatIsWrong, String whatToDo) {
        return new InventoryException(label + ": " + name + " (" + origin(name) + ") " + whatIsWrong + ". "
                + whatToDo + ".");
    }

    /** Where the variable's winning value was set, in words (or that Kubespray's default applies). */
    String originOf(String name) {
        return origin(name);
    }

    private String origin(String name) {
        String where = origins.get(name);
        return where != null ? "set in " + where : "Kubespray's default";
    }

    private static String quoted(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static String example(String name) {
        return switch (name) {
            case "etcd_version" -> EtcdSettings.DEFAULT_VERSION;
            case "etcd_heartbeat_interval" -> String.valueOf(EtcdSettings.DEFAULT_HEARTBEAT_MILLIS);
            case "etcd_election_timeout" -> String.valueOf(EtcdSettings.DEFAULT_ELECTION_MILLIS);
            case "ansible_port" -> "22";
            case "image_arch" -> EtcdSettings.DEFAULT_ARCHITECTURE;
            case "etcd_download_url" -> EtcdSettings.officialDownloadUrl(EtcdSettings.DEFAULT_VERSION,
                    EtcdSettings.DEFAULT_ARCHITECTURE).toString();
            default -> "...";
        };
    }
}
