package dev.quorum.core.remote;

import dev.quorum.core.threads.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * Runs one command line on an SSH channel: feeds stdin, drains stdout and stderr on two
 * threads (so neither can fill up and stall the other), and waits at most {@code limit}.
 */
final class CommandExecution {

    /** Stands for "no exit status": the command was killed by a signal. */
    static final int NO_EXIT_STATUS = -1;

    /** What came back, stdout as bytes because reads of remote files go through here too. */
    record Raw(int exitStatus, byte[] stdout, String stderr, boolean overran) {
    }

    private CommandExecution() {
    }

    /**
     * @param stdin content for the command's stdin, or null; stdin is closed either way so a
     *              command that reads it does not wait forever
     * @param limit a local backstop: past it the channel is closed and {@code overran} is set
     */
    static Raw execute(SSHClient client, String threadName, String commandLine, InputStream stdin,
                       OutputListener listener, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Session session = client.startSession()) {
            Session.Command command = session.exec(commandLine);
            Object listenerLock = new Object();
            LinePump out = new LinePump(command.getInputStream(), OutputKind.STDOUT, listener, listenerLock);
            LinePump err = new LinePump(command.getErrorStream(), OutputKind.STDERR, listener, listenerLock);
            Thread outThread = DaemonThreads.start(out, threadName + "-stdout");
            Thread errThread = DaemonThreads.start(err, threadName + "-stderr");
            IOException stdinFailure = feed(command.getOutputStream(), stdin);
            boolean finished = join(outThread, deadline) && join(errThread, deadline);
            if (!finished) {
                return new Raw(NO_EXIT_STATUS, new byte[0], "", true); // session close ends the pumps
            }
            command.join(Math.max(1, remainingMillis(deadline)), TimeUnit.MILLISECONDS);
            Integer status = command.getExitStatus();
            String stderr = new String(err.bytes(), StandardCharsets.UTF_8);
            if (status == null && command.getExitSignal() != null) {
                stderr += "\n[killed by signal " + command.getExitSignal() + "]";
            }
            int exit = status == null ? NO_EXIT_STATUS : status;
            if (exit == 0 && stdinFailure != null) {
                throw stdinFailure; // the command claims success but did not get all its input
            }
            return new Raw(exit, out.bytes(), stderr, false);
        }
    }

    /** Returns the write failure instead of throwing: the exit status and stderr explain it better. */
    private static IOException feed(OutputStream toCommand, InputStream stdin) {
        try (toCommand) {
            if (stdin != null) {
                stdin.transferTo(toCommand);
                // sshj's close() sends only what the server's window takes at that moment, then EOF, and drops
                // the rest; flush() waits for the window, so a command that reads late still gets every byte
                toCommand.flush();
            }
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private static boolean join(Thread thread, long deadline) throws IOException {
        try {
            thread.join(Math.max(1, remainingMillis(deadline)));
            return !thread.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for a remote command");
        }
    }

    private static long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }
}
