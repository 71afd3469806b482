package dev.quorum.core.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus' text exposition format (version 0.0.4), as much of it as etcd writes: comment lines ({@code # HELP},
 * {@code # TYPE}) skipped, samples with optional labels (escapes {@code \\ \" \n}), values as Go writes floats
 * ({@code 1e+09}, {@code +Inf}, {@code NaN}) and an optional timestamp. The Java client of Prometheus writes this
 * format but does not read it, hence this parser (decision 0039). A malformed line fails the whole scrape.
 */
public final class PromTextParser {
    /** etcd's /metrics is about 160 KB; a body much larger than that is not etcd's and is refused. */
    public static final int MAX_SAMPLES = 20_000;

    private PromTextParser() {
    }

    public static List<PromSample> parse(String text) {
        List<PromSample> samples = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (samples.size() == MAX_SAMPLES) {
                throw new IllegalArgumentException("more than " + MAX_SAMPLES + " samples: not etcd's metrics");
            }
            try {
                samples.add(new LineReader(trimmed).sample());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNumber + " of the metrics: " + e.getMessage(), e);
            }
        }
        return samples;
    }

    /** One sample line, read left to right. */
    private static final class LineReader {
        private final String line;
        private int at;

        LineReader(String line) {
            this.line = line;
        }

        PromSample sample() {
            String name = name();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("no metric name in '" + line + "'");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (at < line.length() && line.charAt(at) == '{') {
                at++;
                labels(labels);
            }
            String[] rest = line.substring(at).strip().split("[ \t]+");
            if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
                throw new IllegalArgumentException("expected a value (and maybe a timestamp) in '" + line + "'");
            }
            return new PromSample(name, labels, value(rest[0]));
        }

        private String name() {
            int start = at;
            while (at < line.length() && nameChar(line.charAt(at), at == start)) {
                at++;
            }
            return line.substring(start, at);
        }

        private void labels(Map<String, String> labels) {
            while (true) {
                skipSpaces();
                if (at < line.length() && line.charAt(at) == '}') {
                    at++;
                    return;
                }
                String key = name();
                skipSpaces();
                if (key.isEmpty() || at >= line.length() || line.charAt(at) != '=') {
                    throw new IllegalArgumentException("expected label=\"value\" at column " + (at + 1));
                }
                at++;
                skipSpaces();
                labels.put(key, quoted());
                skipSpaces();
                if (at < line.length() && line.charAt(at) == ',') {
                    at++;
                } else if (at >= line.length() || line.charAt(at) != '}') {
                    throw new IllegalArgumentException("expected ',' or '}' at column " + (at + 1));
                }
            }
        }

        private String quoted() {
            if (at >= line.length() || line.charAt(at) != '"') {
                throw new IllegalArgumentException("expected '\"' at column " + (at + 1));
            }
            at++;
            StringBuilder value = new StringBuilder();
            while (at < line.length()) {
                char c = line.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && at < line.length()) {
                    char escaped = line.charAt(at++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            throw new IllegalArgumentException("unterminated label value");
        }

        private void skipSpaces() {
            while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
                at++;
            }
        }

        private static boolean nameChar(char c, boolean first) {
            return Character.isLetter(c) && c < 128 || c == '_' || c == ':' || !first && c >= '0' && c <= '9';
        }

        private static double value(String text) {
            return switch (text) {
                case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> {
                    try {
                        yield Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("not a number: '" + text + "'");
                    }
                }
            };
        }
    }
}
