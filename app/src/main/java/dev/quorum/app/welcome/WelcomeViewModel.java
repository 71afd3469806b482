package dev.quorum.app.welcome;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The welcome screen's state: whether something is under way (buttons wait), and what to say. */
public final class WelcomeViewModel {
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public void working(String what) {
        busy.set(true);
        message.set(what);
        error.set("");
    }

    public void done() {
        busy.set(false);
        message.set("");
    }

    public void failed(String what) {
        busy.set(false);
        message.set("");
        error.set(what);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
