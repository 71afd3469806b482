package dev.quorum.core.inventory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jump host Quorum cannot honour safely is refused when the inventory is read, saying what to write. */
class JumpHostRefusalTest {
    private static final String ORIGIN = "inventory hosts.yaml: ansible_ssh_common_args (set in all.vars in hosts.yaml) ";

    @TempDir
    Path dir;

    private void assertRefused(String args, String message) {
        Path file = TestInventories.write(dir, "hosts.yaml",
                TestInventories.threeEtcdHosts("ansible_ssh_common_args: '" + args.replace("'", "''") + "'"));
        assertThatThrownBy(() -> TestInventories.reader().read(file))
                .isInstanceOf(InventoryException.class)
                .hasMessage(message);
    }

    private void assertRefusedIni(String ini, String message) {
        Path file = TestInventories.write(dir, "inventory.ini", ini);
        assertThatThrownBy(() -> TestInventories.reader().read(file))
                .isInstanceOf(InventoryException.class)
                .hasMessage(message);
    }

    @Test
    void chainedJumps() {
        assertRefused("-J ops@a.example.com,ops@b.example.com", ORIGIN + "of host node1 has the jump host "
                + "\"ops@a.example.com,ops@b.example.com\", which chains several jump hosts; Quorum goes through one "
                + "bastion (reach the others from it or give the last one). Write one bastion as -J USER@HOST:PORT, "
                + "for example -J ops@203.0.113.5:22.");
    }

    @Test
    void shellCharacterInAJumpSpec() {
        assertRefused("-o ProxyJump=ops@$(reboot)", ORIGIN + "of host node1 has the jump host \"ops@$(reboot)\", "
                + "which has the host \"$(reboot)\", which contains the shell character $; an address must be an IP "
                + "address or an RFC 1123 host name. Write one bastion as -J USER@HOST:PORT, for example "
                + "-J ops@203.0.113.5:22.");
    }

    @Test
    void jumpPortOutOfRange() {
        assertRefused("-J ops@bastion:70000", ORIGIN + "of host node1 has the jump host \"ops@bastion:70000\", which "
                + "has the port 70000, which is not a TCP port (1 to 65535). Write one bastion as -J USER@HOST:PORT, "
                + "for example -J ops@203.0.113.5:22.");
    }

    @Test
    void proxyCommandRunningAnotherProgram() {
        assertRefused("-o ProxyCommand=\"nc -X connect -x proxy:3128 %h %p\"", ORIGIN + "of host node1 has the "
                + "ProxyCommand \"nc -X connect -x proxy:3128 %h %p\", which runs nc, not ssh. "
                + ProxyCommands.INSTEAD + ".");
    }

    @Test
    void proxyCommandWithAPipe() {
        assertRefused("-o ProxyCommand=\"ssh -W %h:%p ops@bastion | tee /tmp/x\"", ORIGIN + "of host node1 has "
                + "the ProxyCommand \"ssh -W %h:%p ops@bastion | tee /tmp/x\", which contains the shell character |. "
                + ProxyCommands.INSTEAD + ".");
    }

    @Test
    void proxyCommandChainingASecondJump() {
        assertRefused("-o ProxyCommand=\"ssh -J ops@outer -W %h:%p ops@inner\"", ORIGIN + "of host node1 has the "
                + "ProxyCommand \"ssh -J ops@outer -W %h:%p ops@inner\", which uses the ssh option -J, which Quorum "
                + "cannot honour for a bastion. " + ProxyCommands.INSTEAD + ".");
    }

    @Test
    void proxyCommandWithoutForwarding() {
        assertRefused("-o ProxyCommand=\"ssh ops@bastion nc %h %p\"", ORIGIN + "of host node1 has the ProxyCommand "
                + "\"ssh ops@bastion nc %h %p\", which has more than one destination (ops@bastion, nc); after the "
                + "bastion it would run a command there. " + ProxyCommands.INSTEAD + ".");
    }

