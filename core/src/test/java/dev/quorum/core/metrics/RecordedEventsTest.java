package dev.quorum.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunLog;
import dev.quorum.core.engine.RunMode;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.RunSummary;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.KeyAlgorithm;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedEventsTest {
    static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");
    @TempDir
    Path dir;

    static void run(QuorumHome home, String file, String lifecycle, Instant at) {
        try (RunLog log = RunLog.create(home.runs("prod").resolve(file))) {
            log.on(new RunEvent.RunStarted(at, "r", lifecycle, "prod", RunMode.APPLY, List.of()));
            log.on(new RunEvent.RunFinished(at.plusSeconds(5), RunOutcome.SUCCEEDED, RunSummary.empty(),
                    Duration.ofSeconds(5)));
        }
    }

    @Test
    void theRunsSinceAndTheSoonestExpiry() throws Exception {
        QuorumHome home = new QuorumHome(dir);
        run(home, "20261204T180000.000Z-install.jsonl", "install", NOW.minusSeconds(7200));
        run(home, "20261204T195000.000Z-maintain.jsonl", "maintain", NOW.minusSeconds(600));
        CertificateAuthority.loadOrCreate(home.pki("prod"), "etcd-ca", KeyAlgorithm.EC_P256);

        assertThat(RecordedEvents.runs(home, "prod", NOW.minusSeconds(3600))).extracting(TimelineEvent::text)
                .containsExactly("Quorum ran maintain: succeeded");
        assertThat(RecordedEvents.certificateExpiry(home, "prod", Instant.now())).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(TimelineEvent.Kind.CERTIFICATE_EXPIRY);
            assertThat(e.text()).startsWith("ca.pem expires in ");
        });
        assertThat(RecordedEvents.runs(home, "other", NOW)).isEmpty();
    }
}
