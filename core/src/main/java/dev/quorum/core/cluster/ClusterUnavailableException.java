package dev.quorum.core.cluster;

import dev.quorum.core.ActionableError;

/** The cluster did not answer a call that every plan needs (e.g. its member list). */
public final class ClusterUnavailableException extends RuntimeException implements ActionableError {
    private final String hint;

    public ClusterUnavailableException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    @Override
    public String hint() {
        return hint;
    }
}
