package dev.quorum.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A set of lab hosts on this machine: each one a bare-looking Debian with sshd, reachable from
 * the root namespace at 198.19.77.x on the bridge {@code qlab0} (which holds .1). Needs root.
 * Always {@link #close()} it; a JVM shutdown hook and the next lab's stale-lab cleanup are the
 * fallbacks.
 */
public final class Lab implements AutoCloseable {
    /**
     * The election timeout of lab clusters. Lab hosts share one machine, so Kubespray's 5000 ms (made for
     * slow networks) only slows tests down: a member started with the initial corruption check asks each
     * peer for its hash and waits up to 5 s + 2 x election timeout for each, so restarting three members
     * together took 32 s at 5000 ms and takes about 18 s at 2000 ms (heartbeat stays Kubespray's 250 ms).
     */
    public static final int ELECTION_MILLIS = 2000;


    private static final Logger LOG = LoggerFactory.getLogger(Lab.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Path STATE = Path.of("/run/quorum-lab/labs");
    private static final Path DISK = Path.of("/var/tmp/quorum-lab");
    private static final int MAX_HOSTS = 60;

    private final String id;
    private final Path workDir;
    private final List<LabHost> hosts = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Lab(String id, Path workDir) {
        this.id = id;
        this.workDir = workDir;
    }

    /** Boots {@code count} hosts (lab1..labN) and returns once every sshd answers. */
    public static Lab start(int count) {
        if (count < 1 || count > MAX_HOSTS) {
            throw new IllegalArgumentException("host count must be 1.." + MAX_HOSTS + ": " + count);
        }
        if (!LabPreconditions.isRoot()) {
            throw new IllegalStateException(LabPreconditions.NOT_ROOT);
        }
        LabPreconditions.requireTools();
        long started = System.nanoTime();
        String id = "j" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Lab lab = new Lab(id, createWorkDir());
        ShutdownGuard.register(lab);
        try {
            lab.boot(count);
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
        LOG.info("lab {} up: {} in {} ms", id, lab.hosts, (System.nanoTime() - started) / 1_000_000);
        return lab;
    }

    private void boot(int count) {
        Commands.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "quorum-lab-" + id,
                "-f", privateKey().toString()), 30).requireOk("ssh-keygen (lab client key)");
        String created = Commands.run(List.of(LabScripts.path("lab-create.sh").toString(), id,
                Integer.toString(count), Long.toString(ProcessHandle.current().pid())), 120)
                .requireOk("lab-create.sh").stdout();
        List<String[]> names = created.lines().map(l -> l.trim().split(" ")).toList();
        StringBuilder etcHosts = new StringBuilder();
        names.forEach(n -> etcHosts.append(n[1]).append('\t').append(n[0]).append('\n'));
        Path hostsFile = workDir.resolve("hosts");
        write(hostsFile, etcHosts.toString());

        // hosts boot in parallel: each start is mostly waiting for its sshd
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(names.size(), 8));
        try {
            List<Future<ExecResult>> starts = new ArrayList<>();
            for (String[] n : names) {
                starts.add(pool.submit(() -> Commands.run(List.of(
                        LabScripts.path("lab-host-start.sh").toString(), id, n[0],
                        publicKey().toString(), hostsFile.toString()), 60)));
            }
            for (int i = 0; i < names.size(); i++) {
                starts.get(i).get().requireOk("starting lab host " + names.get(i)[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while booting lab " + id, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("booting lab " + id + " failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        StringBuilder knownHosts = new StringBuilder();
        for (String[] n : names) {
            Path state = STATE.resolve(id).resolve("hosts").resolve(n[0]);
            long pid = Long.parseLong(read(state.resolve("init.pid")));
            LabHost host = new LabHost(this, n[0], n[1], pid, read(state.resolve("init.start")));
            hosts.add(host);
            String[] key = read(DISK.resolve(id).resolve(n[0])
                    .resolve("upper/etc/ssh/lab_host_ed25519_key.pub")).split(" ");
            knownHosts.append(n[1]).append(' ').append(key[0]).append(' ').append(key[1]).append('\n');
        }
        write(knownHosts(), knownHosts.toString());
    }

    /** Short unique id of this lab (also its directory names under /run and /var/tmp). */
    public String id() {
        return id;
    }

    public List<LabHost> hosts() {
        return List.copyOf(hosts);
    }

    /** Host by 0-based index: {@code host(0)} is lab1. */
    public LabHost host(int index) {
        return hosts.get(index);
    }

    /** The address of the bridge in the root namespace: where connections from the tool come from. */
    public String bridgeAddress() {
        return "198.19.77.1";
    }

    /** Client private key (ed25519, OpenSSH format, no passphrase) that root and ops accept. */
    public Path privateKey() {
        return workDir.resolve("id_ed25519");
    }

    public Path publicKey() {
        return workDir.resolve("id_ed25519.pub");
    }

    /** OpenSSH known_hosts with every host's key under its address (as booted). */
    public Path knownHosts() {
        return workDir.resolve("known_hosts");
    }

    /** A new, empty known_hosts file (to test first contact / unknown host keys). */
    public Path emptyKnownHosts() {
        try {
            return Files.createTempFile(workDir, "known_hosts-empty-", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a Kubespray-style inventory {@code dir/hosts.yaml}: every host with ansible_host, ip,
     * ansible_user root and the lab key; all of them in group etcd; {@code allVars} as all.vars,
     * with {@link #ELECTION_MILLIS} unless they set their own.
     */
    public Path writeInventory(Path dir, Map<String, Object> allVars) {
        return writeInventory(dir, allVars, hosts.size());
    }

    /**
     * Like {@link #writeInventory(Path, Map)}, with only the first {@code etcdCount} hosts in the
     * etcd group: the others are spare hosts for adding or replacing members.
     */
    public Path writeInventory(Path dir, Map<String, Object> allVars, int etcdCount) {
        Map<String, Object> vars = new LinkedHashMap<>(allVars);
        vars.putIfAbsent("etcd_election_timeout", ELECTION_MILLIS);
        if (etcdCount < 1 || etcdCount > hosts.size()) {
            throw new IllegalArgumentException("etcd hosts must be 1.." + hosts.size() + ": " + etcdCount);
        }
        Path file = dir.resolve("hosts.yaml");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(file, InventoryYaml.render(hosts, etcdCount, privateKey(), vars));
        return file;
    }

    /** Stops every host and removes everything the lab created. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        try {
            ExecResult r = Commands.run(List.of(LabScripts.path("lab-destroy.sh").toString(), id), 120);
            if (!r.ok()) {
                LOG.error("tearing down lab {} failed (exit {}): {}", id, r.exitCode(), r.stderr());
            }
        } finally {
            deleteRecursively(workDir);
            ShutdownGuard.unregister(this);
        }
        LOG.info("lab {} torn down in {} ms", id, (System.nanoTime() - started) / 1_000_000);
    }

    // ------------------------------------------------------------------ files

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("quorum-lab-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the lab work dir", e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
