package dev.quorum.core.sandbox;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClusterStatus;
import java.time.Duration;
import java.util.List;

/** Waits (bounded) until every member answers with a leader and the cluster serves reads. */
final class WaitHealthyStep implements Step {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final SandboxContext sandbox;

    WaitHealthyStep(SandboxContext sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public String title() {
        return "Wait until the sandbox is healthy";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("etcdctl --endpoints=" + String.join(",", sandbox.layout().members().stream()
                .map(SandboxMember::clientUrl).toList()) + " endpoint health");
    }

    @Override
    public Check check(StepContext context) {
        ClusterStatus status = SandboxProbe.probe(sandbox, PROBE_TIMEOUT);
        return status.healthy() ? Check.done(status.sentence()) : Check.needed(status.sentence());
    }

    @Override
    public void apply(StepContext context) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ClusterStatus status = SandboxProbe.probe(sandbox, PROBE_TIMEOUT);
        while (!status.healthy()) {
            if (System.nanoTime() > deadline) {
                throw new StepFailedException("the sandbox is not healthy after " + WAIT.toSeconds() + " s: "
                        + status.sentence(), "read the members' logs under " + sandbox.layout().root().resolve("members"));
            }
            context.cancellation().sleep(Duration.ofMillis(300));
            status = SandboxProbe.probe(sandbox, PROBE_TIMEOUT);
        }
        context.info(status.sentence());
    }
}
