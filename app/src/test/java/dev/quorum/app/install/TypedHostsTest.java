package dev.quorum.app.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.inventory.NewHost;
import org.junit.jupiter.api.Test;

/** Reasons for typed-in hosts, and the hosts they become. */
class TypedHostsTest {

    @Test
    void eachMistakeHasItsReason() {
        assertThat(TypedHosts.hostsReason("")).startsWith("Type one host a line: NAME ADDRESS");
        assertThat(TypedHosts.hostsReason("node1")).isEqualTo("Line 1: write a name and an address, separated by a space.");
        assertThat(TypedHosts.hostsReason("node1 10.0.0.1\nno/de 10.0.0.2")).startsWith("Line 2: the name no/de");
        assertThat(TypedHosts.hostsReason("a 10.0.0.1\nb 10.0.0.1")).contains("the address 10.0.0.1 is used twice");
        assertThat(TypedHosts.hostsReason("a 10.0.0.1\na 10.0.0.2")).contains("the name a is used twice");
        assertThat(TypedHosts.clusterReason("")).startsWith("Name the cluster");
        assertThat(TypedHosts.clusterReason("Prod!")).startsWith("Use lower-case letters");
        assertThat(TypedHosts.sshReason("", "")).startsWith("Give the SSH user");
        assertThat(TypedHosts.sshReason("root", "/no/such/key")).startsWith("No such key file: /no/such/key");
    }

    @Test
    void validLinesBecomeHosts() {
        TypedHosts typed = new TypedHosts();
        typed.linesProperty().set("node1 10.0.0.11\n\n  node2,10.0.0.12  \n");
        typed.sshUserProperty().set("ops");

        assertThat(typed.hostsReason().get()).isEmpty();
        assertThat(typed.hosts()).extracting(NewHost::name, NewHost::address, NewHost::sshUser)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node1", "10.0.0.11", "ops"),
                        org.assertj.core.groups.Tuple.tuple("node2", "10.0.0.12", "ops"));
    }
}
