package dev.quorum.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files Quorum writes on hosts, kept as text templates so they read like Kubespray's. Only
 * {@code {{name}}} placeholders, no logic: every value is decided in core, not here.
 */
public final class Templates {
    public static final String ETCD_ENV = "etcd.env";
    public static final String ETCD_SERVICE = "etcd.service";
    public static final String ETCDCTL_WRAPPER = "etcdctl.sh";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private Templates() {
    }

    public static String render(String template, Map<String, String> values) {
        String text = load(template);
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("template " + template + " needs a value for " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String load(String template) {
        try (InputStream in = Templates.class.getResourceAsStream("templates/" + template)) {
            if (in == null) {
                throw new IllegalArgumentException("no such template: " + template);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + template, e);
        }
    }
}
