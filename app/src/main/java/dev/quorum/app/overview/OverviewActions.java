package dev.quorum.app.overview;

import java.nio.file.Path;

/** What a card does when clicked: open its cluster as the welcome screen's "Open an inventory..." does. */
@FunctionalInterface
public interface OverviewActions {
    void openInventory(Path inventory);
}
