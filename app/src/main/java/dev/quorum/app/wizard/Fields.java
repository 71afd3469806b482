package dev.quorum.app.wizard;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small view helpers every page uses: a field with its reason beside it, a section heading. */
public final class Fields {
    private Fields() {
    }

    /** A label that shows why a field is not valid (hidden while it is), with a warning icon. */
    public static Label reason(String id, ObservableStringValue reason) {
        Label label = said(id, reason);
        label.getStyleClass().addAll("field-reason", Styles.DANGER);
        label.setGraphic(new FontIcon("mdi2a-alert-circle-outline"));
        return label;
    }

    /** A wrapping label showing {@code text}, taking no room while it is empty. */
    public static Label said(String id, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setWrapText(true);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** The field, then its reason beside it. */
    public static HBox withReason(Node field, Label reason) {
        HBox row = new HBox(8, field, reason);
        HBox.setHgrow(field, Priority.SOMETIMES);
        return row;
    }

    public static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    public static Label note(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    public static VBox page(Node... children) {
        VBox box = new VBox(10, children);
        box.setFillWidth(true);
        return box;
    }

    /** Empty text when valid, else the first reason. */
    public static StringBinding firstReason(ObservableStringValue... reasons) {
        return Bindings.createStringBinding(() -> {
            for (ObservableStringValue r : reasons) {
                if (r.get() != null && !r.get().isEmpty()) {
                    return r.get();
                }
            }
            return "";
        }, reasons);
    }
}
