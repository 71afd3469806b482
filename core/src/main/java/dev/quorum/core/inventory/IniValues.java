package dev.quorum.core.inventory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Types an INI inventory value as Ansible does ({@code ast.literal_eval}, falling back to the text itself):
 * {@code 5000} is a number, {@code True}/{@code False} booleans, {@code None} nothing, {@code 'x'} or
 * {@code "x"} text, {@code [..]}/{@code (..)} lists and {@code {k: v}} mappings of such literals. Anything
 * else, {@code true} and {@code 007} included, stays the text as written, as in Ansible.
 */
final class IniValues {
    private static final Pattern INTEGER = Pattern.compile("[+-]?(0|[1-9](_?\\d)*)");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?((\\d+\\.\\d*|\\.\\d+)([eE][+-]?\\d+)?|\\d+[eE][+-]?\\d+)");

    private static final class NotALiteral extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private final String text;
    private int pos;

    private IniValues(String text) {
        this.text = text;
    }

    static Object typed(String written) {
        String trimmed = written.strip();
        try {
            IniValues parser = new IniValues(trimmed);
            Object value = parser.value();
            parser.skipSpace();
            if (parser.pos != trimmed.length()) {
                throw new NotALiteral();
            }
            return value;
        } catch (NotALiteral e) {
            return written;
        }
    }

    private Object value() {
        skipSpace();
        if (pos >= text.length()) {
            throw new NotALiteral();
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '\'', '"' -> string(c);
            case '[' -> list(']');
            case '(' -> list(')');
            case '{' -> mapping();
            default -> atom();
        };
    }

    private Object atom() {
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && ",:])}".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return null;
            default:
                break;
        }
        if (INTEGER.matcher(word).matches()) {
            BigInteger n = new BigInteger(word.replace("_", "").replace("+", ""));
            return n.bitLength() < 32 ? (Object) n.intValue() : n.bitLength() < 64 ? (Object) n.longValue() : n;
        }
        if (FLOAT.matcher(word).matches()) {
            return Double.parseDouble(word);
        }
        throw new NotALiteral();
    }

    private String string(char quote) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char next = text.charAt(pos++);
                out.append(switch (next) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case '\\', '\'', '"' -> String.valueOf(next);
                    default -> "\\" + next;
                });
            } else {
                out.append(c);
            }
        }
        throw new NotALiteral();
    }

    private List<Object> list(char close) {
        List<Object> items = new ArrayList<>();
        pos++;
        while (true) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == close) {
                pos++;
                return items;
            }
            items.add(value());
            endOfItem(close);
        }
    }

    private Map<String, Object> mapping() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        while (true) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '}') {
                pos++;
                return map;
            }
            Object key = value();
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != ':') {
                throw new NotALiteral();
            }
            pos++;
            map.put(String.valueOf(key), value());
            endOfItem('}');
        }
    }

    private void endOfItem(char close) {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
        } else if (pos >= text.length() || text.charAt(pos) != close) {
            throw new NotALiteral();
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
