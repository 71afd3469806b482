package dev.quorum.core.faults;

import dev.quorum.lab.LabHost;
import java.time.Duration;

/**
 * Catches a remote command in the act, so a fault lands while it runs and not before or after:
 * a watcher inside the host waits for a process whose command line matches a pattern, freezes
 * it (SIGSTOP) and raises a flag. The test then breaks the host (drops SSH, cuts the link) and
 * lets the command go on ({@link #resume}): whatever it does next, its answer is lost to Quorum.
 *
 * <p>The pattern is read from a file, so the watcher's own command line never matches it.
 */
final class MidCommand {
    private static final String DIR = "/run/quorum-mid-command";

    private final LabHost host;

    private MidCommand(LabHost host) {
        this.host = host;
    }

    /** Starts the watcher (for at most two minutes); the host must be up. */
    static MidCommand arm(LabHost host, String commandPattern) {
        host.exec("rm -rf " + DIR + " && mkdir -p " + DIR).requireOk("prepare the watcher on " + host.name());
        host.writeFile(DIR + "/pattern", commandPattern);
        String watcher = String.join("\n",
                "pat=$(cat " + DIR + "/pattern)",
                "for i in $(seq 12000); do",
                "  pids=$(pgrep -f -- \"$pat\" | tr '\\n' ' ')",
                "  if [ -n \"$pids\" ]; then kill -STOP $pids; echo $pids > " + DIR + "/fired; exit 0; fi",
                "  sleep 0.01",
                "done");
        host.exec("setsid bash -c '" + watcher.replace("'", "'\\''") + "' </dev/null >/dev/null 2>&1 &")
                .requireOk("start the watcher on " + host.name());
        return new MidCommand(host);
    }

    /** Waits until the watcher froze the command; false if it never ran within {@code timeout}. */
    boolean awaitCaught(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (host.fileExists(DIR + "/fired")) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    boolean caught() {
        return host.fileExists(DIR + "/fired");
    }

    /** Lets the frozen command run on (the host need not be reachable: this goes through nsenter). */
    void resume() {
        host.exec("[ -f " + DIR + "/fired ] && kill -CONT $(cat " + DIR + "/fired) 2>/dev/null; true");
    }

    /** Kills the host's SSH sessions (sshd itself keeps listening): every open connection to it drops. */
    static void dropSsh(LabHost host) {
        host.exec("pkill -f 'sshd: .*@' ; true");
    }
}
