package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.cluster.CaRotationStore;
import dev.quorum.core.cluster.ClusterPki;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.lifecycle.steps.ClusterStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.remote.FanOut;
import dev.quorum.core.remote.Outcome;
import dev.quorum.core.remote.RemoteHost;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Before a CA rotation changes anything: every member's CA files must hold the CA this workstation replaces (or,
 * in a rotation resumed, the new one), as the members themselves show. A member trusting another CA (rotated from
 * another workstation, or by hand) would refuse every certificate the rotation issues, and replacing an expired CA
 * restarts every member at once: so any other CA refuses the rotation, and a member whose files cannot be read is
 * unknown, which refuses it too.
 */
final class ReplacedCaGuardStep extends ClusterStep {
    private final List<String> hosts;

    ReplacedCaGuardStep(LifecycleSession session, List<String> hosts) {
        super(session);
        this.hosts = List.copyOf(hosts);
    }

    @Override
    public String title() {
        return "Check every member trusts the CA being replaced";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("openssl x509 -noout -subject -fingerprint -sha256 -in " + session.settings().certDir()
                + "/ca.pem   # on each member: the CA this workstation replaces");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        ClusterPki pki = session.cluster().pki();
        CaRotationStore rotation = pki.rotation();
        X509Certificate replaced = rotation.oldCa().orElseGet(() -> pki.ca().certificate());
        Optional<X509Certificate> next = rotation.newCa().map(CertificateAuthority::certificate);
        Map<String, Outcome<List<String>>> read = FanOut.forEach(hosts, hosts.size(), context.cancellation()::isCancelled,
                host -> foreignFiles(session.remote(host), replaced, next));
        List<String> unknown = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        read.forEach((host, outcome) -> {
            if (!outcome.ok()) {
                unknown.add(host + " (" + outcome.error().getMessage() + ")");
            } else {
                outcome.value().forEach(file -> foreign.add(host + ": " + file));
            }
        });
        String ca = name(replaced);
        if (!unknown.isEmpty()) {
            throw new StepFailedException("could not read the CA files on " + String.join(", ", unknown)
                    + ": a CA rotation changes every member's trust, so it starts only once every member shows it "
                    + "trusts " + ca, "make those hosts answer over SSH, then run rotate-ca again; nothing was changed");
        }
        if (!foreign.isEmpty()) {
            throw new StepFailedException(String.join("; ", foreign) + ": not the CA this workstation replaces ("
                    + ca + "), so the members would refuse certificates issued here",
                    "if another workstation or Kubespray changed this cluster's CA, import that CA first (quorum "
                            + "adopt -i INVENTORY); nothing was changed");
        }
        return Check.done("every member trusts " + ca + (next.isPresent() ? " or the new CA " + name(next.get()) : ""));
    }

    /** The host's CA files that hold neither the replaced CA nor the new one, each with what it holds instead. */
    private List<String> foreignFiles(RemoteHost remote, X509Certificate replaced, Optional<X509Certificate> next)
            throws Exception {
        List<String> foreign = new ArrayList<>();
        for (String file : CaFiles.of(session, remote)) {
            List<X509Certificate> held = CaFiles.certificates(remote, file);
            if (!held.contains(replaced) && next.map(n -> !held.contains(n)).orElse(true)) {
                foreign.add(file + " holds " + (held.isEmpty() ? "no CA certificate"
                        : String.join(" and ", held.stream().map(ReplacedCaGuardStep::name).toList())));
            }
        }
        return foreign;
    }

    private static String name(X509Certificate ca) {
        return ca.getSubjectX500Principal().getName() + ", SHA-256 "
                + CertificateDetails.fingerprint(ca).substring(0, 23) + "...";
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }
}
