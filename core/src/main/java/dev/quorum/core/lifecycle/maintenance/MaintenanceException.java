package dev.quorum.core.lifecycle.maintenance;

import dev.quorum.core.ActionableException;

/** A maintenance request refused before anything was changed, with what to do instead. */
public final class MaintenanceException extends ActionableException {
    public MaintenanceException(String message, String hint) {
        super(message, hint);
    }
}
