package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import dev.quorum.lab.LabHosts;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code diagnose} and {@code recover} through the real CLI on three lab hosts. */
@LabHosts(count = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecoveryCliLabTest {
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.installed(3);

    private static JsonNode diagnoseJson() throws Exception {
        return new ObjectMapper().readTree(cli.quorum("diagnose", "--json").out());
    }

    private static JsonNode awaitVerdict(String verdict) throws Exception {
        JsonNode last = diagnoseJson();
        for (int i = 0; i < 60 && !last.get("verdict").asText().equals(verdict); i++) {
            Thread.sleep(500);
            last = diagnoseJson();
        }
        assertThat(last.get("verdict").asText()).as(last.toPrettyString()).isEqualTo(verdict);
        return last;
    }

    private static int followerIndex(JsonNode healthy) {
        JsonNode members = healthy.get("members");
        for (int i = members.size() - 1; i >= 0; i--) {
            if (!members.get(i).get("leader").asBoolean()) {
                return i;
            }
        }
        throw new AssertionError("no follower in " + healthy.toPrettyString());
    }

    private static String othersThan(int index) {
        return IntStream.range(0, 3).filter(i -> i != index).mapToObj(i -> lab.host(i).name())
                .collect(Collectors.joining(" and "));
    }

    @Test
    @Order(1)
    void aHealthyClusterIsDiagnosedAsSuchInJson() throws Exception {
        CliContractTest.Run run = cli.quorum("diagnose", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode d = new ObjectMapper().readTree(run.out());
        assertThat(d.get("verdict").asText()).isEqualTo("healthy");
        assertThat(d.get("members")).hasSize(3);
        for (JsonNode m : d.get("members")) {
            assertThat(m.get("reachable").asBoolean()).isTrue();
            assertThat(m.get("running").asBoolean()).isTrue();
            assertThat(m.get("hasLeader").asBoolean()).isTrue();
            assertThat(m.get("isolated").asBoolean()).isFalse();
            assertThat(m.get("lag").isNumber()).isTrue();
            assertThat(m.get("problems")).isEmpty();
        }
        assertThat(d.get("connectivity").get("lab1").get("lab2").asBoolean()).isTrue();
        assertThat(d.get("actions")).isNotEmpty();
    }

    @Test
    @Order(2)
    void aCutFollowerIsNamedInTheFirstLineAndRecoverConfirmsAfterTheHeal() throws Exception {
        // Cutting the leader would start an election, and a diagnosis taken during it rightly sees no leader
        // on a majority; this test is about a follower, so it cuts one the cluster itself names as such.
        int follower = followerIndex(awaitVerdict("healthy"));
        LabHost cut = lab.host(follower);
        cut.cutPeers();
        try {
            JsonNode d = awaitVerdict("degraded");
            JsonNode member = d.get("members").get(follower);
            assertThat(member.get("isolated").asBoolean()).as(d.toPrettyString()).isTrue();
            assertThat(member.get("problems").get(0).get("kind").asText()).isEqualTo("isolated");

            CliContractTest.Run text = cli.quorum("diagnose");
            assertThat(text.exit()).isEqualTo(ExitCodes.FAILED);
            assertThat(text.out().lines().findFirst().orElseThrow())
                    .as(text.out())
                    .startsWith(cut.name() + " is cut off from " + othersThan(follower))
                    .contains("still has quorum");

            CliContractTest.Run preview = cli.quorum("recover", "--plan");
            assertThat(preview.exit()).as(preview.out() + preview.err()).isIn(ExitCodes.OK, ExitCodes.FAILED);
            assertThat(preview.out()).contains("Wait until every member has rejoined");
        } finally {
            cut.healPeers();
        }
        CliContractTest.Run recover = cli.quorum("recover", "--yes");
        assertThat(recover.exit()).as(recover.out() + recover.err()).isZero();
        assertThat(recover.out()).contains("Now: healthy: all 3 members");
    }

    @Test
    @Order(3)
    void recoverWithoutQuorumRefusesAndNamesRestore() throws Exception {
        lab.host(1).cutPeers();
        lab.host(2).cutPeers();
        try {
            awaitVerdict("quorum-lost");
            CliContractTest.Run refused = cli.quorum("recover", "--yes");
            assertThat(refused.exit()).isEqualTo(ExitCodes.FAILED);
            assertThat(refused.err()).startsWith("quorum: quorum is lost").contains("quorum restore -i");
        } finally {
            lab.host(1).healPeers();
            lab.host(2).healPeers();
        }
        awaitVerdict("healthy");
    }

    @Test
    @Order(4)
    void recoverWithQuorumLostToStoppedEtcdStartsItAndQuorumReturns() throws Exception {
        lab.host(1).exec("systemctl stop etcd").requireOk("stop etcd on lab2");
        lab.host(2).exec("systemctl stop etcd").requireOk("stop etcd on lab3");
        try {
            JsonNode lost = awaitVerdict("quorum-lost");
            assertThat(lost.get("actions").get(0).get("command").asText()).as(lost.toPrettyString())
                    .startsWith("quorum recover -i ");
            CliContractTest.Run recover = cli.quorum("recover", "--yes");
            assertThat(recover.exit()).as(recover.out() + recover.err()).isZero();
            assertThat(recover.out()).contains("Start etcd where it stopped").contains("Now: healthy: all 3 members");
        } finally {
            lab.host(1).exec("systemctl start --no-block etcd");
            lab.host(2).exec("systemctl start --no-block etcd");
        }
    }

    @Test
    @Order(5)
    void aMissingInventoryIsRefusedWithWhatToDo() {
        CliContractTest.Run refused = CliContractTest.run("diagnose", "-i", cli.dir().resolve("nope.yaml").toString());
        assertThat(refused.exit()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).contains("does not exist").contains("-i inventory/");
    }
}
