package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.ActionableException;

/** An upgrade that cannot be planned (e.g. the inventory's etcd_version is not a version), with what to do. */
public final class UpgradeException extends ActionableException {
    public UpgradeException(String message, String hint) {
        super(message, hint);
    }
}
