package dev.quorum.lab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One lab host: its own PID, mount, network, UTS and IPC namespaces, sshd on {@link #address()}
 * port 22, the systemctl/journalctl stand-ins. {@link #exec} runs commands inside it without
 * SSH (via nsenter) for test set-up and assertions; the fault methods break it on purpose.
 */
public final class LabHost {

    private static final long DEFAULT_TIMEOUT_SECONDS = 60;

    private final Lab lab;
    private final String name;
    private final String address;
    private final long initPid;
    private final String initStart;

    LabHost(Lab lab, String name, String address, long initPid, String initStart) {
        this.lab = lab;
        this.name = name;
        this.address = address;
        this.initPid = initPid;
        this.initStart = initStart;
    }

    /** Host name, also its hostname inside: lab1, lab2, ... */
    public String name() {
        return name;
    }

    /** IPv4 address on the lab bridge, where its sshd listens. */
    public String address() {
        return address;
    }

    /** PID (in the root namespace) of the host's init; the host lives exactly as long as it. */
    public long initPid() {
        return initPid;
    }

    /** True while the host's init runs (a zombie counts as gone). */
    public boolean running() {
        return initStart.equals(ProcStat.startTime(initPid));
    }

    /** Runs {@code shellCommand} with bash as root inside the host (60 s limit). */
    public ExecResult exec(String shellCommand) {
        return exec(shellCommand, Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS));
    }

    public ExecResult exec(String shellCommand, Duration timeout) {
        return Commands.run(inHost("/bin/bash", "-c", shellCommand), timeout.toSeconds());
    }

    /** Contents of a file inside the host; throws if it cannot be read. */
    public String readFile(String path) {
        return exec("cat -- " + Commands.quote(path)).requireOk("read " + path + " on " + name).stdout();
    }

    public boolean fileExists(String path) {
        return exec("test -e " + Commands.quote(path)).ok();
    }

    /** Writes a file inside the host (parent dirs created), mode 0644. */
    public void writeFile(String path, String content) {
        String cmd = "mkdir -p -- \"$(dirname -- " + Commands.quote(path) + ")\" && cat > "
                + Commands.quote(path);
        Commands.run(inHost("/bin/bash", "-c", cmd), DEFAULT_TIMEOUT_SECONDS, null,
                content.getBytes(StandardCharsets.UTF_8)).requireOk("write " + path + " on " + name);
    }

    /** Copies a local file into the host, e.g. a binary to /usr/local/bin with mode "0755". */
    public void copyIn(Path localFile, String path, String mode) {
        String cmd = "mkdir -p -- \"$(dirname -- " + Commands.quote(path) + ")\" && cat > "
                + Commands.quote(path) + " && chmod " + Commands.quote(mode) + " " + Commands.quote(path);
        Commands.run(inHost("/bin/bash", "-c", cmd), DEFAULT_TIMEOUT_SECONDS, localFile, null)
                .requireOk("copy " + localFile + " to " + name + ":" + path);
    }

    /** The host's current sshd public key ("ssh-ed25519 AAAA... root@lab1"). */
    public String hostPublicKey() {
        return readFile("/etc/ssh/lab_host_ed25519_key.pub").trim();
    }

    // ------------------------------------------------------------------ faults

    /** Takes the host off the network entirely (root-side veth down). */
    public void cutLink() {
        fault("cut-link");
    }

    public void healLink() {
        fault("heal-link");
    }

    /** Limits traffic into the host to {@code rate} (tc's units, e.g. {@code 400kbit}), as over a thin link. */
    public void slowLink(String rate) {
        fault("slow-link", rate);
    }

    public void restoreLinkSpeed() {
        fault("unslow-link");
    }

    /**
     * Drops traffic between this host and the given lab hosts (default: all others) with an nft
     * table inside this host. The bridge address (the tool's side) still reaches it.
     */
    public void cutPeers(LabHost... only) {
        List<LabHost> peers = only.length > 0 ? Arrays.asList(only)
                : lab.hosts().stream().filter(h -> h != this).collect(Collectors.toList());
        if (peers.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("cut-peers"));
        peers.forEach(p -> args.add(p.address()));
        fault(args.toArray(String[]::new));
    }

    public void healPeers() {
        fault("heal-peers");
    }

    /**
     * Drops TCP connections to {@code port} that come from the tool's side (the bridge address)
     * only: the other lab hosts still reach the port, and SSH still works. A firewall between the
     * workstation and etcd's client port, as many networks have.
     */
    public void blockFromTool(int port) {
        fault("block-from-tool", Integer.toString(port));
    }

    /** Drops TCP from the tool to every one of {@code ports} (replacing an earlier block). */
    public void blockFromTool(int first, int... more) {
        StringBuilder set = new StringBuilder("{ ").append(first);
        for (int port : more) {
            set.append(", ").append(port);
        }
        fault("block-from-tool", set.append(" }").toString());
    }

    public void unblockFromTool() {
        fault("unblock-from-tool");
    }

    /** SIGKILLs every process named exactly {@code processName}; false if none matched. */
    public boolean kill(String processName) {
        return kill(processName, "KILL");
    }

    public boolean kill(String processName, String signal) {
        return faultResult("kill", processName, signal).ok();
    }

    /** Puts a small private filesystem over {@code dir} (contents kept) and fills it up. */
    public void fillDisk(String dir) {
        fault("fill-disk", dir);
    }

    /** Undoes {@link #fillDisk}: copies the contents back and removes the small filesystem. */
    public void freeDisk(String dir) {
        fault("free-disk", dir);
    }

    /** Deletes everything inside {@code dir}, keeping the directory. */
    public void wipe(String dir) {
        fault("wipe", dir);
    }

    /**
     * etcd's data is gone and etcd is down, the same way every time: the data dir wiped while etcd ran, etcd killed,
     * its unit stopped so systemd does not start it again (Restart=always would, 10 s later, and that member then
     * either crashes on a fresh data dir or rejoins by itself, depending on timing), and an empty member/ tree left
     * behind, as a disk that lost its files leaves it: something a re-seed must set aside, not delete.
     */
    public void loseEtcdData(String dataDir) {
        wipe(dataDir);
        kill("etcd");
        exec("systemctl stop etcd").requireOk("stop etcd on " + name());
        String quoted = "'" + dataDir.replace("'", "'\\''") + "'";
        exec("mkdir -p " + quoted + "/member/wal " + quoted + "/member/snap").requireOk("leave an empty member/ tree");
    }

    /** Renames {@code path} aside (as a lost data dir); returns the new path. */
    public String moveAside(String path) {
        return fault("move-aside", path).stdout().trim();
    }

    /** Truncates every regular file under {@code dir} to {@code bytes} (corrupts a data dir). */
    public void truncateFiles(String dir, long bytes) {
        fault("truncate-files", dir, Long.toString(bytes));
    }

    /**
     * A Type=notify unit on this host reports active {@code delay} after its service said READY=1 (systemd acting
     * late, as under load): etcd then answers clients while its unit still says "activating".
     */
    public void lateReady(Duration delay) {
        fault("late-ready", String.format(Locale.ROOT, "%.3f", delay.toMillis() / 1000.0));
    }

    /** Undoes {@link #lateReady}. */
    public void promptReady() {
        fault("prompt-ready");
    }

    /**
     * Gives sshd a new host key and restarts it, so clients holding the old key see a CHANGED
     * host key. Returns the new public key line. The lab's known_hosts file is left as it was.
     */
    public String regenerateHostKey() {
        return fault("regen-hostkey").stdout().trim();
    }

    /**
     * Gives the host an IPv6 address on the lab segment (and the tool's side one, {@code ::1} of the same /64), for
     * IPv6-only and dual-stack clusters; the lab is IPv4-only until a test asks. Returns the host's address, e.g.
     * {@code fd51:9877:77::2}. Idempotent.
     */
    public String enableIpv6() {
        return fault("enable-ipv6").stdout().trim();
    }

    // ------------------------------------------------------------------ plumbing

    private ExecResult fault(String... args) {
        return faultResult(args).requireOk("fault " + String.join(" ", args) + " on " + name);
    }

    private ExecResult faultResult(String... args) {
        List<String> argv = new ArrayList<>(List.of(LabScripts.path("lab-fault.sh").toString(),
                lab.id(), name));
        argv.addAll(Arrays.asList(args));
        return Commands.run(argv, DEFAULT_TIMEOUT_SECONDS);
    }

    private List<String> inHost(String... command) {
        if (!running()) {
            throw new IllegalStateException("lab host " + name + " is not running");
        }
        List<String> argv = new ArrayList<>(List.of("nsenter", "-t", Long.toString(initPid),
                "-m", "-u", "-i", "-n", "-p", "-r", "-w", "--",
                "env", "-i", "PATH=" + Commands.PATH, "LANG=C.UTF-8", "HOME=/root"));
        argv.addAll(Arrays.asList(command));
        return argv;
    }

    @Override
    public String toString() {
        return name + "(" + address + ")";
    }
}
