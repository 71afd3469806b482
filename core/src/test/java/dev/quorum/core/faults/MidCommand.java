package dev.quorum.core.faults;

import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import dev.quorum.lab.LabHost;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

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

    /**
     * A run listener that, when the step whose title starts with {@code stepTitle} starts, arms a
     * watcher for {@code commandPattern} on {@code host}; once the command is caught it applies
     * {@code fault} and lets the command go on.
     */
    static Injection during(String stepTitle, LabHost host, String commandPattern, Runnable fault) {
        return new Injection(stepTitle, host, commandPattern, fault);
    }

    /** See {@link #during}; {@link #caught()} says whether the fault really landed mid-command. */
    static final class Injection implements RunListener {
        private final String stepTitle;
        private final LabHost host;
        private final String commandPattern;
        private final Runnable fault;
        private final AtomicReference<MidCommand> watcher = new AtomicReference<>();

        private Injection(String stepTitle, LabHost host, String commandPattern, Runnable fault) {
            this.stepTitle = stepTitle;
            this.host = host;
            this.commandPattern = commandPattern;
            this.fault = fault;
        }

        @Override
        public void on(RunEvent event) {
            if (event instanceof RunEvent.StepStarted s && s.title().startsWith(stepTitle) && watcher.get() == null) {
                MidCommand armed = arm(host, commandPattern);
                watcher.set(armed);
                Thread injector = new Thread(() -> {
                    try {
                        if (armed.awaitCaught(Duration.ofSeconds(30))) {
                            fault.run();
                            armed.resume();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "fault-injector");
                injector.setDaemon(true);
                injector.start();
            }
        }

        boolean caught() {
            return watcher.get() != null && watcher.get().caught();
        }
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
