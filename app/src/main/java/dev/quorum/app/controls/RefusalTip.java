package dev.quorum.app.controls;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A button whose tooltip says why it is disabled. JavaFX delivers no mouse events to a disabled control, so its own
 * tooltip never shows; the button sits in a pane that shows the same tooltip while the button is disabled.
 */
public final class RefusalTip {
    private RefusalTip() {
    }

    /**
     * Binds {@code button}'s tooltip to {@code text} and its disabled state to {@code disabled}, and returns the pane
     * to lay out in its place.
     */
    public static StackPane wrap(Button button, ObservableStringValue text, ObservableBooleanValue disabled) {
        Tooltip tip = button.getTooltip() == null ? new Tooltip() : button.getTooltip();
        tip.textProperty().bind(text);
        button.setTooltip(tip);
        button.disableProperty().bind(disabled);
        StackPane pane = new StackPane(button);
        pane.setId(button.getId() == null ? null : button.getId() + "-pane");
        pane.setMaxSize(StackPane.USE_PREF_SIZE, StackPane.USE_PREF_SIZE);
        button.disabledProperty().addListener((obs, was, now) -> showOnPane(pane, tip, now));
        showOnPane(pane, tip, button.isDisabled());
        return pane;
    }

    private static void showOnPane(StackPane pane, Tooltip tip, boolean buttonDisabled) {
        if (buttonDisabled) {
            Tooltip.install(pane, tip);
        } else {
            Tooltip.uninstall(pane, tip);
        }
    }
}
