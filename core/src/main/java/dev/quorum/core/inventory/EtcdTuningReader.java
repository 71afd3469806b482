package dev.quorum.core.inventory;

import dev.quorum.core.release.EtcdVersion;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@link EtcdTuning} from the etcd group's variables, with Kubespray's defaults, and validates every value. */
final class EtcdTuningReader {
    /** Go's time.ParseDuration, as etcd parses these flags. */
    static final Pattern GO_DURATION = Pattern.compile("([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+");
    private static final Set<String> LOG_LEVELS = Set.of("debug", "info", "warn", "error", "panic", "fatal");
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final int MAX_SAMPLING_RATE = 1_000_000;
    private static final Pattern HOST_PORT = Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]):[0-9]{1,5}");

    private EtcdTuningReader() {
    }

    static EtcdTuning read(VariableScope scope, String version) {
        return new EtcdTuning(
                oneOf(scope, "etcd_metrics", Set.of("basic", "extensive"), EtcdTuning.DEFAULT_METRICS),
                MetricsUrls.read(scope),
                MetricsUrls.port(scope),
                scope.isSet("etcd_log_level") ? Optional.of(oneOf(scope, "etcd_log_level", LOG_LEVELS, "info"))
                        : Optional.empty(),
                positive(scope, "etcd_snapshot_count").orElse(EtcdTuning.DEFAULT_SNAPSHOT_COUNT),
                compactionRetention(scope),
                maxRequestBytes(scope),
                atLeastZero(scope, "etcd_max_snapshots"),
                atLeastZero(scope, "etcd_max_wals"),
                CipherSuitesReader.read(scope),
                scope.bool("etcd_experimental_initial_corrupt_check").orElse(true),
                duration(scope, "etcd_experimental_watch_progress_notify_interval"),
                tracing(scope, version),
                EtcdExtraVars.read(scope),
                positive(scope, "certificates_duration").orElse(EtcdTuning.DEFAULT_CERTIFICATE_DAYS));
    }

    private static String oneOf(VariableScope scope, String name, Set<String> accepted, String fallback) {
        String value = scope.text(name).orElse(fallback);
        if (!accepted.contains(value)) {
            throw scope.problem(name, "is \"" + InventoryRules.shown(value) + "\"", "Use one of "
                    + String.join(", ", accepted.stream().sorted().toList()) + " (Kubespray's default: " + fallback + ")");
        }
        return value;
    }

    static OptionalInt positive(VariableScope scope, String name) {
        OptionalInt n = integer(scope, name);
        if (n.isPresent() && n.getAsInt() < 1) {
            throw scope.problem(name, "is " + n.getAsInt(), "Give a whole number of at least 1");
        }
        return n;
    }

    private static OptionalInt atLeastZero(VariableScope scope, String name) {
        OptionalInt n = integer(scope, name);
        if (n.isPresent() && n.getAsInt() < 0) {
            throw scope.problem(name, "is " + n.getAsInt(), "Give a whole number: 0 keeps every file, N keeps the "
                    + "newest N (Kubespray's and etcd's default: 5)");
        }
        return n;
    }

    private static OptionalInt integer(VariableScope scope, String name) {
        return scope.integer(name).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** Hours as Kubespray writes it ("8"), or a Go duration such as 30m (etcd reads either; 0 turns it off). */
    private static String compactionRetention(VariableScope scope) {
        String value = scope.text("etcd_compaction_retention").orElse(EtcdTuning.DEFAULT_COMPACTION_RETENTION);
        if (!value.matches("\\d{1,6}") && !GO_DURATION.matcher(value).matches()) {
            throw scope.problem("etcd_compaction_retention", "is \"" + InventoryRules.shown(value) + "\", which is "
                    + "neither a number of hours nor a duration", "Write hours as a number (Kubespray's default: \"8\"), "
                    + "a duration such as 30m or 1h30m, or 0 to turn automatic compaction off");
        }
        return value;
    }

    private static OptionalLong maxRequestBytes(VariableScope scope) {
        Optional<String> text = scope.text("etcd_max_request_bytes");
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        if (!text.get().matches("\\d{1,12}") || Long.parseLong(text.get()) < 1) {
            throw scope.problem("etcd_max_request_bytes", "is \"" + InventoryRules.shown(text.get()) + "\", which is not "
                    + "a positive number of bytes", "Write it in bytes, for example \"1572864\" (1.5 MiB, Kubespray's "
                    + "and etcd's default)");
        }
        return OptionalLong.of(Long.parseLong(text.get()));
    }

    static Optional<String> duration(VariableScope scope, String name) {
        Optional<String> text = scope.text(name);
        if (text.isPresent() && (!GO_DURATION.matcher(text.get()).matches() || text.get().matches("[0.]+[a-zµ]+"))) {
            throw scope.problem(name, "is \"" + InventoryRules.shown(text.get()) + "\", which is not a positive "
                    + "duration", "Write a Go duration such as 5s (Kubespray's default), 500ms or 1m");
        }
        return text;
    }

    private static Optional<EtcdTuning.Tracing> tracing(VariableScope scope, String version) {
        if (!scope.bool("etcd_experimental_enable_distributed_tracing").orElse(false)) {
            return Optional.empty();
        }
        if (EtcdVersion.tryParse(version).map(v -> !v.isAtLeast(3, 5, 0)).orElse(false)) {
            throw scope.problem("etcd_experimental_enable_distributed_tracing", "is true, but etcd " + version
                    + " has no distributed tracing (3.5 added it)", "Remove it, or install etcd 3.5 or later");
        }
        String address = scope.text("etcd_experimental_distributed_tracing_address")
                .orElse(EtcdTuning.Tracing.DEFAULT_ADDRESS);
        if (!HOST_PORT.matcher(address).matches()) {
            throw scope.problem("etcd_experimental_distributed_tracing_address", "is \"" + InventoryRules.shown(address)
                    + "\", which is not host:port", "Write the OpenTelemetry collector's gRPC address, for example "
                    + EtcdTuning.Tracing.DEFAULT_ADDRESS);
        }
        int rate = scope.integer("etcd_experimental_distributed_tracing_sample_rate")
                .orElse(EtcdTuning.Tracing.DEFAULT_SAMPLING_RATE);
        if (rate < 0 || rate > MAX_SAMPLING_RATE) {
            throw scope.problem("etcd_experimental_distributed_tracing_sample_rate", "is " + rate, "Give spans per "
                    + "million, 0 to " + MAX_SAMPLING_RATE + " (Kubespray's default: 100)");
        }
        String service = scope.text("etcd_experimental_distributed_tracing_service_name")
                .orElse(EtcdTuning.Tracing.DEFAULT_SERVICE_NAME);
        if (!SERVICE_NAME.matcher(service).matches()) {
            throw scope.problem("etcd_experimental_distributed_tracing_service_name", "is \""
                    + InventoryRules.shown(service) + "\"", "Use letters, digits, dot, dash and underscore, for example "
                    + EtcdTuning.Tracing.DEFAULT_SERVICE_NAME);
        }
        return Optional.of(new EtcdTuning.Tracing(address, rate, service));
    }
}
