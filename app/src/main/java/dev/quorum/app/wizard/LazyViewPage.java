package dev.quorum.app.wizard;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** A page with a fixed title whose nodes are built once, the first time the frame shows it. */
public abstract class LazyViewPage implements WizardPage {
    private final String title;
    private final ObservableBooleanValue complete;
    private Node view;

    /** @param complete true while the page's inputs are valid (held here, so a binding is not collected) */
    protected LazyViewPage(String title, ObservableBooleanValue complete) {
        this.title = title;
        this.complete = complete;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final ObservableBooleanValue complete() {
        return complete;
    }

    @Override
    public final Node view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    /** Builds the page's nodes, bound to its model. Called once, on the UI thread. */
    protected abstract Node build();
}
