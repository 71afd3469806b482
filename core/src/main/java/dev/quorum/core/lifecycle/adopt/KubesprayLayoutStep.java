package dev.quorum.core.lifecycle.adopt;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.etcd.EnvFile;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.HostStep;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.remote.RemoteHost;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code /etc/etcd.env} and unit Kubespray left on an etcd host and checks they are
 * what the inventory says: member name, peer URL, token, data and certificate files. Every later
 * Quorum command relies on that match; a mismatch names the inventory variable to set. On the events cluster's
 * session it reads {@code /etc/etcd-events.env} and {@code etcd-events.service} instead (decision 0048).
 */
final class KubesprayLayoutStep extends HostStep {

    KubesprayLayoutStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Read " + envFile() + " and check it matches the inventory";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("cat " + envFile() + " " + unitFile() + "   # read only");
    }

    private String envFile() {
        return session.settings().layout().envFile();
    }

    private String unitFile() {
        return session.settings().layout().unitFile();
    }

    @Override
    public Check check(StepContext context) throws Exception {
        RemoteHost remote = remote(context);
        EtcdMember member = member(context);
        boolean events = session.settings().layout() == ClusterLayout.EVENTS;
        String text = ManagedFiles.read(remote, envFile()).orElseThrow(() -> new StepFailedException(
                "no " + envFile() + " on " + context.target() + ": " + (events ? "etcd-events" : "etcd")
                        + " was not set up here as Kubespray's host deployment does",
                events ? "set " + ClusterLayout.EVENTS_ENABLED + ": true only where Kubespray set up the events "
                        + "cluster, or install it with quorum install -i INVENTORY"
                        : "check the etcd group of the inventory, or install with quorum install"));
        EnvFile env = EnvFile.parse(text);
        String dir = session.settings().certDir();
        List<String> wrong = new ArrayList<>();
        expect(env, "ETCD_NAME", member.memberName(), events ? "set etcd_member_name on host " + context.target()
                + " so that it plus -events is VALUE" : "set etcd_member_name: VALUE on host " + context.target(), wrong);
        expect(env, "ETCD_INITIAL_ADVERTISE_PEER_URLS", member.peerUrl(),
                "set access_ip (or ip) of " + context.target() + " to the address in VALUE", wrong);
        expect(env, "ETCD_INITIAL_CLUSTER_TOKEN", session.settings().clusterToken(),
                events ? "Quorum expects Kubespray's " + session.settings().clusterToken() + " for the events cluster"
                        : "set etcd_initial_cluster_token: VALUE", wrong);
        expect(env, "ETCD_DATA_DIR", session.settings().dataDir(), "set " + (events ? ClusterLayout.EVENTS_DATA_DIR
                : "etcd_data_dir") + ": VALUE", wrong);
        expect(env, "ETCD_CERT_FILE", dir + "/member-" + context.target() + ".pem",
                "set etcd_cert_dir to the folder of VALUE, and keep Kubespray's inventory host names (the files "
                        + "are named after them)", wrong);
        String unit = ManagedFiles.read(remote, unitFile()).orElse("");
        if (!unit.contains("EnvironmentFile=" + envFile())) {
            wrong.add(unitFile() + " is missing or does not read " + envFile() + " (is etcd_deployment_type host?)");
        }
        if (!wrong.isEmpty()) {
            throw new StepFailedException(context.target() + " differs from the inventory: " + String.join("; ", wrong),
                    "make the inventory describe the cluster as it is (see each item), then adopt again");
        }
        return Check.done(member.memberName() + " at " + member.peerUrl() + ", token "
                + session.settings().clusterToken() + ", certificates in " + dir);
    }

    private static void expect(EnvFile env, String key, String expected, String hint, List<String> wrong) {
        String actual = env.get(key).orElse("");
        if (!actual.equals(expected)) {
            wrong.add(key + " is " + (actual.isEmpty() ? "missing" : actual) + ", the inventory gives " + expected
                    + (actual.isEmpty() ? "" : " (" + hint.replace("VALUE", actual) + ")"));
        }
    }

    @Override
    public void apply(StepContext context) {
        // Read only: the check either accepts the host or explains the mismatch.
    }
}
