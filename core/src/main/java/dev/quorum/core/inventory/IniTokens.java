package dev.quorum.core.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an INI inventory host line as Ansible does (Python's {@code shlex.split(line, comments=True)}):
 * whitespace separates words, single and double quotes group a value with spaces and are removed, a
 * backslash outside single quotes escapes the next character, and a {@code #} outside quotes starts a comment.
 */
final class IniTokens {
    /** A line Ansible could not split; the message says what is wrong. */
    static final class Unsplittable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsplittable(String message) {
            super(message);
        }
    }

    private IniTokens() {
    }

    static List<String> split(String line) {
        return split(line, true);
    }

    /** Splits as Python's {@code shlex.split(text)} (no comments), as Ansible splits {@code ansible_ssh_common_args}. */
    static List<String> words(String text) {
        return split(text, false);
    }

    private static List<String> split(String line, boolean comments) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c) || (comments && c == '#')) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                if (c == '#') {
                    break; // only reached with comments on
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 == line.length()) {
                    throw new Unsplittable("ends with a backslash that escapes nothing");
                }
                word.append(line.charAt(++i));
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new Unsplittable("opens a quote (" + quote + ") that is never closed");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
