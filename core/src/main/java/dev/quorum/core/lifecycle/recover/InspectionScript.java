package dev.quorum.core.lifecycle.recover;

import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.remote.Shell;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one shell command that gathers a host's report: every probe runs in parallel with its own
 * short timeout, and each prints under a marker line so one SSH round trip answers everything.
 */
final class InspectionScript {
    static final String MARKER = "@@quorum:";
    /** Seconds a member's own etcd may take to answer; a member without a leader answers status at once. */
    private static final int ETCDCTL_SECONDS = 2;
    private static final int LOG_LINES = 30;
    /**
     * The env file's settings that name a certificate a renewal re-issues: etcd's own (served and dialled) and
     * etcdctl's.
     */
    private static final List<String> CERTIFICATE_SETTINGS = List.of("ETCD_CERT_FILE", "ETCD_PEER_CERT_FILE",
            "ETCDCTL_CERT");
    /** The env file's settings that name the CA etcd and etcdctl trust: a renewal signs with it, a rotation replaces it. */
    private static final List<String> CA_SETTINGS = List.of("ETCD_TRUSTED_CA_FILE", "ETCD_PEER_TRUSTED_CA_FILE",
            "ETCDCTL_CACERT");
    static final String NOTHING_LISTENS = "nothing listens on the endpoints of ETCDCTL_ENDPOINTS (connection refused)";

    private InspectionScript() {
    }

    static String render(EtcdSettings settings, List<String> peerAddresses) {
        ClusterLayout layout = settings.layout();
        String etcdctl = "(set -a; . " + layout.envFile() + " || exit 9; set +a; exec timeout "
                + (ETCDCTL_SECONDS + 1) + " " + Shell.quote(settings.binDir() + "/etcdctl")
                + " --dial-timeout=1s --command-timeout=" + ETCDCTL_SECONDS + "s ";
        String data = Shell.quote(settings.dataDir());
        String peers = peerAddresses.stream().map(Shell::quote).collect(Collectors.joining(" "));
        return String.join("\n",
                "t=$(mktemp -d) || exit 1",
                "if " + everyEndpointRefuses(layout.envFile()) + "; then for f in status members alarms; do echo '"
                        + NOTHING_LISTENS + "' >\"$t/$f\"; done; else",
                etcdctl + "endpoint status -w json) >\"$t/status\" 2>&1 &",
                etcdctl + "member list -w json) >\"$t/members\" 2>&1 &",
                etcdctl + "alarm list) >\"$t/alarms\" 2>&1 &",
                "fi",
                peerProbe(peers, layout.peerPort()),
                expiredCertificates(layout.envFile()) + " >\"$t/expired\" 2>/dev/null &",
                "echo " + MARKER + "service; systemctl is-active " + layout.unitName() + " 2>/dev/null | head -n 1",
                "echo " + MARKER + "process; " + processState(layout.unitName()),
                "echo " + MARKER + "enabled; systemctl is-enabled " + layout.unitName() + " 2>/dev/null | head -n 1",
                "echo " + MARKER + "datadir; if [ -f " + data + "/member/snap/db ]; then echo present; "
                        + "elif [ -d " + data + "/member ]; then echo incomplete; else echo missing; fi",
                "echo " + MARKER + "datafree; " + dataDirFreeKib(settings.dataDir()),
                "echo " + MARKER + "dropin; " + InitialCheckDropIn.probeCommand(layout),
                "echo " + MARKER + "restore; " + restoreMarker(settings.dataDir()),
                "echo " + MARKER + "log; journalctl -u " + layout.unitName() + " -n " + LOG_LINES + " --no-pager -o cat 2>&1 | tail -n "
                        + LOG_LINES + " | cut -c1-400",
                "wait",
                "for f in status members alarms peers expired; do echo " + MARKER + "$f; "
                        + "[ -f \"$t/$f\" ] && head -c 65536 \"$t/$f\"; echo; done",
                "rm -rf \"$t\"");
    }

    /**
     * True only when every endpoint etcdctl would ask ({@code ETCDCTL_ENDPOINTS} of the env file) refuses a TCP
     * connection: etcdctl itself waits out its command timeout on a refused port (2 s on a stopped member, measured),
     * so the three calls are skipped only on that positive answer. A knock that connects, times out, or fails in any
     * other way (no env file, no such variable, an endpoint without a port) runs etcdctl as before. Each endpoint's
     * host and port reach the knocking bash as its $1 and $2, never as part of its script.
     */
    static String everyEndpointRefuses(String envFile) {
        return "(set -a; . " + Shell.quote(envFile) + " 2>/dev/null || exit 1; set +a; [ -n \"$ETCDCTL_ENDPOINTS\" ] "
                + "|| exit 1; set -f; IFS=,; n=0; for e in $ETCDCTL_ENDPOINTS; do e=${e#*://}; e=${e%%/*}; n=$((n+1)); "
                + "h=${e%:*}; h=${h#[}; h=${h%]}; case $(LC_ALL=C timeout 1 bash -c 'exec 3<>\"/dev/tcp/$1/$2\"' "
                + "quorum-knock \"$h\" \"${e##*:}\" 2>&1) in *refused*) ;; *) exit 1;; esac; done; [ \"$n\" -gt 0 ])";
    }

