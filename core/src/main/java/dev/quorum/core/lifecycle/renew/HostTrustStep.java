package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.cluster.CaRotationStore;
import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.ClusterStatus;
import dev.quorum.core.lifecycle.steps.HealthWait;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.Leadership;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.lifecycle.steps.UnitState;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.remote.RemoteHost;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the rotation's trust into one host's CA files (ETCD_TRUSTED_CA_FILE, ETCD_PEER_TRUSTED_CA_FILE,
 * ETCDCTL_CACERT), old files kept aside, then restarts etcd there (leadership moved away first):
 * etcd 3.4 reads its trusted CAs when it starts. The member must be healthy before the next host.
 * Replacing an expired CA writes the files alone ({@link #filesOnly}): no member could rejoin alone, so
 * {@link ReloadTrustTogetherStep} restarts them all at once later.
 */
final class HostTrustStep extends HostStep {
    private final Trust trust;
    private final boolean restartHere;

    HostTrustStep(LifecycleSession session, Trust trust) {
        this(session, trust, true);
    }

    private HostTrustStep(LifecycleSession session, Trust trust, boolean restartHere) {
        super(session);
        this.trust = trust;
        this.restartHere = restartHere;
    }

    /** The files alone: etcd keeps running on the trust it read until every member restarts together. */
    static HostTrustStep filesOnly(LifecycleSession session, Trust trust) {
        return new HostTrustStep(session, trust, false);
    }

    private CaRotationStore rotation() {
        return session.cluster().pki().rotation();
    }

    @Override
    public String title() {
        if (!restartHere) {
            return trust == Trust.OLD_AND_NEW ? "Write the old and the new CA into the CA files (no restart yet)"
                    : "Write the new CA alone into the CA files (no restart yet)";
        }
        return trust == Trust.OLD_AND_NEW ? "Trust the old and the new CA, restart, wait for health"
                : "Trust the new CA alone, restart, wait for health";
    }

    @Override
    public List<String> preview(String target) {
        String ca = session.settings().certDir() + "/ca.pem";
        String write = (trust == Trust.OLD_AND_NEW ? "cat new-ca.pem old-ca.pem" : "cat new-ca.pem") + " > ca.pem.new"
                + " && cp -p " + ca + " /var/backups/quorum/<time>" + ca + " && install -m 0644 ca.pem.new " + ca;
        if (!restartHere) {
            return List.of(write, "# etcd keeps its running trust: every member restarts together later");
        }
        return List.of(write, "etcdctl move-leader <follower>   # if " + target + " leads", "systemctl restart " + unit(),
                "etcdctl endpoint health   # before the next host");
    }

    /** etcd, or etcd-events for the events cluster's session: it reads the same CA files (decision 0048). */
    private String unit() {
        return session.settings().layout().unitName();
    }

    @Override
    public Check check(StepContext context) throws Exception {
        Optional<X509Certificate> next = rotation().newCa().map(ca -> ca.certificate());
        if (next.isEmpty()) {
            return Check.needed(trust == Trust.OLD_AND_NEW ? "will trust the old and the new CA"
                    : "will trust the new CA alone");
        }
        RemoteHost remote = remote(context);
        Set<String> files = CaFiles.of(session, remote);
        for (String file : files) {
            List<X509Certificate> held = CaFiles.certificates(remote, file);
            if (!holdsWanted(held, next.get())) {
                return Check.needed(file + " holds " + held.size() + " CA certificate(s)"
                        + (held.contains(next.get()) ? " including the new one" : ", not the new one"));
            }
        }
        if (!restartHere) {
            return Check.done(trust == Trust.OLD_AND_NEW ? "the CA files hold the old and the new CA"
                    : "the CA files hold the new CA alone");
        }
        // The files are right; a run cut short between writing them and the restart leaves etcd on the old trust.
        TrustLoaded loaded = TrustLoaded.parse(remote.run(TrustLoaded.script(session.settings().layout(), files)).stdout());
        if (loaded.stale()) {
            return Check.needed("the CA files are right but etcd has run since before they were written "
                    + "(an earlier run stopped before its restart): it still trusts the CAs it read then");
        }
        return Check.done(trust == Trust.OLD_AND_NEW ? "trusts the new CA" : "trusts the new CA alone");
    }

    private boolean holdsWanted(List<X509Certificate> held, X509Certificate next) {
        return trust == Trust.OLD_AND_NEW ? held.contains(next) : held.equals(List.of(next));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        String host = context.target();
        RemoteHost remote = remote(context);
        String next = rotation().newCa().orElseThrow().certificatePem();
        String content = trust == Trust.OLD_AND_NEW ? next + PemCodec.write(rotation().oldCa().orElseThrow()) : next;
        X509Certificate nextCa = rotation().newCa().orElseThrow().certificate();
        for (String file : CaFiles.of(session, remote)) {
            if (holdsWanted(CaFiles.certificates(remote, file), nextCa)) {
                // Written by a run cut short before its restart: rewriting would only move its time on.
                context.info(file + " already holds the wanted CAs; etcd restarts to load them");
                continue;
            }
            ManagedFiles.replace(remote, file, content, "0644")
                    .ifPresent(kept -> context.info("previous " + file + " kept as " + kept));
        }
        if (!restartHere) {
            context.info(unit() + " on " + host + " loads them when every member restarts together");
            return;
        }
        UnitState state = UnitState.ask(remote, unit());
        if (state == UnitState.UNKNOWN) {
            throw new StepFailedException("could not tell whether " + unit() + " runs on " + host + " (systemctl "
                    + "is-active gave no state), so it was not restarted to load the CA files just written",
                    "check " + unit() + " on " + host + " (systemctl status " + unit() + "), then re-run: the re-run "
                            + "restarts it if it has run since before the files were written");
        }
        if (state.startsAfresh()) {
            context.info(unit() + " is " + state.word() + " on " + host + "; it trusts the new file when it starts");
            return;
        }
        // active, or activating: a Type=notify etcd that systemd has not yet seen ready already runs with the CAs it
        // read when it started

        ClusterStatus before = HealthWait.probe(session);
        if (before.leader().map(l -> l.hostName().equals(host)).orElse(false)) {
            Leadership.moveAway(session, context, before, host);
        }
        context.info("restarting " + unit() + " on " + host + " to load its trusted CAs");
        remote.run("systemctl restart " + unit()).requireOk("restart " + unit() + " on " + host);
        MemberHealth.await(session, context, host);
    }
}
