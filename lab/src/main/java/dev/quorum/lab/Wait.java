package dev.quorum.lab;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling for tests: asks until the condition holds or the time is up, then once more. */
public final class Wait {
    private static final Duration EVERY = Duration.ofMillis(100);

    private Wait() {
    }

    /** Whether {@code condition} held within {@code timeout}, asked every 100 ms. */
    public static boolean until(Duration timeout, BooleanSupplier condition) {
        return until(timeout, EVERY, condition);
    }

    /** Whether {@code condition} held within {@code timeout}, asked every {@code every}. */
    public static boolean until(Duration timeout, Duration every, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
