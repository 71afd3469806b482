package dev.quorum.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One way of launching the app for the memory watch: its JVM options and environment, and what was sampled
 * from it: the resident set every sample, heap and metaspace once a minute. The first variant is the app as launched; the others run beside it on the same cluster to show
 * which option matters.
 */
record WatchVariant(String name, List<String> jvmOptions, Map<String, String> environment, List<Double> resident,
        List<JvmSample> heap) {

    WatchVariant(String name, List<String> jvmOptions, Map<String, String> environment) {
        this(name, List.copyOf(jvmOptions), Map.copyOf(environment), new ArrayList<>(), new ArrayList<>());
    }

    static List<String> plus(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    String describe() {
        String options = jvmOptions.isEmpty() ? "no JVM options" : "`" + String.join(" ", jvmOptions) + "`";
        return environment.isEmpty() ? options : options + ", " + environment.entrySet().stream()
                .map(e -> "`" + e.getKey() + "=" + e.getValue() + "`").reduce((a, b) -> a + " " + b).orElse("");
    }
}
