package dev.quorum.core.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the simplest Jinja: plain {@code {{ name }}} references to other variables, recursively
 * (at most {@value #MAX_DEPTH} levels, loops refused). A value that is exactly one reference takes the
 * referenced value with its type; references inside longer text are replaced by their text. Anything
 * else in braces (filters, expressions, statements) is refused with {@link Unresolvable}.
 */
final class Templates {
    static final int MAX_DEPTH = 20;
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final Pattern JINJA = Pattern.compile("\\{\\{|\\{%|\\{#");

    private final Map<String, Object> scope;

    /** @param scope every variable visible, by name */
    Templates(Map<String, Object> scope) {
        this.scope = scope;
    }

    /** Why a value cannot be resolved; the message completes "NAME cannot be used: ...". */
    static final class Unresolvable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unresolvable(String message) {
            super(message, null, false, false);
        }
    }

    static boolean isTemplate(Object value) {
        return value instanceof String s && JINJA.matcher(s).find();
    }

    /** The value of variable {@code name} with its references resolved. */
    Object resolveVariable(String name) {
        return resolve(scope.get(name), new ArrayList<>(List.of(name)));
    }

    private Object resolve(Object value, List<String> chain) {
        if (value instanceof String text) {
            return resolveText(text, chain);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), resolve(v, chain)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(resolve(v, chain)));
            return out;
        }
        return value;
    }

    private Object resolveText(String text, List<String> chain) {
        if (!JINJA.matcher(text).find()) {
            return text;
        }
        String leftover = REFERENCE.matcher(text).replaceAll("");
        if (JINJA.matcher(leftover).find()) {
            throw new Unresolvable("\"" + text + "\" uses a Jinja expression Quorum does not evaluate (only plain "
                    + "{{ name }} references are resolved)");
        }
        Matcher whole = REFERENCE.matcher(text);
        if (whole.matches()) {
            return lookup(whole.group(1), chain);
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(asText(lookup(m.group(1), chain))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Object lookup(String name, List<String> chain) {
        if (chain.contains(name)) {
            List<String> loop = new ArrayList<>(chain.subList(chain.indexOf(name), chain.size()));
            loop.add(name);
            throw new Unresolvable("its references form a loop (" + String.join(" -> ", loop) + ")");
        }
        if (chain.size() > MAX_DEPTH) {
            throw new Unresolvable("its references are nested more than " + MAX_DEPTH + " levels deep ("
                    + String.join(" -> ", chain) + ")");
        }
        if (!scope.containsKey(name)) {
            throw new Unresolvable("it refers to {{ " + name + " }}, which is not defined in the inventory");
        }
        List<String> deeper = new ArrayList<>(chain);
        deeper.add(name);
        return resolve(scope.get(name), deeper);
    }

    /** How Ansible prints a scalar inside text (Python's True/False/None). */
    private static String asText(Object value) {
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return value == null ? "None" : String.valueOf(value);
    }
}
