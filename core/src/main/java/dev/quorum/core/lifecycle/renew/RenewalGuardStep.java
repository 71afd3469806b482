package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.core.pki.ProblemCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a renewal that would break trust (a host trusting another CA than the workstation's),
 * and chooses how the new certificates reach etcd: one member at a time while the cluster has
 * quorum, all members together when it has none (certificates already expired).
 */
final class RenewalGuardStep extends ClusterStep {
    private final RenewalRun run;
    private final List<String> hosts;

    RenewalGuardStep(RenewalRun run, List<String> hosts) {
        super(run.session());
        this.run = run;
        this.hosts = List.copyOf(hosts);
    }

    @Override
    public String title() {
        return "Check every host trusts the workstation's CA and choose rolling or all-at-once";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("openssl x509 -noout -fingerprint -sha256 -in " + session.settings().certDir()
                + "/ca.pem   # on each host, must be the workstation's CA", "etcdctl endpoint health --cluster");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        List<String> needing = new ArrayList<>();
        for (String host : hosts) {
            List<CertificateRecord> records = run.inspect(host);
            for (CertificateRecord record : records) {
                if (record.role() == CertificateRole.CA && record.has(ProblemCode.WRONG_CA)
                        && (record.fileName().equals("ca.pem") || !record.usedBy().isEmpty())) {
                    throw new StepFailedException(host + ": " + record.path() + " is not the CA in "
                            + session.cluster().pki().directory() + "; certificates issued here would not be trusted",
                            "if Kubespray or another workstation set this cluster up, import its CA first "
                                    + "(quorum adopt -i INVENTORY)");
                }
            }
            if (!run.toRenew(host, records).isEmpty()) {
                needing.add(host);
            }
        }
        ClusterStatus status = HealthWait.probe(session);
        if (status.quorum()) {
            run.decide(RenewalMode.ROLLING);
            return Check.done(status.sentence() + "; members take new certificates one at a time"
                    + (needing.isEmpty() ? "" : " (" + String.join(", ", needing) + ")"));
        }
        if (needing.isEmpty()) {
            throw new StepFailedException("the cluster has no quorum (" + status.sentence()
                    + ") but its certificates are fine: renewing them would not help",
                    "find out why with quorum status and the etcd journal on the hosts");
        }
        run.decide(RenewalMode.ALL_AT_ONCE);
        return Check.done("no quorum (" + status.sentence() + "): new certificates go to "
                + String.join(", ", needing) + ", then the members reconnect, or all restart together");
    }

    @Override
    public void apply(StepContext context) {
        // The check decides everything; a guard changes nothing.
    }
}
