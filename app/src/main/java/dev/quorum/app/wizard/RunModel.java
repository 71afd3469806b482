package dev.quorum.app.wizard;

import dev.quorum.app.common.PlanOutline;
import dev.quorum.core.engine.Cancellation;
import dev.quorum.core.engine.LogLevel;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import dev.quorum.core.engine.RunOutcome;
import dev.quorum.core.engine.RunSummary;
import dev.quorum.core.engine.report.CappedBuffer;
import dev.quorum.core.engine.report.LogLine;
import dev.quorum.core.engine.report.RunLines;
import dev.quorum.core.engine.report.TargetState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run page's logic: runs the reviewed plan(s) in the background and turns their events into a
 * step x host table and a capped live log. Cancel asks the engine to stop between steps: the
 * current step finishes on every host, the rest does not run.
 */
public final class RunModel {
    static final int LOG_CAP = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(RunModel.class);

    private final WizardServices services;
    private final ObservableList<StepProgress> rows = FXCollections.observableArrayList();
    private final ObservableList<String> hosts = FXCollections.observableArrayList();
    private final ObservableList<LogLine> log = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper("");
    private Cancellation cancellation = new Cancellation();
    private PlanOutline firstOutline;
    private int rowOffset;
    private int stepCount;

    public RunModel(WizardServices services) {
        this.services = services;
    }

    /** Runs {@code first}, then the source's further plans; {@code onEnd} gets the report on the UI thread. */
    public void start(PlanSource source, PreparedPlan first, Consumer<RunReport> onEnd) {
        if (running.get()) {
            throw new IllegalStateException("a run is already going");
        }
        rows.clear();
        firstOutline = PlanOutline.of(first.plan());
        hosts.setAll(firstOutline.targets());
        log.clear();
        rowOffset = 0;
        stepCount = 0;
        cancellation = new Cancellation();
        cancelling.set(false);
        running.set(true);
        current.set("Starting...");
        EventPump pump = new EventPump(services.executor(), this::apply);
        RunListener listener = RunListener.all(pump, guarded(services.runListener()));
        services.executor().submit(new PlanRunJob(services.home(), source, first, listener, cancellation),
                report -> finish(report, onEnd),
                error -> finish(new RunReport(RunOutcome.FAILED, RunSummary.empty(),
                        Duration.ZERO, List.of(), List.of(), List.of(), String.valueOf(error.getMessage())),
                        onEnd));
    }

    /** The app's hook (the Tasks log) must not break a run: its failures are logged, not thrown. */
    private static RunListener guarded(RunListener hook) {
        return event -> {
            try {
                hook.on(event);
            } catch (RuntimeException e) {
                LOG.warn("the run listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        };
    }

    private void finish(RunReport report, Consumer<RunReport> onEnd) {
        running.set(false);
        current.set("");
        onEnd.accept(report);
    }

    /** Safe at any time: the step that runs finishes, nothing after it starts. */
    public void cancel() {
        if (running.get()) {
            cancelling.set(true);
            current.set("Cancelling: the current step finishes, the rest does not run...");
            cancellation.cancel();
        }
    }

    /** The run in words, as the Tasks tab, run history and the terminal say it. */
    private final RunLines words = new RunLines();

    private void apply(List<RunEvent> batch) {
        List<LogLine> lines = new ArrayList<>();
        for (RunEvent event : batch) {
            if (event instanceof RunEvent.RunStarted started) {
                words.of(started); // the live log's lines name steps by the titles this run starts with
                rowOffset = rows.size();
                stepCount = started.stepTitles().size();
                started.stepTitles().forEach(title -> rows.add(new StepProgress(title)));
                showWaiting();
            } else if (event instanceof RunEvent.StepStarted step) {
                step.targets().forEach(t -> cell(step.step(), t, Cell.RUNNING));
                if (!cancelling.get()) {
                    current.set("Step " + (step.step() + 1) + " of " + stepCount + ": " + step.title());
                }
            } else if (event instanceof RunEvent.TargetOutput output && output.level() != LogLevel.DEBUG) {
                words.of(output).ifPresent(lines::add);
            } else if (event instanceof RunEvent.TargetFinished finished) {
                cell(finished.step(), finished.target(), Cell.of(finished.status(), finished.message()));
                words.of(finished).ifPresent(lines::add);
            }
        }
        CappedBuffer.appendKeepingNewest(log, lines, LOG_CAP);
    }

    /** The reviewed plan's cells show "waiting" from the start; later plans' cells fill in as they run. */
    private void showWaiting() {
        if (firstOutline != null && rowOffset == 0) {
            firstOutline.steps().forEach(step -> step.targets().forEach(t -> cell(step.number() - 1, t, Cell.WAITING)));
        }
        firstOutline = null;
    }

    private void cell(int step, String target, Cell cell) {
        if (!hosts.contains(target)) {
            hosts.add(target);
        }
        rows.get(rowOffset + step).cells().put(target, cell);
    }

    public ObservableList<StepProgress> rows() {
        return rows;
    }

    /** The table's columns: every target seen, in plan order. */
    public ObservableList<String> hosts() {
        return hosts;
    }

    public ObservableList<LogLine> log() {
        return log;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** What runs now, in words. */
    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** What changed, one line per step: "Install etcd binaries: lab1, lab2, lab3". */
    public List<String> changes() {
        return rows.stream().map(row -> {
            List<String> changed = hosts.stream().filter(h -> row.cell(h) != null
                    && row.cell(h).state() == TargetState.CHANGED).toList();
            return changed.isEmpty() ? null : row.title() + ": " + String.join(", ", changed);
        }).filter(Objects::nonNull).toList();
    }
}
