package dev.quorum.lab;

/** Outcome of a command run by the lab: exit code and the complete stdout and stderr. */
public record ExecResult(int exitCode, String stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** Returns this result if the exit code is 0, else throws with everything needed to debug. */
    public ExecResult requireOk(String what) {
        if (!ok()) {
            throw new IllegalStateException(what + " failed with exit code " + exitCode
                    + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr);
        }
        return this;
    }
}
