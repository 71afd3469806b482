package dev.quorum.app.wizard;

import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/** A row of the run page's step x host table; cells keyed by host (or "cluster"). UI thread only. */
public final class StepProgress {
    private final String title;
    private final ObservableMap<String, Cell> cells = FXCollections.observableHashMap();

    StepProgress(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public ObservableMap<String, Cell> cells() {
        return cells;
    }

    public Cell cell(String host) {
        return cells.get(host);
    }
}
