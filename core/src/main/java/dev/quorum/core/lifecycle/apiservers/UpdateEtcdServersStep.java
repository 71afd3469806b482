package dev.quorum.core.lifecycle.apiservers;

import dev.quorum.core.engine.CancelledException;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * On one control plane: kube-apiserver's {@code --etcd-servers} set to the request's list. Checks the manifest;
 * copies it aside (outside manifests/), rewrites only the flag's value, then waits (bounded) until a kube-apiserver
 * process runs with the new list and its {@code /livez/etcd} answers 200. If it does not, the old manifest is put
 * back and the step fails, so the plan stops before the next control plane.
 */
final class UpdateEtcdServersStep implements Step {
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ControlPlaneAccess access;
    private final ApiserverRequest request;
    private final String rerun;

    UpdateEtcdServersStep(ControlPlaneAccess access, ApiserverRequest request, String rerun) {
        this.access = access;
        this.request = request;
        this.rerun = rerun;
    }

    @Override
    public String title() {
        return "Update kube-apiserver " + flagName() + " (one control plane at a time)";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("cp " + ApiserverFiles.MANIFEST + " " + ApiserverFiles.BACKUP_DIR + "/kube-apiserver.yaml.TIME",
                "# in " + ApiserverFiles.MANIFEST + ", only this line changes:",
                "    - " + request.flagText(),
                "# wait up to " + request.healthTimeout().toSeconds() + " s until kube-apiserver runs with it and "
                        + "curl -k https://127.0.0.1:6443/livez/etcd answers 200; else put the copy back and stop");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        RemoteHost remote = access.remote(context.target());
        String manifest = read(remote).orElse(null);
        if (manifest == null) {
            return Check.done("no kube-apiserver manifest any more, nothing to update");
        }
        String current = value(context.target(), manifest);
        return request.satisfiedBy(current)
                ? Check.done(flagName() + " already lists these " + request.etcdServers().size() + " members")
                : Check.needed(flagName() + "=" + current + " -> " + request.replacing(current));
    }

    @Override
    public void apply(StepContext context) throws Exception {
        String host = context.target();
        RemoteHost remote = access.remote(host);
        byte[] original = remote.read(ApiserverFiles.MANIFEST).orElseThrow(() -> new StepFailedException(
                ApiserverFiles.MANIFEST + " vanished on " + host + " while the step ran", "run " + rerun + " again"));
        String manifest = new String(original, StandardCharsets.UTF_8);
        String wanted = request.replacing(value(host, manifest));
        int port = EtcdServersFlag.securePort(manifest);
        requireCheckable(remote, host, port);
        String mode = mode(remote);
        String backup = ApiserverFiles.BACKUP_DIR + "/kube-apiserver.yaml." + STAMP.format(Instant.now());
        remote.write(original, backup, "0600");
        context.info("copied " + ApiserverFiles.MANIFEST + " to " + backup);
        remote.write(EtcdServersFlag.replace(manifest, request.flag(), wanted).getBytes(StandardCharsets.UTF_8),
                ApiserverFiles.MANIFEST, mode);
        context.info(flagName() + "=" + wanted + " written; waiting for kubelet to restart kube-apiserver");
        String last;
        try {
            last = awaitHealthy(remote, port, wanted, context);
        } catch (CancelledException e) {
            remote.write(original, ApiserverFiles.MANIFEST, mode);
            context.warn("cancelled before kube-apiserver came back: the old manifest was put back from " + backup);
            throw e;
        } catch (RuntimeException e) {
            throw lostDuringWait(remote, host, original, mode, backup, e);
        }
        if (last != null) {
            remote.write(original, ApiserverFiles.MANIFEST, mode);
            throw new StepFailedException("kube-apiserver on " + host + " did not come back healthy with the new "
                    + flagName() + " within " + request.healthTimeout().toSeconds() + " s (" + last + "); the old "
                    + "manifest was put back from " + backup + " and no further control plane was changed",
                    "check from " + host + " that every listed member answers (etcdctl with node-" + host + ".pem), "
                            + "read kube-apiserver's log there (crictl ps -a; crictl logs ID), then run " + rerun);
        }
        context.info("kube-apiserver on " + host + " runs with the new " + flagName() + " and /livez/etcd answers 200");
    }

    /** Null once healthy with the new list; else the last thing seen when the wait ran out. */
    private String awaitHealthy(RemoteHost remote, int port, String wanted, StepContext context)
            throws CancelledException {
        Instant deadline = Instant.now().plus(request.healthTimeout());
        String last = "not looked yet";
        while (Instant.now().isBefore(deadline)) {
            ApiserverProbe probe = ApiserverProbe.look(remote, port, request.flag());
            if (probe.servesWith(wanted)) {
                return null;
            }
            last = probe.describe(wanted, request.flag());
            context.cancellation().sleep(POLL);
        }
        return last;
    }

    /** The host stopped answering during the wait: unknown, so the old manifest goes back if it still can. */
    private StepFailedException lostDuringWait(RemoteHost remote, String host, byte[] original, String mode,
                                               String backup, RuntimeException cause) {
        String undo;
        try {
            remote.write(original, ApiserverFiles.MANIFEST, mode);
            undo = "the old manifest was put back from " + backup;
        } catch (RuntimeException again) {
            undo = "the old manifest could NOT be put back: copy " + backup + " to " + ApiserverFiles.MANIFEST
                    + " on " + host + " by hand if kube-apiserver there does not serve";
        }
        return new StepFailedException("lost contact with " + host + " while waiting for kube-apiserver ("
                + cause.getMessage() + "); " + undo, "once " + host + " answers over SSH, run " + rerun, cause);
    }

    /** Before any change: the health check must be possible, or the change could not be verified. */
    private void requireCheckable(RemoteHost remote, String host, int port) throws StepFailedException {
        if (!remote.run("command -v curl >/dev/null").ok()) {
            throw new StepFailedException("curl is not installed on " + host + ", so Quorum cannot check "
                    + "kube-apiserver's etcd health there; nothing was changed", "install curl on " + host
                    + " and run " + rerun + ", or set " + request.flagText() + " there by hand");
        }
        ApiserverProbe before = ApiserverProbe.look(remote, port, request.flag());
        if (before.refusesAnonymous()) {
            throw new StepFailedException("kube-apiserver on " + host + " refuses anonymous /livez/etcd (HTTP "
                    + before.livezStatus() + "), so Quorum cannot check it after a change; nothing was changed",
                    "set " + request.flagText() + " in " + ApiserverFiles.MANIFEST + " on " + host
                            + " by hand and check kubectl get --raw /livez/etcd");
        }
    }

    private static String mode(RemoteHost remote) {
        String mode = remote.run("stat -c %a " + Shell.quote(ApiserverFiles.MANIFEST)).requireOk("read the manifest's mode")
                .stdout().trim();
        return mode.matches("[0-7]{3,4}") ? (mode.length() == 3 ? "0" + mode : mode) : "0600";
    }

    private static java.util.Optional<String> read(RemoteHost remote) {
        return remote.read(ApiserverFiles.MANIFEST).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private String value(String host, String manifest) throws StepFailedException {
        EtcdServersFlag.Reading reading = EtcdServersFlag.read(manifest, request.flag());
        if (reading.value().isEmpty()) {
            throw new StepFailedException(host + ": " + reading.problem() + "; Quorum edits only that one line",
                    "set " + request.flagText() + " in " + ApiserverFiles.MANIFEST + " on " + host
                            + " by hand");
        }
        return reading.value().get();
    }

    private String flagName() {
        return request.flag().flagName();
    }
}
