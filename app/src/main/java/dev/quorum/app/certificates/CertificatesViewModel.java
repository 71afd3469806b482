package dev.quorum.app.certificates;

import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.ActionableError;
import dev.quorum.core.certinventory.CertificateAdvice;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.intent.Intent;
import dev.quorum.core.pki.CertificateRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Certificates tab's logic: core's certificate inventory, read in the background when the tab
 * is first shown and on Refresh (never on a timer: it costs two SSH round trips per host), as rows
 * sorted problems first, then by days left, optionally only those with problems. UI thread only.
 */
public final class CertificatesViewModel {
    /** The CLI's default: {@code quorum certs --warn-days 30}. */
    public static final int DEFAULT_WARN_DAYS = 30;
    /** More rows than any real cluster has; a bound, so a strange host cannot flood the table. */
    static final int MAX_ROWS = 5000;

    private final TaskExecutor executor;
    private final CertificateSource source;
    private final String clusterName;
    private final ObservableList<CertificateRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty problemsOnly = new SimpleBooleanProperty(false);
    private final IntegerProperty warnDays = new SimpleIntegerProperty(DEFAULT_WARN_DAYS);
    private final ReadOnlyObjectWrapper<LoadState> state;
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Optional<CertificateAdvice>> advice = new ReadOnlyObjectWrapper<>(
            Optional.empty());
    private List<CertificateRow> all = List.of();
    private TaskExecutor.Cancellable inFlight;
    private long generation;
    private boolean readAgain;
    private boolean disposed;

    /** @param overSsh false for the local sandbox, whose certificates core's inventory does not read */
    public CertificatesViewModel(TaskExecutor executor, CertificateSource source, String clusterName, boolean overSsh) {
        this.executor = executor;
        this.source = source;
        this.clusterName = clusterName;
        this.state = new ReadOnlyObjectWrapper<>(overSsh ? LoadState.NOT_LOADED : LoadState.NOT_SSH);
        problemsOnly.addListener((obs, old, now) -> show());
        warnDays.addListener((obs, old, now) -> {
            if (state.get() != LoadState.NOT_LOADED) {
                refresh();
            }
        });
        show();
    }

    /** The tab is shown: read the inventory the first time only. */
    public void shown() {
        if (state.get() == LoadState.NOT_LOADED) {
            refresh();
        }
    }

    /** Reads the inventory again: one read at a time; asked during a read, once more after it. */
    public void refresh() {
        if (state.get() == LoadState.NOT_SSH || disposed) {
            return; // disposed: a renew run that ends after its cluster was closed must not read again
        }
        if (state.get() == LoadState.LOADING) {
            readAgain = true; // e.g. the warn days changed: the read in flight uses the old window
            return;
        }
        long mine = ++generation;
        state.set(LoadState.LOADING);
        show();
        Duration warn = Duration.ofDays(Math.max(0, warnDays.get()));
        inFlight = executor.submit(() -> source.read(warn), report -> {
            if (mine == generation) {
                loaded(report);
            }
        }, error -> {
            if (mine == generation) {
                failed(error);
            }
        });
    }

    /** Stops a read in flight; called when the cluster is closed. */
    public void dispose() {
        disposed = true;
        generation++;
        readAgain = false;
        if (inFlight != null) {
            inFlight.cancel();
            inFlight = null;
        }
        if (state.get() == LoadState.LOADING) {
            state.set(LoadState.NOT_LOADED);
        }
    }

    void loaded(InventoryReport report) {
        inFlight = null;
        all = report.certificates().stream().limit(MAX_ROWS).map(CertificateRow::of)
                .sorted(CertificateRow.PROBLEMS_FIRST).toList();
        failure.set("");
        long needing = report.certificates().stream().filter(CertificateRecord::needsAction).count();
        String unread = report.unreachable().entrySet().stream().map(e -> e.getKey() + " not read (" + e.getValue()
                + ")").collect(Collectors.joining("; "));
        summary.set(report.certificates().size() + " certificates, " + (needing == 0 ? "no problems"
                : needing + " with problems") + "; " + (report.caSource().equals(InventoryReport.UNKNOWN_CA)
                ? "no cluster CA found, issuers not checked" : "checked against the CA in " + report.caSource())
                + (unread.isEmpty() ? "" : "; " + unread));
        advice.set(CertificateAdvice.of(report));
        state.set(LoadState.LOADED);
        show();
        againIfAsked();
    }

    private void againIfAsked() {
        if (readAgain) {
            readAgain = false;
            refresh();
        }
    }

    void failed(Throwable error) {
        inFlight = null;
        all = List.of();
        summary.set("");
        advice.set(Optional.empty());
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        String hint = error instanceof ActionableError a && !a.hint().isBlank() ? a.hint() : "";
        failure.set(hint.isEmpty() ? message : message + ": " + hint);
        state.set(error instanceof NoWorkstationCaException ? LoadState.NO_CA : LoadState.FAILED);
        show();
        againIfAsked();
    }

    private void show() {
        List<CertificateRow> wanted = problemsOnly.get()
                ? all.stream().filter(r -> r.severity().needsAction()).toList() : all;
        if (!wanted.equals(rows)) {
            rows.setAll(wanted);
        }
        placeholder.set(switch (state.get()) {
            case NOT_SSH -> "Certificates are shown for SSH clusters. The sandbox's certificates are local files "
                    + "(~/.quorum/sandbox/members/*/ssl) that core's inventory does not read over SSH.";
            case NO_CA -> "No certificates to show: " + failure.get() + ".";
            case NOT_LOADED -> "Not read yet: Refresh reads every etcd host's certificates over SSH.";
            case LOADING -> "Reading the certificates of every etcd host of " + clusterName + " over SSH...";
            case FAILED -> "Could not read the certificates: " + failure.get();
            case LOADED -> problemsOnly.get() && !all.isEmpty() ? "No certificate has a problem."
                    : "No certificates found on the etcd hosts.";
        });
    }

    /** The rows to show: filtered and sorted, problems first. */
    public ObservableList<CertificateRow> rows() {
        return rows;
    }

    public BooleanProperty problemsOnlyProperty() {
        return problemsOnly;
    }

    /** Certificates expiring within this many days are reported as expiring (and renewed). */
    public IntegerProperty warnDaysProperty() {
        return warnDays;
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What the empty table says: loading, what to do without a CA, why the sandbox shows none. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** "9 certificates, 1 with problems; checked against the CA in ...". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the last read asks for next (core's advice): its title and reason are shown, its button opens it. */
    public ReadOnlyObjectProperty<Optional<CertificateAdvice>> adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    /** The last read found the CA expired or expiring: the renew wizard opens with its replacement chosen. */
    public boolean replaceCaAdvised() {
        return advice.get().map(a -> a.intent() instanceof Intent.RotateCa).orElse(false);
    }

    /** Renew... needs a cluster whose CA is here and an inventory read. */
    public boolean canRenew() {
        return state.get() == LoadState.LOADED;
    }
}
