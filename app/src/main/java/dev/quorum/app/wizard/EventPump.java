package dev.quorum.app.wizard;

import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Carries run events from the run's threads to the UI thread in batches: at most one hand-over is
 * queued at a time, however fast events come, so a chatty run cannot flood the UI thread.
 */
final class EventPump implements RunListener {
    private final TaskExecutor executor;
    private final Consumer<List<RunEvent>> onUiThread;
    private final ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    EventPump(TaskExecutor executor, Consumer<List<RunEvent>> onUiThread) {
        this.executor = executor;
        this.onUiThread = onUiThread;
    }

    @Override
    public void on(RunEvent event) {
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) {
            executor.onUiThread(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<RunEvent> batch = new ArrayList<>();
        for (RunEvent event = queue.poll(); event != null; event = queue.poll()) {
            batch.add(event);
        }
        if (!batch.isEmpty()) {
            onUiThread.accept(batch);
        }
    }
}
