package dev.quorum.core.engine;

public final class CancelledException extends Exception {
    public CancelledException() {
        super("cancelled");
    }
}