    @Test
    void proxyCommandForwardingToAFixedHost() {
        assertRefused("-o ProxyCommand=\"ssh -W 10.0.0.9:22 ops@bastion\"", ORIGIN + "of host node1 has the "
                + "ProxyCommand \"ssh -W 10.0.0.9:22 ops@bastion\", which forwards to 10.0.0.9:22 instead of %h:%p, "
                + "the host being reached. " + ProxyCommands.INSTEAD + ".");
    }

    @Test
    void proxyCommandSettingAnOptionThatChangesTheRoute() {
        assertRefused("-o ProxyCommand=\"ssh -o ProxyJump=outer -W %h:%p ops@bastion\"", ORIGIN + "of host node1 "
                + "has the ProxyCommand \"ssh -o ProxyJump=outer -W %h:%p ops@bastion\", which sets the ssh option "
                + "ProxyJump, which Quorum cannot honour for a bastion. " + ProxyCommands.INSTEAD + ".");
    }

    @Test
    void proxyCommandReadingAConfigFile() {
        assertRefused("-o ProxyCommand=\"ssh -F ~/.ssh/config -W %h:%p bastion\"", ORIGIN + "of host node1 has the "
                + "ProxyCommand \"ssh -F ~/.ssh/config -W %h:%p bastion\", which reads the ssh config file "
                + "~/.ssh/config, which Quorum does not read. " + ProxyCommands.INSTEAD + ".");
    }

    @Test
    void twoJumpDeclarations() {
        assertRefused("-J ops@a -o ProxyJump=ops@b", ORIGIN + "of host node1 declares the jump host 2 times. "
                + "Keep one: -J USER@HOST:PORT, -o ProxyJump=USER@HOST:PORT or one ssh -W %h:%p ProxyCommand.");
    }

    @Test
    void unclosedQuote() {
        assertRefused("-o ProxyCommand=\"ssh -W %h:%p bastion", ORIGIN + "of host node1 cannot be split into words: "
                + "it opens a quote (\") that is never closed. Quote the value as ssh expects, for example "
                + "-o ProxyCommand=\"ssh -W %h:%p -q ops@bastion\".");
    }

    @Test
    void bastionGroupWithoutAHostNamedBastion() {
        assertRefusedIni("[bastion]\njump1 ansible_host=203.0.113.5\n[etcd]\nnode1 ip=10.0.0.1\n",
                "inventory inventory.ini: the bastion group lists jump1, but Kubespray only uses a host named "
                        + "bastion. Name the host bastion (bastion ansible_host=ADDRESS ansible_user=USER in INI), or "
                        + "declare the jump in ansible_ssh_common_args as -J USER@HOST:PORT.");
    }

    @Test
    void bastionInTheEtcdGroup() {
        assertRefusedIni("[bastion]\nbastion ansible_host=203.0.113.5\n[etcd]\nbastion\nnode1 ip=10.0.0.1\n",
                "inventory inventory.ini: bastion is in the etcd group and is the bastion (or in its group). Keep "
                        + "the bastion out of the etcd group: it is how Quorum reaches the etcd hosts, not one of them.");
    }

    @Test
    void bastionBehindAnotherBastion() {
        assertRefusedIni("[bastion]\nbastion ansible_host=203.0.113.5 ansible_ssh_common_args='-J ops@outer'\n"
                        + "[etcd]\nnode1 ip=10.0.0.1\n",
                "inventory inventory.ini: the bastion itself is to be reached through ops@outer. Quorum goes "
                        + "through one bastion only: give the bastion the workstation reaches directly, or set "
                        + "ansible_ssh_common_args: \"-o ProxyJump=none\" in the bastion's host variables.");
    }

    @Test
    void commandLineJumpThatIsNotASpec() {
        assertThatThrownBy(() -> JumpSpecs.parse("ops@bastion;reboot", "me"))
                .isInstanceOf(InventoryException.class)
                .hasMessage("the jump host \"ops@bastion;reboot\" has the host \"bastion;reboot\", which contains the "
                        + "shell character ;; an address must be an IP address or an RFC 1123 host name. Write it as "
                        + "USER@HOST or USER@HOST:PORT, for example ops@203.0.113.5:22, with one bastion only.");
    }
}
