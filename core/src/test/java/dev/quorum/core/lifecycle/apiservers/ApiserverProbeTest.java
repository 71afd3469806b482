package dev.quorum.core.lifecycle.apiservers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A health answer counts only once the running process has the new list: the old one answers until restarted. */
class ApiserverProbeTest {
    @Test
    void healthyOnlyWithTheNewListRunning() {
        ApiserverProbe old = ApiserverProbe.parse("servers https://a:2379\nlivez 200\n");
        ApiserverProbe restarted = ApiserverProbe.parse("servers https://b:2379\nlivez 200\n");

        assertThat(old.servesWith("https://b:2379")).isFalse();
        assertThat(old.describe("https://b:2379")).contains("still runs with --etcd-servers=https://a:2379");
        assertThat(restarted.servesWith("https://b:2379")).isTrue();
    }

    @Test
    void noProcessOrNoAnswerIsNotHealthy() {
        ApiserverProbe starting = ApiserverProbe.parse("livez 000\n");

        assertThat(starting.servesWith("https://b:2379")).isFalse();
        assertThat(starting.describe("https://b:2379")).contains("no kube-apiserver process")
                .contains("does not answer");
        assertThat(ApiserverProbe.parse("servers https://b:2379\nlivez 401\n").refusesAnonymous()).isTrue();
    }
}
