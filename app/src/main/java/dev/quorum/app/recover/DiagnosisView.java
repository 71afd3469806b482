package dev.quorum.app.recover;

import atlantafx.base.theme.Styles;
import dev.quorum.app.wizard.Fields;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The diagnosis: verdict and sentence, who reaches whom, the members, what to do. Binds to {@link DiagnosisModel}. */
final class DiagnosisView {
    private DiagnosisView() {
    }

    static Node create(DiagnosisModel model, Runnable recover) {
        Label word = new Label();
        word.setId("verdictWord");
        word.getStyleClass().add(Styles.TITLE_3);
        FontIcon icon = new FontIcon(VerdictLook.UNKNOWN.icon());
        icon.setIconSize(28);
        word.setGraphic(icon);
        model.lookProperty().addListener((obs, old, now) -> look(word, icon, now));
        look(word, icon, model.lookProperty().get());
        Label sentence = new Label();
        sentence.setId("verdictSentence");
        sentence.setWrapText(true);
        sentence.getStyleClass().add(Styles.TITLE_4);
        sentence.textProperty().bind(model.sentenceProperty());

        Button refresh = new Button("Refresh", new FontIcon("mdi2r-refresh"));
        refresh.setId("refreshDiagnosis");
        refresh.setTooltip(new Tooltip("Ask every host again what it sees (one SSH command per host)"));
        refresh.disableProperty().bind(model.runningProperty());
        refresh.setOnAction(e -> model.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.runningProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, word, gap, busy, refresh);
        top.setAlignment(Pos.CENTER_LEFT);

        Label healthyNote = Fields.note("Nothing to recover: Next reviews the recover plan, which then only confirms "
                + "that every member is in.");
        healthyNote.setId("healthyNote");
        healthyNote.visibleProperty().bind(model.healthy());
        healthyNote.managedProperty().bind(healthyNote.visibleProperty());

        HBox picture = new HBox(24, ConnectivityMatrix.create(model), ConnectivityRing.create(model));
        return Fields.page(top, sentence, healthyNote, Fields.heading("Who reaches whom (peer port)"),
                Fields.note("Each host's own view, over SSH. Row: from, column: to. yes: a TCP connection to the peer "
                        + "port opened; NO: it did not; ?: not known (that host did not answer)."), picture,
                Fields.heading("What to do"), ActionsView.create(model, recover),
                Fields.heading("Members"), members(model));
    }

    private static void look(Label word, FontIcon icon, VerdictLook look) {
        word.setText(look.word());
        icon.setIconLiteral(look.icon());
        word.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
        if (look != VerdictLook.UNKNOWN) {
            word.getStyleClass().add(look.styleClass());
        }
    }

    private static VBox members(DiagnosisModel model) {
        VBox box = new VBox(4);
        box.setId("diagnosisMembers");
        Runnable fill = () -> box.getChildren().setAll(model.members().stream().map(m -> {
            Label line = new Label(m.line(), new FontIcon(m.problems().isEmpty() ? "mdi2c-check-circle-outline"
                    : "mdi2a-alert-outline"));
            line.setId("member-" + m.host());
            line.setWrapText(true);
            return (Node) line;
        }).toList());
        fill.run();
        model.members().addListener((ListChangeListener<MemberRow>) change -> fill.run());
        return box;
    }
}
