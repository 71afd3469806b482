package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stands right before the first step of a CA rotation that would cut a Kubernetes host off etcd: members serving
 * certificates from the new CA (a host whose ca.pem holds only the old CA refuses them) and, later, the old CA
 * dropped (members refuse a node certificate from it). A Kubernetes host that was not reached when the plan was
 * made could not be given the bundle nor a new node certificate, so the rotation stops here, naming it, unless
 * the user accepted to cut it off (decision 0033). Changes nothing.
 */
final class UnreachedKubernetesGuardStep implements Step {
    private final Map<String, String> unreached;
    private final Set<String> accepted;
    private final String command;

    /**
     * @param unreached Kubernetes hosts outside the etcd group that did not answer, with the SSH error
     * @param accepted  hosts the user accepts to cut off
     * @param command   the command the user runs, for the message
     */
    UnreachedKubernetesGuardStep(Map<String, String> unreached, Set<String> accepted, String command) {
        this.unreached = new LinkedHashMap<>(unreached);
        this.accepted = Set.copyOf(accepted);
        this.command = command;
    }

    @Override
    public String title() {
        return "Refuse to cut off a Kubernetes host that was not reached (before members serve the new CA)";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("# every Kubernetes host must hold the trust bundle before a member serves the new CA: "
                + (unreached.isEmpty() ? "all were reached" : "NOT reached: " + String.join(", ", unreached.keySet())));
    }

    @Override
    public Check check(StepContext context) throws StepFailedException {
        Map<String, String> blocking = new LinkedHashMap<>(unreached);
        blocking.keySet().removeAll(accepted);
        if (!blocking.isEmpty()) {
            throw new StepFailedException("Kubernetes host(s) not reached, so they still trust only the old CA and "
                    + "hold node certificates from it; going on would cut them off etcd: " + blocking.entrySet()
                    .stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("; ")),
                    "make " + String.join(", ", blocking.keySet()) + " answer over SSH and run " + command
                            + " again (done steps check as done), or accept cutting them off: " + command
                            + " --accept-unreached-kubernetes-hosts " + String.join(",", blocking.keySet()));
        }
        unreached.forEach((host, why) -> context.warn(host + " NOT reached (" + why + ") and accepted: it keeps "
                + "the old CA and its old node certificate, and is cut off etcd once the old CA is dropped; "
                + "when it answers, give it ca.pem and a node certificate: quorum install -i INVENTORY"));
        return Check.done(unreached.isEmpty() ? "every Kubernetes host was reached"
                : "accepted as cut off: " + String.join(", ", unreached.keySet()));
    }

    @Override
    public void apply(StepContext context) {
        // check() decides: it refuses or lets the rotation go on; there is nothing to change.
    }
}
