package dev.quorum.core.engine;

import dev.quorum.core.ActionableError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** One step on one target: check, then apply and verify if needed; never throws. */
final class TargetRun implements StepContext {
    private final Step step;
    private final int index;
    private final String target;
    private final RunMode mode;
    private final RunListener listener;
    private final Cancellation cancellation;
    private final Clock clock;

    TargetRun(Step step, int index, String target, RunMode mode, RunListener listener,
              Cancellation cancellation, Clock clock) {
        this.step = step;
        this.index = index;
        this.target = target;
        this.mode = mode;
        this.listener = listener;
        this.cancellation = cancellation;
        this.clock = clock;
    }

    RunEvent.TargetFinished call() {
        Instant start = clock.instant();
        StepStatus status;
        String message;
        String hint = "";
        try {
            Check check = step.check(this);
            if (!check.needed()) {
                status = StepStatus.OK;
                message = check.reason();
            } else if (mode == RunMode.PREVIEW) {
                status = StepStatus.PENDING;
                message = check.reason();
            } else {
                log(LogLevel.DEBUG, "change needed: " + check.reason());
                step.apply(this);
                step.verify(this);
                status = StepStatus.CHANGED;
                message = check.reason();
            }
        } catch (CancelledException e) {
            status = StepStatus.SKIPPED;
            message = "cancelled";
        } catch (Exception | LinkageError e) {
            status = StepStatus.FAILED;
            message = describe(e);
            hint = e instanceof ActionableError actionable ? actionable.hint() : "";
        }
        RunEvent.TargetFinished finished = new RunEvent.TargetFinished(clock.instant(), index, target, status,
                message, hint, Duration.between(start, clock.instant()));
        listener.on(finished);
        return finished;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public void log(LogLevel level, String line) {
        listener.on(new RunEvent.TargetOutput(clock.instant(), index, target, level, line));
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }
}
