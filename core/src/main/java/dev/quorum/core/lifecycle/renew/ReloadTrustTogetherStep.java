package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.remote.FanOut;
import dev.quorum.core.remote.Outcome;
import dev.quorum.core.remote.RemoteHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replacing an expired CA (decision 0076): every member restarts at once onto the CA files and certificates written
 * before, since etcd reads its trusted CAs only when it starts and a member restarted alone would meet peers that
 * still trust the expired CA alone. Done once every member's etcd has started since its CA files were written and
 * the cluster is healthy, so a re-run restarts nothing.
 */
final class ReloadTrustTogetherStep extends ClusterStep {

    ReloadTrustTogetherStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Restart every member together onto the new CA";
    }

    @Override
    public List<String> preview(String target) {
        List<String> lines = new ArrayList<>(List.of("systemctl restart --no-block " + unit()
                + "   # on every member at once", "etcdctl endpoint health --cluster"));
        apiserverAdvice().ifPresent(advice -> lines.add("# " + advice));
        return lines;
    }

    @Override
    public Check check(StepContext context) throws Exception {
        List<String> notLoaded = notLoaded();
        if (!notLoaded.isEmpty()) {
            return Check.needed(unit() + " on " + String.join(", ", notLoaded)
                    + " has not started since its CA files were written");
        }
        return HealthWait.probe(session).healthy() ? Check.done("every member runs on the new CA files; cluster healthy")
                : Check.needed("every member runs on the new CA files, but the cluster is not healthy yet");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        List<String> hosts = hosts();
        context.info("restarting " + unit() + " on " + String.join(", ", hosts) + " together");
        TogetherRestart.of(session, hosts);
        HealthWait.await(session, context);
        apiserverAdvice().ifPresent(context::warn);
    }

    /** Quorum restarts no Kubernetes component; the operator must, or kube-apiserver keeps the expired CA. */
    private Optional<String> apiserverAdvice() {
        List<String> controlPlanes = session.cluster().inventory().controlPlaneHosts();
        return controlPlanes.isEmpty() ? Optional.empty() : Optional.of("kube-apiserver reads its --etcd-cafile only "
                + "when it starts: once this run ends, restart it on " + String.join(", ", controlPlanes)
                + ", one at a time, so it loads the new ca.pem");
    }

    /** Members whose etcd is stopped or started before its newest CA file; a host that does not answer fails here. */
    private List<String> notLoaded() {
        Map<String, Outcome<Boolean>> loaded = FanOut.forEach(hosts(), hosts().size(), host -> {
            RemoteHost remote = session.remote(host);
            TrustLoaded trust = TrustLoaded.parse(remote.run(TrustLoaded.script(session.settings().layout(),
                    CaFiles.of(session, remote))).requireOk("read when etcd started on " + host).stdout());
            return trust.etcdStarted().isPresent() && !trust.stale();
        });
        loaded.values().forEach(Outcome::valueOrThrow);
        return loaded.entrySet().stream().filter(e -> !e.getValue().value()).map(Map.Entry::getKey).toList();
    }

    private List<String> hosts() {
        return session.members().stream().map(EtcdMember::hostName).toList();
    }

    private String unit() {
        return session.settings().layout().unitName();
    }
}
