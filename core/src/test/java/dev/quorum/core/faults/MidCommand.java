package dev.quorum.core.faults;

import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.RunListener;
import dev.quorum.lab.LabHost;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Catches a remote command in the act, so a fault lands while it runs and not before or after:
 * when a step starts, a binary its command calls is held on the host ({@link HeldExec}); once it is,
 * the test breaks the host (drops SSH, cuts the link) and lets the command go on: whatever it does
 * next, its answer is lost to Quorum.
 */
final class MidCommand {
    private MidCommand() {
    }

    /**
     * A run listener that, when the step whose title starts with {@code stepTitle} starts, holds
     * {@code binary} on {@code host} at its start (see {@link HeldExec}); once the step's command
     * calls it, applies {@code fault} and lets the command go on.
     */
    static Injection during(String stepTitle, LabHost host, String binary, Runnable fault) {
        return new Injection(stepTitle, host, binary, fault);
    }

    /** See {@link #during}; {@link #caught()} says whether the fault really landed mid-command. */
    static final class Injection implements RunListener {
        private static final Duration CATCH_WITHIN = Duration.ofSeconds(30);

        private final String stepTitle;
        private final LabHost host;
        private final String binary;
        private final Runnable fault;
        private final AtomicReference<HeldExec> armed = new AtomicReference<>();
        private final AtomicReference<Thread> injector = new AtomicReference<>();

        private Injection(String stepTitle, LabHost host, String binary, Runnable fault) {
            this.stepTitle = stepTitle;
            this.host = host;
            this.binary = binary;
            this.fault = fault;
        }

        @Override
        public void on(RunEvent event) {
            if (event instanceof RunEvent.StepStarted s && s.title().startsWith(stepTitle) && armed.get() == null) {
                // armed here, on the run's thread, before the step's targets are submitted
                HeldExec command = HeldExec.arm(host, binary);
                armed.set(command);
                Thread thread = new Thread(() -> {
                    try {
                        if (command.awaitCaught(CATCH_WITHIN)) {
                            fault.run();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        command.resume();
                    }
                }, "fault-injector");
                thread.setDaemon(true);
                injector.set(thread);
                thread.start();
            }
        }

        /**
         * Whether the fault landed mid-command; first waits for the injector to have put the binary back, so a
         * re-run right after never meets the holding script.
         */
        boolean caught() throws InterruptedException {
            Thread thread = injector.get();
            if (thread != null) {
                thread.join(CATCH_WITHIN.multipliedBy(2).toMillis());
                if (thread.isAlive()) {
                    throw new AssertionError("the fault injector on " + host.name() + " did not finish");
                }
            }
            return armed.get() != null && armed.get().caught();
        }
    }

    /** Kills the host's SSH sessions (sshd itself keeps listening): every open connection to it drops. */
    static void dropSsh(LabHost host) {
        host.exec("pkill -f 'sshd: .*@' ; true");
    }
}
