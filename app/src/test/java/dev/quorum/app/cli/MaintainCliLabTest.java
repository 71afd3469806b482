package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * quorum maintain on three lab hosts with a 24 MiB quota: compact (plan, run, re-run), defrag,
 * alarms listed, and a NOSPACE alarm that --disarm refuses until --reclaim has made room.
 */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaintainCliLabTest {
    static final long QUOTA = 24L * 1024 * 1024;
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.installed(3,
            Map.of("etcd_quota_backend_bytes", Long.toString(QUOTA)));

    static CliContractTest.Run maintain(String command, String... args) {
        List<String> all = new ArrayList<>(List.of("maintain", command, "-i", cli.inventory(), "--known-hosts",
                cli.knownHosts()));
        all.addAll(List.of(args));
        return CliContractTest.run(all.toArray(String[]::new));
    }

    static LabHost lab1() {
        return lab.hosts().get(0);
    }

    /** etcdctl on a member through the wrapper Quorum installs (the Kubespray helper). */
    static String etcdctl(String args) {
        return lab1().exec("/usr/local/bin/etcdctl.sh " + args).requireOk("etcdctl " + args).stdout();
    }

    @Test
    @Order(1)
    void compactPreviewsThenCompactsThenFindsNothingToDo() {
        lab1().exec("for i in $(seq 0 299); do /usr/local/bin/etcdctl.sh put cli/key value$i >/dev/null || exit 1; done",
                Duration.ofSeconds(120)).requireOk("300 writes");
        CliContractTest.Run plan = maintain("compact", "--keep-revisions", "10", "--plan");
        assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("etcdctl compact").contains("--physical").contains("snapshot save");

        CliContractTest.Run run = maintain("compact", "--keep-revisions", "10", "--yes");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("MEMBER").contains("RECLAIMABLE").contains("at revision");
        assertThat(lab1().exec("/usr/local/bin/etcdctl.sh get cli/key --rev=2").stderr())
                .contains("required revision has been compacted");
        assertThat(etcdctl("get cli/key --print-value-only").strip()).isEqualTo("value299");

        CliContractTest.Run again = maintain("compact", "--to-revision", "5", "--yes");
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("already compacted");

        CliContractTest.Run future = maintain("compact", "--to-revision", "999999", "--yes");
        assertThat(future.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(future.err()).contains("in the future");
    }

    @Test
    @Order(2)
    void defragGoesFollowersFirstAndTheLeaderLast() {
        CliContractTest.Run run = maintain("defrag", "--min-reclaim", "0", "--yes");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        String out = run.out();
        assertThat(out.indexOf("(a follower)")).isPositive().isLessThan(out.indexOf("(the leader, last)"));
        assertThat(out).contains("db ").contains(" -> ");
    }

    @Test
    @Order(3)
    void nospaceIsListedRefusedWhileFullAndCuredByReclaim() {
        CliContractTest.Run clean = maintain("alarms");
        assertThat(clean.exit()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("24.0 MiB");

        lab1().exec("yes x | head -c 204800 > /tmp/filler").requireOk("filler");
        lab1().exec("for i in $(seq 1 400); do /usr/local/bin/etcdctl.sh put fill/$i < /tmp/filler >/dev/null 2>&1 "
                + "|| break; done; true", Duration.ofSeconds(180)).requireOk("fill");
        // a put refused when applied raises the alarm a moment after its answer: wait for the alarm itself
        lab1().exec("for i in $(seq 1 150); do /usr/local/bin/etcdctl.sh alarm list 2>/dev/null | grep -q NOSPACE "
                + "&& break; sleep 0.2; done; true", Duration.ofSeconds(60)).requireOk("wait for the NOSPACE alarm");
        CliContractTest.Run full = maintain("alarms");
        assertThat(full.exit()).as(full.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(full.out()).contains("NOSPACE").contains("--disarm --reclaim");

        CliContractTest.Run refused = maintain("alarms", "--disarm", "--yes");
        assertThat(refused.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).contains("cannot be disarmed yet").contains("quota");

        etcdctl("del fill/ --prefix");
        CliContractTest.Run cured = maintain("alarms", "--disarm", "--reclaim", "--keep-revisions", "0",
                "--min-reclaim", "1MiB", "--yes");
        assertThat(cured.exit()).as(cured.out() + cured.err()).isZero();
        assertThat(etcdctl("alarm list").strip()).isEmpty();
        etcdctl("put after/nospace works");
        assertThat(maintain("alarms").exit()).isZero();
    }
}
