package dev.quorum.core.sandbox;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.etcd.MemberStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stops every member, followers first and the leader last: stopped all at once, the leader tries
 * to hand leadership to a member that is itself stopping and waits out a request timeout (logged
 * "leadership transfer failed"). SIGTERM, then SIGKILL after a grace period. Data stays.
 */
final class StopMembersStep implements Step {
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final SandboxContext sandbox;

    StopMembersStep(SandboxContext sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public String title() {
        return "Stop etcd members, the leader last (data is kept)";
    }

    @Override
    public List<String> preview(String target) {
        return sandbox.layout().members().stream()
                .map(m -> "kill -TERM $(cat " + sandbox.layout().pidFile(m) + ")").toList();
    }

    private List<SandboxMember> running() {
        return sandbox.layout().members().stream()
                .filter(m -> new MemberProcess(sandbox.layout(), m).running().isPresent()).toList();
    }

    @Override
    public Check check(StepContext context) {
        List<SandboxMember> running = running();
        return running.isEmpty() ? Check.done("no member is running")
                : Check.needed(String.join(", ", running.stream().map(SandboxMember::memberName).toList()) + " running");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        List<SandboxMember> running = running();
        Optional<String> leader = leader();
        List<SandboxMember> followers = new ArrayList<>(running);
        List<SandboxMember> last = new ArrayList<>();
        leader.flatMap(name -> running.stream().filter(m -> m.memberName().equals(name)).findFirst()).ifPresent(l -> {
            followers.remove(l);
            last.add(l);
        });
        stopAll(followers, context);
        stopAll(last, context);
    }

    private Optional<String> leader() {
        try {
            ClusterStatus status = SandboxProbe.probe(sandbox, PROBE_TIMEOUT);
            return status.leader().map(MemberStatus::memberName);
        } catch (RuntimeException e) {
            return Optional.empty(); // no answer: the order does not matter then
        }
    }

    private void stopAll(List<SandboxMember> members, StepContext context) throws Exception {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (SandboxMember member : members) {
            stops.add(CompletableFuture.runAsync(() -> {
                try {
                    new MemberProcess(sandbox.layout(), member).stop(GRACE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).get();
        for (SandboxMember member : members) {
            context.info("stopped " + member.memberName());
        }
    }
}
