package dev.quorum.core.metrics;

import java.util.Map;

/** One line of Prometheus' text format: a sample's name, its labels and its value (the timestamp, which etcd never writes, is dropped). */
public record PromSample(String name, Map<String, String> labels, double value) {
    public PromSample {
        labels = Map.copyOf(labels);
    }

    public String label(String key) {
        return labels.getOrDefault(key, "");
    }
}
