package dev.quorum.app.controls;

import java.util.Objects;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Callback;

/**
 * A table cell whose text is never lost: it widens its column's preferred width to the widest text it has shown
 * (and the header's), records the header's width as the column's minimum and its longest word ({@link LongestWord}),
 * so {@link ContentColumnResize} shares the table's width by content; where the column is narrower than the text,
 * the text wraps onto more lines and the row grows. Where a row cannot grow (a fixed cell size) and the text ends in
 * "...", the tooltip holds the whole text. Widths only grow, so a value that changes every second (a raft index)
 * does not make the columns jump.
 */
public class FullTextCell<S> extends TableCell<S, String> {
    /** Room for the header's sort arrow, as JavaFX's own "fit to content" allows. */
    private static final double SORT_ARROW = 10;

    private final Function<S, String> detail;
    /** Made when first needed: most cells never need one, and a tooltip is a popup window's worth of objects. */
    private Tooltip tooltip;
    /** What {@link #widenColumn} last measured, so a layout that changes neither measures nothing. */
    private String measuredText;
    private Font measuredFont;
    private TableColumn<S, String> measuredColumn;

    /** @param detail what the tooltip shows whatever the width (e.g. a file's full path); empty: only the cut text */
    public FullTextCell(Function<S, String> detail) {
        this.detail = detail;
        setWrapText(true);
    }

    public FullTextCell() {
        this(row -> "");
    }

    /** For {@code column.setCellFactory}. */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> factory() {
        return column -> new FullTextCell<>();
    }

    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> factory(Function<S, String> detail) {
        return column -> new FullTextCell<>(detail);
    }

    @Override
    protected void updateItem(String text, boolean empty) {
        super.updateItem(text, empty);
        setText(empty ? null : text);
        // Now too, not only in layout: another row with the same text (no new layout) may have another detail.
        showTip();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // Only now is the cell styled (font, padding) and its text node cut to the column's width.
        widenColumn();
        showTip();
    }

    /**
     * A row asks its cells' height for no width (-1); a wrapping cell answers for its column's width, so a row whose
     * text takes two lines is two lines high (the label's skin takes its padding off that width itself).
     */
    @Override
    protected double computePrefHeight(double width) {
        TableColumn<S, String> column = getTableColumn();
        if (width >= 0 || column == null) {
            return super.computePrefHeight(width);
        }
        return super.computePrefHeight(column.getWidth());
    }

    private void showTip() {
        String tip = tipText();
        if (tip.isEmpty()) {
            if (getTooltip() != null) {
                setTooltip(null);
            }
            return;
        }
        if (tooltip == null) {
            tooltip = new Tooltip();
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(640);
        }
        tooltip.setText(tip);
        if (getTooltip() != tooltip) {
            setTooltip(tooltip);
        }
    }

    /** The row's detail if it has one, else the whole text while the cell shows less of it. */
    private String tipText() {
        S row = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
        String fixed = row == null ? "" : detail.apply(row);
        if (fixed != null && !fixed.isEmpty()) {
            return fixed;
        }
        String text = getText();
        return text == null || text.isEmpty() || text.equals(shownText()) ? "" : text;
    }

    /** What the skin draws: the text, or its start and "..." when the column is too narrow. */
    public String shownText() {
        for (Node child : getChildrenUnmodifiable()) {
            if (child instanceof Text drawn && child != getGraphic()) { // a FontIcon graphic is a Text too
                return drawn.getText();
            }
        }
        return getText() == null ? "" : getText();
    }

    private void widenColumn() {
        TableColumn<S, String> column = getTableColumn();
        if (column == null || (column == measuredColumn && getFont().equals(measuredFont)
                && Objects.equals(getText(), measuredText))) {
            return;
        }
        measuredColumn = column;
        measuredFont = getFont();
        measuredText = getText();
        double padding = snappedLeftInset() + snappedRightInset();
        Font bold = Font.font(getFont().getFamily(), FontWeight.BOLD, getFont().getSize());
        double header = width(column.getText(), bold) + padding + SORT_ARROW;
        double graphic = getGraphic() == null ? 0 : getGraphic().prefWidth(-1) + getGraphicTextGap();
        double content = getText() == null || getText().isEmpty() ? 0 : width(getText(), getFont()) + padding + graphic;
        double needed = Math.min(Math.ceil(Math.max(header, content)) + 2, column.getMaxWidth());
        double word = getText() == null ? 0 : longestWord(getText(), getFont()) + padding + graphic;
        double least = Math.min(Math.ceil(Math.max(header, word)) + 2, needed);
        double title = Math.min(Math.ceil(header) + 2, needed);
        if (title > column.getMinWidth()) {
            column.setMinWidth(title); // a header does not wrap
        }
        if (least > LongestWord.of(column).get()) {
            LongestWord.of(column).set(least);
        }
        if (needed > column.getPrefWidth()) {
            column.setPrefWidth(needed);
        }
    }

    /** The widest run without a space: a wrapped line breaks only between words. */
    private static double longestWord(String text, Font font) {
        double widest = 0;
        for (String word : text.split("\\s+")) {
            widest = Math.max(widest, width(word, font));
        }
        return widest;
    }

    private static double width(String text, Font font) {
        Text measure = new Text(text == null ? "" : text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }
}
