package dev.quorum.app.wizard;

import dev.quorum.core.remote.HostKeyScan;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckBox;

/**
 * New host keys a check found, and the user's consent to trust exactly those: ticking the box scans
 * again with them consented; every new finding takes the tick away.
 */
public final class KeyTrust {
    private final ObservableList<HostKeyScan> unknownKeys = FXCollections.observableArrayList();
    private final BooleanProperty trustNewKeys = new SimpleBooleanProperty();

    /** @param recheck scans again, trusting the keys it is given (called on the UI thread) */
    public KeyTrust(Consumer<List<HostKeyScan>> recheck) {
        trustNewKeys.addListener((obs, was, now) -> {
            if (now && !unknownKeys.isEmpty()) {
                recheck.accept(List.copyOf(unknownKeys));
            }
        });
    }

    /** A check's result: these keys are new (none: all known); the consent starts over. */
    public void found(List<HostKeyScan> keys) {
        unknownKeys.setAll(keys);
        trustNewKeys.set(false);
    }

    public ObservableList<HostKeyScan> unknownKeys() {
        return unknownKeys;
    }

    /** The user's consent to trust the new keys listed (and only those). */
    public BooleanProperty trustNewKeysProperty() {
        return trustNewKeys;
    }

    /** The consent box, shown while there are new keys, disabled while a check runs. */
    public CheckBox box(ObservableBooleanValue checking) {
        CheckBox trust = new CheckBox("Trust the new host keys listed above: I checked their fingerprints "
                + "(ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on each host)");
        trust.setId("trustHostKeys");
        trust.selectedProperty().bindBidirectional(trustNewKeys);
        trust.visibleProperty().bind(Bindings.isNotEmpty(unknownKeys));
        trust.managedProperty().bind(trust.visibleProperty());
        trust.disableProperty().bind(checking);
        return trust;
    }
}
