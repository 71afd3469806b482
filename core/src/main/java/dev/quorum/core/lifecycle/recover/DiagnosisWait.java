package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.engine.Cancellation;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Diagnoses again, bounded, until a condition holds: raft settles within an election or two. */
final class DiagnosisWait {
    private static final Duration POLL = Duration.ofSeconds(1);

    private DiagnosisWait() {
    }

    static Diagnosis until(Supplier<Diagnosis> diagnose, Predicate<Diagnosis> settled, Duration timeout,
                           Cancellation cancellation) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Diagnosis last = diagnose.get();
        while (!settled.test(last) && System.nanoTime() < deadline && !cancellation.isCancelled()) {
            cancellation.sleep(POLL);
            last = diagnose.get();
        }
        return last;
    }
}
