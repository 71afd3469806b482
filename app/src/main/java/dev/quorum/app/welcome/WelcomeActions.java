package dev.quorum.app.welcome;

import java.nio.file.Path;

/** What the welcome screen's buttons do; the main window implements it. */
public interface WelcomeActions {
    void openInventory(Path inventory);

    void createCluster();

    void openSandbox();
}
