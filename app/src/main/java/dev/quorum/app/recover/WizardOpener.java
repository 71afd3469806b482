package dev.quorum.app.recover;

import dev.quorum.core.intent.Intent;

/** Opens the wizard that carries out an intent (replace, remove, add, restore), where the app has one. */
public interface WizardOpener {

    /** Opens nothing: every action other than recover and diagnose is a command to copy. */
    WizardOpener NONE = new WizardOpener() {
        @Override
        public boolean opens(Intent intent) {
            return false;
        }

        @Override
        public void open(Intent intent) {
            throw new IllegalStateException("no wizard for " + intent);
        }
    };

    boolean opens(Intent intent);

    /** Called on the UI thread; must not block it. */
    void open(Intent intent);
}
