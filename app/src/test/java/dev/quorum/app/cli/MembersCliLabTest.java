package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the README promises for member changes, through the real CLI: lab1..lab3 form the
 * cluster, lab4 is a spare host of the inventory outside its etcd group.
 */
@LabHosts(count = 4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MembersCliLabTest {
    static Lab lab;
    @RegisterExtension
    static final CliLabCluster cli = CliLabCluster.installed(3);

    private static List<String> memberNames() throws Exception {
        CliContractTest.Run json = cli.quorum("status", "--json");
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(json.out()).get("members").forEach(m -> names.add(m.get("name").asText()));
        return names;
    }

    /** {@code quorum WORDS...}, which must be refused: what it said on stderr. */
    private static String refusal(String... words) {
        CliContractTest.Run refused = cli.quorum(words);
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(ExitCodes.FAILED);
        return refused.err();
    }

    @Test
    @Order(1)
    void aHostOutsideTheInventoryIsRefusedWithWhatToDo() throws Exception {
        assertThat(refusal("add", "--host", "lab9", "--yes")).startsWith("quorum: lab9 is not in the inventory's hosts")
                .contains("all.hosts");
        assertThat(memberNames()).hasSize(3);
    }

    @Test
    @Order(2)
    void anUnknownMemberIsRefusedListingTheMembers() throws Exception {
        assertThat(refusal("remove", "--member", "etcd9", "--yes")).startsWith("quorum: no member named etcd9")
                .contains("etcd1 on lab1").contains("quorum status");
        assertThat(memberNames()).hasSize(3);
    }

    @Test
    @Order(3)
    void replacingAMemberByItsOwnHostIsRefused() throws Exception {
        assertThat(refusal("replace", "--member", "etcd2", "--with", "lab2", "--yes"))
                .contains("is the host of etcd2 itself").contains("remove it and add");
    }

    @Test
    @Order(4)
    void planShowsTheJoinAndChangesNothing() throws Exception {
        CliContractTest.Run plan = cli.quorum("add", "--host", "lab4", "--plan");

        assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("Plan: add on cluster").contains("learner")
                .contains("plan ready; nothing was changed");
        assertThat(lab.host(3).fileExists("/etc/etcd.env")).isFalse();
        assertThat(memberNames()).hasSize(3);
    }

    @Test
    @Order(5)
    void replacesAMemberBySpareHostAndSaysWhatToUpdate() throws Exception {
        CliContractTest.Run replaced = cli.quorum("replace", "--member", "etcd3", "--with", "lab4", "--yes");

        assertThat(replaced.exit()).as(replaced.out() + replaced.err()).isZero();
        assertThat(replaced.out()).contains("snapshot saved: ").contains("Members now: ")
                .contains("kube-apiserver --etcd-servers=").contains("https://" + lab.host(3).address() + ":2379")
                .doesNotContain("--etcd-servers=https://" + lab.host(2).address())
                .contains("Add lab4 to the etcd group").contains("Remove lab3 from the etcd group")
                .contains("lab1: {etcd_member_name: etcd1}").contains("lab2: {etcd_member_name: etcd2}")
                .containsPattern("lab4: \\{etcd_member_name: etcd\\d\\}").doesNotContain("lab3: {etcd_member_name");
        assertThat(memberNames()).hasSize(3).doesNotContain("etcd3");
        assertThat(lab.host(2).exec("ls -d /var/lib/etcd.removed-*").ok()).as("old data dir moved aside").isTrue();
        JsonNode status = new ObjectMapper().readTree(cli.quorum("status", "--json").out());
        assertThat(status.get("healthy").asBoolean()).isTrue();

        // The inventory is not edited yet: the retired lab3 must not be taken for a member to re-seed.
        JsonNode diagnosis = new ObjectMapper().readTree(cli.quorum("diagnose", "--json").out());
        JsonNode retired = null;
        for (JsonNode member : diagnosis.get("members")) {
            if (member.get("host").asText().equals("lab3")) {
                retired = member;
            }
        }
        assertThat(retired).as(diagnosis.toString()).isNotNull();
        assertThat(retired.get("problems").get(0).get("kind").asText()).as(retired.toString()).isEqualTo("not-a-member");
        assertThat(diagnosis.toString()).doesNotContain("re-seed");
    }

    @Test
    @Order(6)
    void replacingOrRemovingAgainChangesNothing() {
        CliContractTest.Run again = cli.quorum("replace", "--member", "etcd3", "--with", "lab4", "--yes");

        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("done, no changes").contains("etcd3 was no longer a member");

        CliContractTest.Run removeAgain = cli.quorum("remove", "--member", "lab3", "--yes");
        assertThat(removeAgain.exit()).as(removeAgain.out() + removeAgain.err()).isZero();
        assertThat(removeAgain.out()).contains("done, no changes");
    }

    @Test
    @Order(7)
    void aReplacementThatIsAlreadyAMemberIsRefused() throws Exception {
        assertThat(refusal("replace", "--member", "etcd1", "--with", "lab4", "--yes"))
                .contains("lab4 is already member").contains("quorum remove --member etcd1");
        assertThat(memberNames()).hasSize(3).contains("etcd1");
    }

    @Test
    @Order(8)
    void removedHostsCanBeAddedBackSeveralInOneRun() throws Exception {
        CliContractTest.Run removed = cli.quorum("remove", "--member", "lab4", "--yes");
        assertThat(removed.exit()).as(removed.out() + removed.err()).isZero();
        assertThat(memberNames()).hasSize(2);

        CliContractTest.Run added = cli.quorum("add", "--host", "lab3", "--host", "lab4", "--yes");

        assertThat(added.exit()).as(added.out() + added.err()).isZero();
        assertThat(added.out()).contains("== add lab3 ==").contains("== add lab4 ==");
        assertThat(added.out().indexOf("== add lab4 ==")).as("lab4 joins after lab3 has finished")
                .isGreaterThan(added.out().indexOf("Members now: "));
        assertThat(memberNames()).hasSize(4);
        JsonNode status = new ObjectMapper().readTree(cli.quorum("status", "--json").out());
        assertThat(status.get("healthy").asBoolean()).as(status.toString()).isTrue();
    }
}
