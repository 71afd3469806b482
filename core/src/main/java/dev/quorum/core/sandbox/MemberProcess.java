package dev.quorum.core.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One member's etcd process, found again through its pid file. It is started in its own session
 * (setsid) so it outlives the command that started it and a Ctrl-C in that terminal.
 */
final class MemberProcess {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final SandboxLayout layout;
    private final SandboxMember member;

    MemberProcess(SandboxLayout layout, SandboxMember member) {
        this.layout = layout;
        this.member = member;
    }

    /** The running etcd of this member, if its pid file names a live etcd process. */
    Optional<ProcessHandle> running() {
        Path pidFile = layout.pidFile(member);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            // A pid is reused once its process is gone: only a live etcd counts.
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(MemberProcess::isEtcd);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isEtcd(ProcessHandle handle) {
        // Right after start the process may still be setsid, an instant before it execs etcd.
        return handle.info().command().map(c -> c.endsWith("/etcd") || c.equals("etcd") || c.endsWith("/setsid"))
                .orElse(false);
    }

    Process start(Path executable, boolean newCluster) throws IOException {
        Files.createDirectories(layout.dataDir(member).getParent());
        Files.writeString(layout.logFile(member), "--- quorum: starting " + member.memberName() + " at "
                + java.time.Instant.now() + " ---\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(executable.toString());
        command.addAll(MemberFlags.of(layout, member, newCluster));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logFile(member).toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        Files.writeString(layout.pidFile(member), process.pid() + "\n");
        return process;
    }

    /** SIGTERM (etcd closes its database cleanly), then SIGKILL if it has not ended in time. */
    boolean stop(Duration grace) throws InterruptedException {
        Optional<ProcessHandle> handle = running();
        if (handle.isEmpty()) {
            return false;
        }
        handle.get().destroy();
        try {
            handle.get().onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            handle.get().destroyForcibly();
            handle.get().onExit().orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
        }
        try {
            Files.deleteIfExists(layout.pidFile(member));
        } catch (IOException e) {
            // a stale pid file is harmless: running() checks the process itself
        }
        return true;
    }

    /** The end of the member's log, to explain a failed start. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(layout.logFile(member));
            int start = 0;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).startsWith("--- quorum: starting")) {
                    start = i;
                }
            }
            all = all.subList(start, all.size());
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + layout.logFile(member) + ")";
        }
    }
}
