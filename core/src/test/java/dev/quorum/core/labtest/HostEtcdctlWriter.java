package dev.quorum.core.labtest;

import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.ExecResult;
import dev.quorum.lab.LabHost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for kube-apiserver on a lab host: a bash loop there runs {@code etcdctl put} against every member
 * with the host's own node certificate, one increasing key after another, and logs each answer with its time.
 * Every call reads the certificate files afresh, as a new kube-apiserver connection would. Bounded in count and
 * time; {@link #stop()} ends it early.
 */
public final class HostEtcdctlWriter {
    private static final String LOG = "/tmp/k8s-writer.log";
    private static final String STOP = "/tmp/k8s-writer.stop";
    private static final int MAX_WRITES = 20_000;
    private static final int MAX_SECONDS = 1_500;

    private final LabHost host;

    private HostEtcdctlWriter(LabHost host) {
        this.host = host;
    }

    /** Unpacks etcdctl on {@code host} and starts the loop with its node certificate in {@code certDir}. */
    public static HostEtcdctlWriter start(LabHost host, List<LabHost> members, String certDir) {
        EtcdTarball tarball = EtcdTarball.get();
        host.copyIn(tarball.path(), "/tmp/etcd.tar.gz", "0644");
        host.exec("tar -xzf /tmp/etcd.tar.gz -C /tmp " + tarball.topDirectory() + "/etcdctl").requireOk("unpack");
        String endpoints = String.join(",", members.stream().map(m -> "https://" + m.address() + ":2379").toList());
        String put = "/tmp/" + tarball.topDirectory() + "/etcdctl --dial-timeout=2s --command-timeout=3s"
                + " --endpoints=" + endpoints + " --cacert " + certDir + "/ca.pem --cert " + certDir + "/node-"
                + host.name() + ".pem --key " + certDir + "/node-" + host.name() + "-key.pem put";
        String loop = "rm -f " + STOP + " " + LOG + "; i=0; end=$((SECONDS+" + MAX_SECONDS + ")); "
                + "while [ ! -e " + STOP + " ] && [ $i -lt " + MAX_WRITES + " ] && [ $SECONDS -lt $end ]; do "
                + "i=$((i+1)); k=$(printf 'k8s-writer/%06d' $i); "
                + "if " + put + " $k v$i >/dev/null 2>>/tmp/k8s-writer.err; then r=ok; else r=fail; fi; "
                + "echo \"$r $k $(date +%s%N)\" >> " + LOG + "; sleep 0.2; done; echo end >> " + LOG;
        host.exec("setsid bash -c '" + loop + "' </dev/null >/dev/null 2>&1 &").requireOk("start the writer");
        return new HostEtcdctlWriter(host);
    }

    /** Each answer so far, in order. */
    public List<Answer> answers() {
        ExecResult log = host.exec("cat " + LOG + " 2>/dev/null || true");
        List<Answer> answers = new ArrayList<>();
        for (String line : log.stdout().split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length == 3) {
                answers.add(new Answer(parts[0].equals("ok"), parts[1], Long.parseLong(parts[2])));
            }
        }
        return answers;
    }

    public List<String> acknowledged() {
        return answers().stream().filter(Answer::ok).map(Answer::key).toList();
    }

    /** Ends the loop and waits (bounded) for its last line. */
    public void stop() {
        host.exec("touch " + STOP + "; for i in $(seq 1 100); do tail -n1 " + LOG + " | grep -qx end && exit 0;"
                + " sleep 0.1; done; exit 1", Duration.ofSeconds(30)).requireOk("stop the writer");
    }

    /** The longest time between two acknowledged writes (refused, or not answered, in between). */
    public Duration longestGap() {
        long longest = 0;
        long last = -1;
        for (Answer answer : answers()) {
            if (answer.ok()) {
                longest = last < 0 ? 0 : Math.max(longest, answer.nanos() - last);
                last = answer.nanos();
            }
        }
        return Duration.ofNanos(longest);
    }

    /** The last lines etcdctl printed on errors, for assertion messages. */
    public String errors() {
        return host.exec("tail -n 20 /tmp/k8s-writer.err 2>/dev/null || true").stdout();
    }

    public record Answer(boolean ok, String key, long nanos) {
    }
}
