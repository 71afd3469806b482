package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.ActionableError;

/** An upgrade that cannot be planned (e.g. the inventory's etcd_version is not a version), with what to do. */
public final class UpgradeException extends RuntimeException implements ActionableError {
    private final String hint;

    public UpgradeException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
