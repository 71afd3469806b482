package dev.quorum.app.controls;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ConstrainedColumnResizeBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * A constrained resize policy that shares the table's width by content: each column's preferred width is what its
 * content needs ({@link FullTextCell} widens it as text is shown), and {@link ColumnShares} decides the widths. It
 * shares again when the table's width or a column's need changes; a border the user drags moves as with
 * {@link TableView#CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN} until then.
 */
public final class ContentColumnResize extends ConstrainedColumnResizeBase
        implements Callback<TableView.ResizeFeatures, Boolean> {
    /** No column narrower than this, so a header keeps a letter or two and the cut shows. */
    private static final double SMALLEST = 40;

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
        table.getVisibleLeafColumns().forEach(c -> c.prefWidthProperty().addListener(reshare));
        table.getVisibleLeafColumns().addListener((ListChangeListener<TableColumn<?, ?>>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(c -> c.prefWidthProperty().removeListener(reshare));
                change.getAddedSubList().forEach(c -> c.prefWidthProperty().addListener(reshare));
            }
        });
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Boolean call(TableView.ResizeFeatures features) {
        if (features.getColumn() != null) {
            return TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN.call(features);
        }
        double room = features.getContentWidth();
        List<? extends TableColumn<?, ?>> columns = features.getTable().getVisibleLeafColumns();
        if (room <= 0 || columns.isEmpty()) {
            return false;
        }
        List<Double> needs = columns.stream().map(c -> Math.min(c.getPrefWidth(), c.getMaxWidth())).toList();
        List<Double> minimums = columns.stream().map(c -> Math.min(Math.max(c.getMinWidth(), SMALLEST),
                Math.min(c.getPrefWidth(), c.getMaxWidth()))).toList();
        List<Double> widths = ColumnShares.of(needs, minimums, room);
        for (int i = 0; i < columns.size(); i++) {
            features.setColumnWidth((TableColumn) columns.get(i), widths.get(i));
        }
        return true;
    }
}
