package dev.quorum.app.recover;

import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.ActionableError;
import dev.quorum.core.lifecycle.recover.Diagnosis;
import dev.quorum.core.lifecycle.recover.MemberDiagnosis;
import dev.quorum.core.lifecycle.recover.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The diagnosis page's logic: runs a diagnosis in the background (one at a time) and turns it
 * into what the page shows: the verdict (word, icon, sentence), the connectivity matrix, the
 * members, the recommended action and the others. Next goes on unless quorum is lost: recovery
 * needs quorum, and the restore actions are shown instead. UI thread only.
 */
public final class DiagnosisModel {
    private final TaskExecutor executor;
    private final Callable<Diagnosis> diagnose;
    private final String inventoryArg;
    private final ReadOnlyObjectWrapper<Diagnosis> diagnosis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<VerdictLook> look = new ReadOnlyObjectWrapper<>(VerdictLook.UNKNOWN);
    private final ReadOnlyStringWrapper sentence = new ReadOnlyStringWrapper("");
    private final ObservableList<String> hosts = FXCollections.observableArrayList();
    private final ObservableList<MatrixCell> cells = FXCollections.observableArrayList();
    private final ObservableList<MemberRow> members = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ActionRow> recommended = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ActionRow> alternatives = FXCollections.observableArrayList();
    private final WizardOpener wizards;
    private final StringBinding nextReason;
    private final BooleanBinding complete;
    private final BooleanBinding healthy;

    /**
     * @param diagnose     one diagnosis of the cluster (blocking: SSH to every host); run in the background
     * @param inventoryArg the inventory as the commands shown should name it
     */
    public DiagnosisModel(TaskExecutor executor, Callable<Diagnosis> diagnose, String inventoryArg) {
        this(executor, diagnose, inventoryArg, WizardOpener.NONE);
    }

    /** @param wizards the wizards the actions' buttons may open */
    public DiagnosisModel(TaskExecutor executor, Callable<Diagnosis> diagnose, String inventoryArg,
                          WizardOpener wizards) {
        this.executor = executor;
        this.wizards = wizards;
        this.diagnose = diagnose;
        this.inventoryArg = inventoryArg;
        this.nextReason = Bindings.createStringBinding(this::reason, diagnosis, running, error);
        this.complete = Bindings.createBooleanBinding(() -> reason().isEmpty(), diagnosis, running, error);
        this.healthy = Bindings.createBooleanBinding(() -> look.get() == VerdictLook.HEALTHY, look);
    }

    /** Diagnoses again, unless a diagnosis is already on its way. */
    public void refresh() {
        if (running.get()) {
            return;
        }
        running.set(true);
        error.set("");
        executor.submit(diagnose, this::show, failure -> {
            running.set(false);
            String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            error.set("The diagnosis failed: " + message + (failure instanceof ActionableError a
                    && !a.hint().isBlank() ? " - " + a.hint() : ""));
        });
    }

    /** Opens the wizard of an action whose kind is {@link ActionRow.Kind#OPEN_WIZARD}. */
    public void open(ActionRow action) {
        wizards.open(action.intent());
    }

    /** Shows a diagnosis; lists change only where their content does. */
    void show(Diagnosis d) {
        running.set(false);
        look.set(VerdictLook.of(d.verdict()));
        // Exactly the CLI's first line: a host name leads the sentence, so it is not capitalised.
        sentence.set(d.sentence() + ".");
        List<String> order = hostOrder(d);
        replace(hosts, order);
        List<MatrixCell> matrix = new ArrayList<>();
        for (String from : order) {
            Map<String, Boolean> row = d.connectivity().get(from);
            for (String to : order) {
                matrix.add(MatrixCell.of(from, to, row == null ? null : row.get(to)));
            }
        }
        replace(cells, matrix);
        replace(members, d.members().stream().map(MemberRow::of).toList());
        List<ActionRow> actions = d.actions().stream().map(a -> ActionRow.of(a, wizards)).toList();
        recommended.set(actions.isEmpty() ? null : actions.get(0));
        replace(alternatives, actions.isEmpty() ? List.of() : actions.subList(1, actions.size()));
        diagnosis.set(d);
    }

    /** The members' hosts in the diagnosis' order, then any other host the connectivity names, sorted. */
    private static List<String> hostOrder(Diagnosis d) {
        List<String> order = new ArrayList<>(d.members().stream().map(MemberDiagnosis::host).toList());
        TreeSet<String> more = new TreeSet<>(d.connectivity().keySet());
        d.connectivity().values().forEach(row -> more.addAll(row.keySet()));
        more.removeAll(order);
        order.addAll(more);
        return order;
    }

    private static <T> void replace(ObservableList<T> list, List<T> now) {
        if (!list.equals(now)) {
            list.setAll(now);
        }
    }

    private String reason() {
        if (running.get() && diagnosis.get() == null) {
            return "Asking every host what it sees...";
        }
        if (!error.get().isEmpty()) {
            return error.get();
        }
        if (diagnosis.get() == null) {
            return "Not diagnosed yet: Refresh.";
        }
        if (running.get()) {
            return "Diagnosing again...";
        }
        if (diagnosis.get().verdict() == Verdict.QUORUM_LOST && diagnosis.get().quorumReturn().isEmpty()) {
            return "Recovery needs quorum (a majority of the members with a leader). Bring the missing members back "
                    + "and Refresh, or if they are gone for good restore from a snapshot: quorum restore -i "
                    + inventoryArg + " --snapshot FILE (see the actions below).";
        }
        if (diagnosis.get().verdict() == Verdict.UNKNOWN) {
            return "Recovery acts only on what the members' own hosts report, and too few could be asked to tell "
                    + "whether the cluster has quorum. Reach them (SSH, network, power) and Refresh.";
        }
        return "";
    }

    public ReadOnlyObjectProperty<Diagnosis> diagnosisProperty() {
        return diagnosis.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<VerdictLook> lookProperty() {
        return look.getReadOnlyProperty();
    }

    /** The verdict in one sentence, as {@code quorum diagnose} prints it first. */
    public ReadOnlyStringProperty sentenceProperty() {
        return sentence.getReadOnlyProperty();
    }

    /** Rows and columns of the matrix, in this order. */
    public ObservableList<String> hosts() {
        return hosts;
    }

    /** The matrix, row by row (row: from, column: to). */
    public ObservableList<MatrixCell> cells() {
        return cells;
    }

    public ObservableList<MemberRow> members() {
        return members;
    }

    public ReadOnlyObjectProperty<ActionRow> recommendedProperty() {
        return recommended.getReadOnlyProperty();
    }

    /** The other actions, in the diagnosis' order, each with its command and risk. */
    public ObservableList<ActionRow> alternatives() {
        return alternatives;
    }

    /** Why Next may not go on; empty when it may. */
    public StringBinding nextReason() {
        return nextReason;
    }

    public BooleanBinding complete() {
        return complete;
    }

    /** Healthy: the recover plan then only confirms. */
    public BooleanBinding healthy() {
        return healthy;
    }
}
