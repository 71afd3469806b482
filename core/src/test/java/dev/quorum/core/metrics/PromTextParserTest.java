package dev.quorum.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromTextParserTest {

    static String fixture(String name) throws IOException {
        try (var in = PromTextParserTest.class.getResourceAsStream("/metrics/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsWhatEtcdWrites() throws IOException {
        List<PromSample> samples = PromTextParser.parse(fixture("etcd-3.5.33-single.txt"));

        assertThat(samples).contains(
                new PromSample("etcd_server_quota_backend_bytes", Map.of(), 2.147483648e9),
                new PromSample("go_info", Map.of("version", "go1.26.10"), 1),
                new PromSample("etcd_disk_wal_fsync_duration_seconds_bucket", Map.of("le", "+Inf"), 5));
        assertThat(samples).noneMatch(s -> s.name().startsWith("#"));
    }

    @Test
    void labelsWithEscapesSpacesAndATrailingComma() {
        List<PromSample> samples = PromTextParser.parse(
                "a_b{path=\"C:\\\\dir\",msg=\"say \\\"hi\\\"\\nbye\" , x=\"{},=\",} 1.5 1712345678000\n");

        assertThat(samples).containsExactly(new PromSample("a_b",
                Map.of("path", "C:\\dir", "msg", "say \"hi\"\nbye", "x", "{},="), 1.5));
    }

    @Test
    void goFloatsInfinitiesAndNaN() {
        List<PromSample> samples = PromTextParser.parse("a 1e+09\nb +Inf\nc -Inf\nd NaN\ne -0.5\n\n  # comment\n");

        assertThat(samples).extracting(PromSample::value).containsExactly(1e9, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, -0.5);
    }

    @Test
    void aMalformedLineFailsWithItsNumber() {
        assertThatThrownBy(() -> PromTextParser.parse("ok 1\nbad{le=\"1\" 2\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> PromTextParser.parse("x{a=\"unterminated} 1\n"))
                .hasMessageContaining("unterminated");
        assertThatThrownBy(() -> PromTextParser.parse("x one\n")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> PromTextParser.parse("{a=\"b\"} 1\n")).hasMessageContaining("no metric name");
        assertThatThrownBy(() -> PromTextParser.parse("x 1 2 3\n")).hasMessageContaining("expected a value");
    }

    @Test
    void tooManySamplesIsNotEtcd() {
        String huge = "x 1\n".repeat(PromTextParser.MAX_SAMPLES + 1);

        assertThatThrownBy(() -> PromTextParser.parse(huge)).hasMessageContaining("not etcd's metrics");
    }
}
