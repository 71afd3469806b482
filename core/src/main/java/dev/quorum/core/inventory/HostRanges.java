package dev.quorum.core.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ansible's host ranges in INI inventories: {@code node[1:3]}, {@code node[01:03]} (zero padded: both ends
 * written with the same width), {@code node[a:c]}, an optional stride {@code [1:9:2]}, several ranges in one
 * name ({@code rack[1:2]-node[a:b]}). An omitted start counts from 0, as in Ansible.
 */
final class HostRanges {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** A range Ansible would not expand; the message says what is wrong with it. */
    static final class BadRange extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRange(String message) {
            super(message);
        }
    }

    private HostRanges() {
    }

    /** The names {@code pattern} stands for, in order; the pattern itself when it has no range. */
    static List<String> expand(String pattern) {
        int open = pattern.indexOf('[');
        if (open < 0) {
            if (pattern.indexOf(']') >= 0) {
                throw new BadRange("has a `]` without a `[` before it");
            }
            return List.of(pattern);
        }
        int close = pattern.indexOf(']', open);
        if (close < 0) {
            throw new BadRange("opens a range with `[` but never closes it with `]`");
        }
        String head = pattern.substring(0, open);
        String tail = pattern.substring(close + 1);
        List<String> names = new ArrayList<>();
        for (String item : items(pattern.substring(open + 1, close))) {
            names.addAll(expand(head + item + tail));
        }
        return names;
    }

    private static List<String> items(String range) {
        String[] bounds = range.split(":", -1);
        if (bounds.length != 2 && bounds.length != 3) {
            throw new BadRange("has `[" + range + "]`, but a range is [start:end] or [start:end:step]");
        }
        String start = bounds[0].isEmpty() ? "0" : bounds[0];
        String end = bounds[1];
        if (end.isEmpty()) {
            throw new BadRange("has `[" + range + "]`, which has no end");
        }
        int step = bounds.length == 3 ? number(bounds[2], range) : 1;
        if (step < 1) {
            throw new BadRange("has `[" + range + "]`, whose step must be 1 or more");
        }
        Optional<List<String>> letters = letters(start, end, step, range);
        return letters.orElseGet(() -> numbers(start, end, step, range));
    }

    private static Optional<List<String>> letters(String start, String end, int step, String range) {
        int from = start.length() == 1 ? LETTERS.indexOf(start) : -1;
        int to = end.length() == 1 ? LETTERS.indexOf(end) : -1;
        if (from < 0 || to < 0) {
            return Optional.empty();
        }
        if (from > to) {
            throw new BadRange("has `[" + range + "]`, which runs backwards; write the first name first");
        }
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i += step) {
            out.add(String.valueOf(LETTERS.charAt(i)));
        }
        return Optional.of(out);
    }

    private static List<String> numbers(String start, String end, int step, String range) {
        boolean padded = start.length() > 1 && start.startsWith("0");
        if (padded && start.length() != end.length()) {
            throw new BadRange("has `[" + range + "]`: a zero-padded range needs both ends of the same width, "
                    + "for example [01:12]");
        }
        int from = number(start, range);
        int to = number(end, range);
        if (from > to) {
            throw new BadRange("has `[" + range + "]`, which runs backwards; write the smaller number first");
        }
        List<String> out = new ArrayList<>();
        for (long i = from; i <= to; i += step) {
            String text = Long.toString(i);
            out.add(padded ? "0".repeat(Math.max(0, start.length() - text.length())) + text : text);
        }
        return out;
    }

    private static int number(String text, String range) {
        if (!text.matches("\\d{1,6}")) {
            throw new BadRange("has `[" + range + "]`, but `" + text + "` is neither a number nor a single letter");
        }
        return Integer.parseInt(text);
    }
}
