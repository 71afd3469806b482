package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.ActionableException;

/** A backup request refused before anything was changed, with what to do instead. */
public final class BackupException extends ActionableException {
    public BackupException(String message, String hint) {
        super(message, hint);
    }
}
