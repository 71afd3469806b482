package dev.quorum.app.wizard;

import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.engine.report.CappedBuffer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Carries run events from the run's threads to the UI thread in batches: at most one hand-over is
 * queued at a time, however fast events come, so a chatty run cannot flood the UI thread.
 */
final class EventPump implements RunListener {
    private final TaskExecutor executor;
    private final Consumer<List<RunEvent>> onUiThread;
    /** Uncapped: every event fills a cell of the step x host table, none may be dropped. */
    private final CappedBuffer<RunEvent> queue = new CappedBuffer<>(Integer.MAX_VALUE);

    EventPump(TaskExecutor executor, Consumer<List<RunEvent>> onUiThread) {
        this.executor = executor;
        this.onUiThread = onUiThread;
    }

    @Override
    public void on(RunEvent event) {
        if (queue.add(event)) { // the first since the last hand-over: one hand-over carries all that follow
            executor.onUiThread(this::drain);
        }
    }

    private void drain() {
        List<RunEvent> batch = queue.drain();
        if (!batch.isEmpty()) {
            onUiThread.accept(batch);
        }
    }
}
