package dev.quorum.app.cli;

final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