    /**
     * One word for etcd's main process ({@link ProcessState#of}): {@code frozen} when systemd froze its unit, {@code none}
     * without a main process, else the state letter of {@code /proc/PID/stat} (after the last ") ", as the
     * command name may hold one); nothing when {@code /proc} does not say.
     */
    static String processState(String unit) {
        return "if [ \"$(systemctl show -p FreezerState --value " + unit + " 2>/dev/null)\" = frozen ]; then echo frozen; "
                + "else p=$(systemctl show -p MainPID --value " + unit + " 2>/dev/null); case \"$p\" in ''|0) echo none;; "
                + "*) sed 's/^.*) //' \"/proc/$p/stat\" 2>/dev/null | cut -d' ' -f1;; esac; fi";
    }

    /**
     * Each certificate the env file names (what etcd serves and dials peers with, etcdctl's, and the CA they trust)
     * that openssl reads and finds past its notAfter, as "PATH, a tab, NOTAFTER, a tab, cert or ca", once per file
     * and kind. A file openssl cannot read, or a host without openssl, prints nothing: only a certificate read as
     * expired is reported. Of a CA file holding several CAs (a rotation's old and new) openssl reads the first.
     */
    static String expiredCertificates(String envFile) {
        // one openssl per file: exit 1 with a notAfter line is "expires within 0 s"; a file it cannot read has none
        return "(set -a; . " + Shell.quote(envFile) + " 2>/dev/null || exit 0; set +a; for v in " + String.join(" ",
                CERTIFICATE_SETTINGS) + " " + String.join(" ", CA_SETTINGS) + "; do f=$(printenv \"$v\") || continue; "
                + "case \"$v\" in *_CA_FILE|*_CACERT) k=ca;; *) k=cert;; esac; "
                + "e=$(openssl x509 -noout -enddate -checkend 0 -in \"$f\" 2>/dev/null) && continue; "
                + "case \"$e\" in notAfter=*) printf '%s\\t%s\\t%s\\n' \"$f\" \"$(echo \"$e\" | head -n 1 | cut -d= -f2)\" "
                + "\"$k\";; esac; done) | sort -u";
    }

    /**
     * KiB free for the data dir, as {@code df -Pk} says of its filesystem (of its parent while it does not exist);
     * nothing when df does not answer.
     */
    static String dataDirFreeKib(String dataDir) {
        String data = Shell.quote(dataDir);
        return "d=" + data + "; [ -e \"$d\" ] || d=$(dirname \"$d\"); timeout 2 df -Pk \"$d\" 2>/dev/null "
                + "| awk 'NR == 2 { print $4 }'";
    }

    /**
     * The restore marker's word: {@code completed}, {@code unfinished} (written, not marked completed), {@code none},
     * or {@code unknown} when the file is there but cannot be read. The file is restore's {@code RestoreMarker}.
     */
    static String restoreMarker(String dataDir) {
        String file = Shell.quote(dataDir + "/quorum-restore");
        return "if [ -e " + file + " ]; then grep -q '^COMPLETED_AT=' " + file + " 2>/dev/null; case $? in "
                + "0) echo completed;; 1) echo unfinished;; *) echo unknown;; esac; "
                + "elif [ -e " + Shell.quote(dataDir) + " ] && ! [ -x " + Shell.quote(dataDir) + " ]; then echo unknown; "
                + "else echo none; fi";
    }

    /**
     * A TCP connect to each peer's port, all at once, each line "ADDRESS ok|fail" into $t/peers. The address
     * reaches the inner bash as its $1, never as part of its script: spliced into the script text, an address
     * such as {@code $(touch /tmp/x)} would run there, however the outer loop quoted it.
     *
     * @param peers the addresses, each already quoted for sh
     */
    static String peerProbe(String peers) {
        return peerProbe(peers, EtcdMember.PEER_PORT);
    }

    /** Like {@link #peerProbe(String)} on another cluster's peer port (the events cluster's). */
    static String peerProbe(String peers, int peerPort) {
        return "for p in " + peers + "; do ( if timeout 1 bash -c 'exec 3<>\"/dev/tcp/$1/" + peerPort
                + "\"' quorum-probe \"$p\" 2>/dev/null; then echo \"$p ok\"; else echo \"$p fail\"; fi )"
                + " >>\"$t/peers\" & done";
    }
}
