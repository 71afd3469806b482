package dev.quorum.app.wizard;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** An observable list that drops its oldest items beyond a cap, so a chatty run never grows it without end. */
public final class CappedList<T> {
    private final int cap;
    private final ObservableList<T> items = FXCollections.observableArrayList();

    public CappedList(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive: " + cap);
        }
        this.cap = cap;
    }

    public void addAll(List<T> more) {
        if (more.isEmpty()) {
            return;
        }
        List<T> kept = more.size() > cap ? more.subList(more.size() - cap, more.size()) : more;
        int overflow = items.size() + kept.size() - cap;
        if (overflow > 0) {
            items.remove(0, overflow);
        }
        items.addAll(kept);
    }

    public void clear() {
        items.clear();
    }

    public ObservableList<T> items() {
        return items;
    }
}
