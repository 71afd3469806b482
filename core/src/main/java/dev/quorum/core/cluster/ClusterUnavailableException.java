package dev.quorum.core.cluster;

import dev.quorum.core.ActionableException;

/** The cluster did not answer a call that every plan needs (e.g. its member list). */
public final class ClusterUnavailableException extends ActionableException {
    public ClusterUnavailableException(String message, String hint) {
        super(message, hint);
    }
}
