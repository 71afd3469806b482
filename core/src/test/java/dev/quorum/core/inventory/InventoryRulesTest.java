package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class InventoryRulesTest {

    private static void keeps(Function<String, Optional<String>> rule, String... values) {
        for (String value : values) {
            assertThat(rule.apply(value)).as("fault of \"%s\"", value).isEmpty();
        }
    }

    private static void breaks(Function<String, Optional<String>> rule, String value, String fault) {
        assertThat(rule.apply(value)).as("fault of \"%s\"", value).hasValueSatisfying(f -> assertThat(f).startsWith(fault));
    }

    @Test
    void hostNamesAreRfc1123() {
        keeps(InventoryRules::hostName, "node1", "etcd-01.example.com", "N1", "a", "1node", "x".repeat(63));
        breaks(InventoryRules::hostName, "node_1", "has the label \"node_1\"");
        breaks(InventoryRules::hostName, "-node", "has the label \"-node\"");
        breaks(InventoryRules::hostName, "node-", "has the label \"node-\"");
        breaks(InventoryRules::hostName, "x".repeat(64), "has the label");
        breaks(InventoryRules::hostName, "a..b", "has an empty label");
        breaks(InventoryRules::hostName, "node1.", "has an empty label");
        breaks(InventoryRules::hostName, "a.".repeat(127) + "ab", "is longer than 253 characters");
        breaks(InventoryRules::hostName, "", "is empty");
        breaks(InventoryRules::hostName, "no de", "contains a space");
        breaks(InventoryRules::hostName, "no\nde", "contains a line break");
        breaks(InventoryRules::hostName, "no\u0007de", "contains a control character (\\u0007)");
        breaks(InventoryRules::hostName, "$(id)", "contains the shell character $");
        assertThat(InventoryRules.hostName("node_1").orElseThrow()).endsWith("a host name must be an RFC 1123 name: "
                + "letters, digits and dashes in labels of at most 63 characters, joined by dots");
    }

    @Test
    void addressesAreIpLiteralsOrHostNames() {
        keeps(InventoryRules::address, "10.0.0.1", "fd00::1", "[fd00::1]", "::1", "etcd1.example.com", "node1");
        breaks(InventoryRules::address, "10.0.0.256", "looks like an IPv4 address but is not one");
        breaks(InventoryRules::address, "10.0.0.1;id", "contains the shell character ;");
        breaks(InventoryRules::address, "`id`", "contains the shell character `");
        breaks(InventoryRules::address, "../x", "has an empty label");
        breaks(InventoryRules::address, "10.0.0.1 ", "contains a space");
        assertThat(InventoryRules.address("a b").orElseThrow())
                .endsWith("an address must be an IP address or an RFC 1123 host name");
    }

    @Test
    void namesAndTokensAreLettersDigitsDotDashUnderscore() {
        for (Function<String, Optional<String>> rule : java.util.List.<Function<String, Optional<String>>>of(
                InventoryRules::memberName, InventoryRules::clusterName, InventoryRules::clusterToken)) {
            keeps(rule, "etcd1", "k8s_etcd", "cluster.local", "Prod-1", "a");
            breaks(rule, "", "is empty");
            breaks(rule, "a,b", "has a character other than letters");
            breaks(rule, "a=b", "has a character other than letters");
            breaks(rule, "_a", "has a character other than letters, digits, dot, dash and underscore, or does not "
                    + "start with a letter or digit");
            breaks(rule, ".hidden", "has a character other than");
            breaks(rule, "a..b", "has two dots in a row");
            breaks(rule, "a".repeat(129), "is longer than 128 characters");
            breaks(rule, "a/b", "has a character other than");
            breaks(rule, "a;b", "contains the shell character ;");
        }
        assertThat(InventoryRules.clusterToken("a b").orElseThrow()).endsWith("a cluster token may only hold letters, "
                + "digits, dot, dash and underscore");
    }

    @Test
    void remotePathsArePlainAndAbsolute() {
        keeps(InventoryRules::remotePath, "/", "/var/lib/etcd", "/srv/etcd-data/", "/opt/bin:x", "/data/etcd_1.d",
                "/a/..b/c", "/a/b..");
        assertThat(InventoryRules.remotePath("var/lib/etcd")).hasValue("is not an absolute path");
        assertThat(InventoryRules.remotePath("~/etcd")).hasValue("is not an absolute path");
        breaks(InventoryRules::remotePath, "/var/../etc", "has a .. segment");
        breaks(InventoryRules::remotePath, "/var/lib/..", "has a .. segment");
        breaks(InventoryRules::remotePath, "/var/lib etcd", "contains a space");
        breaks(InventoryRules::remotePath, "/var/lib\tetcd", "contains a control character (\\t)");
        breaks(InventoryRules::remotePath, "/var/lib/etcd\nETCD_X=1", "contains a line break");
        for (char c : InventoryRules.SHELL_CHARACTERS.toCharArray()) {
            breaks(InventoryRules::remotePath, "/var/lib/etcd" + c, "contains the shell character " + c);
        }
        assertThat(InventoryRules.remotePath("/a b").orElseThrow()).endsWith("a path on the hosts must be absolute, "
                + "with no spaces, quotes, shell characters or .. segments");
    }

    @Test
    void downloadUrlsAreHttpOrHttpsAndPlain() {
        keeps(InventoryRules::httpUrl, "https://github.com/etcd-io/etcd/releases/download/v3.5.16/etcd.tar.gz",
                "http://mirror.local:8080/files/etcd.tar.gz?x=1", "https://[fd00::1]/etcd.tar.gz");
        breaks(InventoryRules::httpUrl, "https://mirror/etcd tar.gz", "contains a space");
        breaks(InventoryRules::httpUrl, "https://mirror/etcd.tar.gz\nX", "contains a line break");
        breaks(InventoryRules::httpUrl, "https://mirror/`id`.tar.gz", "is not a valid URL");
        breaks(InventoryRules::httpUrl, "ftp://mirror/etcd.tar.gz", "is not an http:// or https:// URL");
        breaks(InventoryRules::httpUrl, "https:///etcd.tar.gz", "names no server");
    }

    @Test
    void userNamesArePosixPortable() {
        keeps(InventoryRules::userName, "root", "ubuntu", "ops.team", "svc_etcd-1", "_apt");
        breaks(InventoryRules::userName, "-oProxyCommand=x", "starts with a dash");
        breaks(InventoryRules::userName, "a".repeat(33), "is longer than 32 characters");
        breaks(InventoryRules::userName, "root;id", "contains the shell character ;");
        breaks(InventoryRules::userName, "ro ot", "contains a space");
        breaks(InventoryRules::userName, "user@host", "has a character other than letters, digits, dot, underscore");
    }

    @Test
    void shownMakesControlCharactersVisible() {
        assertThat(InventoryRules.shown("a\nb\tc\rd\u0000e")).isEqualTo("a\\nb\\tc\\rd\\u0000e");
        assertThat(InventoryRules.shown("$(touch /tmp/x)")).isEqualTo("$(touch /tmp/x)");
    }
}
