package dev.quorum.app.wizard;

import javafx.scene.Node;

/** A page whose nodes are built once, the first time the frame shows it. */
public abstract class LazyViewPage implements WizardPage {
    private Node view;

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
