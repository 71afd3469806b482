package dev.quorum.core.sandbox;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import java.time.Duration;
import java.util.List;

/** Stops a member's etcd (SIGTERM, then SIGKILL after a grace period). Its data stays. */
final class StopMemberStep implements Step {
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final SandboxContext sandbox;

    StopMemberStep(SandboxContext sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public String title() {
        return "Stop etcd members (data is kept)";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("kill -TERM $(cat " + sandbox.layout().pidFile(sandbox.layout().requireMember(target)) + ")");
    }

    @Override
    public Check check(StepContext context) {
        SandboxMember member = sandbox.layout().requireMember(context.target());
        return new MemberProcess(sandbox.layout(), member).running()
                .map(p -> Check.needed(member.memberName() + " runs (pid " + p.pid() + ")"))
                .orElseGet(() -> Check.done(member.memberName() + " is not running"));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        SandboxMember member = sandbox.layout().requireMember(context.target());
        new MemberProcess(sandbox.layout(), member).stop(GRACE);
        context.info("stopped " + member.memberName());
    }
}
