package dev.quorum.core.lifecycle.maintenance;

import dev.quorum.core.ActionableError;

/** A maintenance request refused before anything was changed, with what to do instead. */
public final class MaintenanceException extends RuntimeException implements ActionableError {
    private final String hint;

    public MaintenanceException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
