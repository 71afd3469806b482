package dev.quorum.app.recover;

import dev.quorum.app.wizard.WizardHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** The Recover wizard's diagnosis page, refreshed by its button until it shows what a test expects. */
public final class DiagnosisRefresh {
    private DiagnosisRefresh() {
    }

    /** Clicks Refresh (after each diagnosis) until {@code shown} holds on the UI thread; bounded by timeout. */
    public static void until(WizardHarness ui, String what, Duration timeout, Callable<Boolean> shown)
            throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            ui.waitUntil("a diagnosis finished", Duration.ofSeconds(60), () -> ui.enabled("#refreshDiagnosis"),
                    () -> ui.text("#diagnosisReason"));
            if (WaitForAsyncUtils.asyncFx(shown).get(10, TimeUnit.SECONDS)) {
                return;
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for: " + what + "; shown: "
                        + ui.text("#verdictWord") + ": " + ui.text("#verdictSentence"));
            }
            Thread.sleep(1000);
            ui.click("#refreshDiagnosis");
        }
    }
}
