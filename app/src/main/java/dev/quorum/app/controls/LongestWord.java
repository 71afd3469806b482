package dev.quorum.app.controls;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.TableColumn;

/**
 * The width of the longest word a column has shown (and its header): what it needs to wrap its cells between words
 * only. Kept in the column's properties, not as its minimum width, so that a table too narrow even for the words can
 * still break them rather than scroll sideways.
 */
final class LongestWord {
    private static final Object KEY = LongestWord.class;

    private LongestWord() {
    }

    static DoubleProperty of(TableColumn<?, ?> column) {
        return (DoubleProperty) column.getProperties().computeIfAbsent(KEY, k -> new SimpleDoubleProperty(0));
    }
}
