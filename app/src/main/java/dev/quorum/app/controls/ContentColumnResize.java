package dev.quorum.app.controls;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ConstrainedColumnResizeBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * A constrained resize policy that shares the table's width by content: each column's preferred width is what its
 * content needs on one line, its minimum its header and {@link LongestWord} its longest word ({@link FullTextCell}
 * records them as text is shown), and {@link ColumnShares#wrapping} decides the widths (cells wrap where they are
 * narrower). It shares again when the table's width or a column's need changes; a border the user drags moves as
 * with {@link TableView#CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN} until then.
 */
public final class ContentColumnResize extends ConstrainedColumnResizeBase
        implements Callback<TableView.ResizeFeatures, Boolean> {
    /** No column narrower than this, so a header keeps a letter or two. */
    private static final double SMALLEST = 40;
    /** At least as wide as a vertical scroll bar in the app's themes. */
    private static final double SCROLL_BAR = 16;

    private ContentColumnResize() {
    }

    /** Sets the policy on {@code table} and shares again whenever a column's preferred width changes. */
    public static void install(TableView<?> table) {
        ContentColumnResize policy = new ContentColumnResize();
        table.setColumnResizePolicy(policy);
        InvalidationListener reshare = obs -> {
            if (table.getColumnResizePolicy() == policy) {
                policy.call(new TableView.ResizeFeatures<>(table, null, 0.0));
            }
        };
        table.getVisibleLeafColumns().forEach(c -> listen(c, reshare));
        table.getVisibleLeafColumns().addListener((ListChangeListener<TableColumn<?, ?>>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(c -> {
                    c.prefWidthProperty().removeListener(reshare);
                    LongestWord.of(c).removeListener(reshare);
                });
                change.getAddedSubList().forEach(c -> listen(c, reshare));
            }
        });
    }

    private static void listen(TableColumn<?, ?> column, InvalidationListener reshare) {
        column.prefWidthProperty().addListener(reshare);
        LongestWord.of(column).addListener(reshare);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Boolean call(TableView.ResizeFeatures features) {
        if (features.getColumn() != null) {
            return TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN.call(features);
        }
        // The same room whether the rows need a vertical scroll bar or not: wrapped rows that take the bar's width
        // would grow taller, need it, and lose it again, layout after layout.
        TableView<?> table = features.getTable();
        double room = Math.min(features.getContentWidth(),
                table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR);
        List<? extends TableColumn<?, ?>> columns = features.getTable().getVisibleLeafColumns();
        if (room <= 0 || columns.isEmpty()) {
            return false;
        }
        List<Double> needs = columns.stream().map(c -> Math.min(c.getPrefWidth(), c.getMaxWidth())).toList();
        List<Double> least = columns.stream().map(c -> Math.min(Math.max(c.getMinWidth(), SMALLEST),
                Math.min(c.getPrefWidth(), c.getMaxWidth()))).toList();
        List<Double> words = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            words.add(Math.min(Math.max(least.get(i), LongestWord.of(columns.get(i)).get()), needs.get(i)));
        }
        List<Double> widths = ColumnShares.wrapping(needs, words, least, room);
        for (int i = 0; i < columns.size(); i++) {
            features.setColumnWidth((TableColumn) columns.get(i), widths.get(i));
        }
        return true;
    }
}
