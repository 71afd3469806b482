package dev.quorum.core.sandbox;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Starts a member's etcd unless it already runs; verified by its client port accepting connections. */
final class StartMemberStep implements Step {
    private static final Duration PORT_WAIT = Duration.ofSeconds(20);

    private final SandboxContext sandbox;

    StartMemberStep(SandboxContext sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public String title() {
        return "Start etcd members";
    }

    @Override
    public List<String> preview(String target) {
        SandboxMember member = sandbox.layout().requireMember(target);
        return List.of("setsid " + sandbox.executable() + " " + String.join(" ",
                MemberFlags.of(sandbox.layout(), member, true)) + " >>" + sandbox.layout().logFile(member) + " 2>&1 &");
    }

    @Override
    public Check check(StepContext context) {
        SandboxMember member = sandbox.layout().requireMember(context.target());
        Optional<ProcessHandle> running = new MemberProcess(sandbox.layout(), member).running();
        return running.map(p -> Check.done(member.memberName() + " runs (pid " + p.pid() + ")"))
                .orElseGet(() -> Check.needed(member.memberName() + " is not running"));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        SandboxMember member = sandbox.layout().requireMember(context.target());
        MemberProcess process = new MemberProcess(sandbox.layout(), member);
        boolean newMember = !Files.isDirectory(sandbox.layout().dataDir(member).resolve("member"));
        Process started = process.start(sandbox.executable(), newMember);
        long pid = started.pid();
        context.info("started " + member.memberName() + " on " + member.address() + " (pid " + pid + ", "
                + (newMember ? "new data dir" : "existing data") + "), log: " + sandbox.layout().logFile(member));
        long deadline = System.nanoTime() + PORT_WAIT.toNanos();
        while (!listening(member)) {
            if (!started.isAlive()) {
                throw new StepFailedException(member.memberName() + " exited right after starting:\n"
                        + process.logTail(8), "read " + sandbox.layout().logFile(member)
                        + "; is something else listening on " + member.address() + ":2379 or :2380?");
            }
            if (System.nanoTime() > deadline) {
                throw new StepFailedException(member.memberName() + " runs but does not listen on "
                        + member.clientUrl() + " after " + PORT_WAIT.toSeconds() + " s",
                        "read " + sandbox.layout().logFile(member));
            }
            context.cancellation().sleep(Duration.ofMillis(100));
        }
    }

    static boolean listening(SandboxMember member) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(member.address(), dev.quorum.core.inventory.EtcdMember.CLIENT_PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
