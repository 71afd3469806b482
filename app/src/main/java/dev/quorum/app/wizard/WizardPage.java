package dev.quorum.app.wizard;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** One page of a wizard's input part: a title for the step list, a view, and whether Next may go on. */
public interface WizardPage {

    String title();

    /** Built once, on first show. */
    Node view();

    /** True while the page's inputs are valid; Next is enabled only then. The same instance on every call. */
    ObservableBooleanValue complete();

    /** Called each time the page is shown (going forward or back): e.g. to load what it lists. */
    default void shown() {
    }
}
