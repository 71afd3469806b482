package dev.quorum.app.cluster;

import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/** Setters that fire only on a real change, so a refresh that changes nothing repaints nothing. */
final class Props {
    private Props() {
    }

    static void set(StringProperty property, String value) {
        if (!Objects.equals(property.get(), value)) {
            property.set(value);
        }
    }

    static <T> void set(ObjectProperty<T> property, T value) {
        if (!Objects.equals(property.get(), value)) {
            property.set(value);
        }
    }
}
