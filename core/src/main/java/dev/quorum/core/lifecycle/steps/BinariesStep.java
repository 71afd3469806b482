package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.release.EtcdRelease;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.release.ReleaseBinary;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.RemoteException;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Sha256Lines;
import dev.quorum.core.remote.Shell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts {@code etcd}, {@code etcdctl} and, when the release has it (3.5 and later), {@code etcdutl} into
 * {@code bin_dir}: the tarball is uploaded once and unpacked on the host; installed binaries are compared by
 * sha256, so a re-run uploads nothing, and a re-run whose binaries did not change since Quorum hashed them need not
 * hash them again (decision 0052). etcdutl is what restores a snapshot from 3.6 on, so it is installed
 * with the others rather than when a restore needs it.
 */
public final class BinariesStep extends HostStep {

    public BinariesStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Install " + String.join(", ", names()) + " " + session.settings().version() + " to "
                + session.settings().binDir();
    }

    /** By the release once fetched, else by the version (the preview comes before the fetch). */
    private List<String> names() {
        if (session.fetchedRelease().isPresent()) {
            return session.release().binaries().stream().map(ReleaseBinary::name).toList();
        }
        return EtcdVersion.tryParse(session.settings().version()).filter(EtcdVersion::hasEtcdutl).isPresent()
                ? List.of("etcd", "etcdctl", "etcdutl") : List.of("etcd", "etcdctl");
    }

    @Override
    public List<String> preview(String target) {
        String bin = session.settings().binDir();
        String tarball = "etcd-" + session.settings().version() + "-linux-" + session.settings().architecture()
                + ".tar.gz";
        return List.of("ssh " + target + " 'tar -xzf - " + String.join(" ", names()) + "' < " + tarball
                        + "   # streamed into a private directory in " + bin + ", no copy in /tmp; as .tar.zst"
                        + " (tar -I zstd) when the host has zstd",
                "openssl dgst -sha256 (or sha256sum)   # each binary against the release's digest; only then mv into "
                        + bin + "/");
    }

    /**
     * One exchange: the binaries' stat, Quorum's record of them and {@code etcd --version}. When the record vouches
     * for every binary (decision 0052) and etcd says the wanted version, nothing is hashed; otherwise the installed
     * binaries are compared by sha256, as they always were.
     */
    @Override
    public Check check(StepContext context) throws Exception {
        if (session.fetchedRelease().isEmpty()) {
            return Check.needed("the release is not fetched yet");
        }
        EtcdRelease release = session.release();
        String bin = session.settings().binDir();
        List<ReleaseBinary> binaries = release.binaries();
        String out = remote(context).run(BinaryRecord.statCommand(bin, binaries) + "; echo " + RECORD
                + "; cat " + BinaryRecord.PATH + " 2>/dev/null; echo " + VERSION + "; "
                + Shell.quote(bin + "/etcd") + " --version 2>/dev/null").stdout();
        Map<String, String> stat = BinaryRecord.statLines(bin, binaries, section(out, "", RECORD));
        if (stat.isEmpty()) {
            return Check.needed("not installed");
        }
        List<String> missing = binaries.stream().filter(b -> !stat.containsKey(BinaryRecord.path(bin, b)))
                .map(ReleaseBinary::name).toList();
        if (!missing.isEmpty()) {
            return Check.needed(String.join(", ", missing) + " missing");
        }
        Optional<String> record = Optional.of(section(out, RECORD, VERSION)).filter(r -> !r.isBlank());
        boolean version = SharedBinaryGuardStep.installed(section(out, VERSION, ""))
                .filter(session.settings().version()::equals).isPresent();
        if (version && BinaryRecord.vouches(bin, binaries, stat, record)) {
            return Check.done(String.join(", ", names()) + " " + session.settings().version()
                    + " already installed (unchanged since their sha256 was checked)");
        }
        return hashed(context, release);
    }

    private static final String RECORD = "quorum-binaries-record";
    private static final String VERSION = "quorum-binaries-version";
    private static final String HASHES = "quorum-binaries-hashes";
    private static final String AFTER = "quorum-binaries-after";

    /** The lines of {@code out} between the marker line {@code from} (or the start) and {@code to} (or the end). */
    static String section(String out, String from, String to) {
        int begin = from.isEmpty() ? 0 : out.indexOf(from + "\n");
        if (begin < 0) {
            return "";
        }
        begin += from.isEmpty() ? 0 : from.length() + 1;
        int end = to.isEmpty() ? out.length() : out.indexOf(to + "\n", begin);
        return out.substring(begin, end < 0 ? out.length() : end);
    }

    /** The installed binaries compared by sha256 with the release's. */
    private Check hashed(StepContext context, EtcdRelease release) throws Exception {
        String bin = session.settings().binDir();
        String command = Sha256Lines.of(release.binaries().stream().map(b -> bin + "/" + b.name()).toList());
        String out = remote(context).run(command + " 2>/dev/null").stdout();
        List<String> different = different(release, out);
        if (different.isEmpty()) {
            return Check.done(String.join(", ", names()) + " " + session.settings().version() + " already installed");
        }
        return Check.needed(String.join(", ", different) + " missing or different from " + release.version());
    }

    /** The binaries whose line in the {@code sha256sum}-style output is not the release's. */
    private List<String> different(EtcdRelease release, String sha256sum) {
        String bin = session.settings().binDir();
        return release.binaries().stream().filter(binary -> sha256sum.lines()
                        .noneMatch(line -> line.equals(binary.sha256() + "  " + bin + "/" + binary.name())))
                .map(ReleaseBinary::name).toList();
    }

    /**
     * One exchange per attempt (decision 0056): the tarball is streamed into tar on the host, which takes out only the
     * binaries; their sha256 is compared with the release's before they are renamed into place, and the record of
     * decision 0052 is written. A stream that does not unpack, or binaries that are not the release's, install
     * nothing and are sent once more. Each binary is renamed into place, so a running etcd keeps its binary until
     * restarted.
     */
    @Override
    public void apply(StepContext context) throws Exception {
        EtcdRelease release = session.release();
        RemoteHost remote = remote(context);
        String failed = "";
        for (int attempt = 1; attempt <= 2; attempt++) {
            // a second attempt sends the release's own tarball: a damaged repack must not fail the step twice
            Optional<Path> zstd = attempt == 1 ? zstdFor(context.target(), release) : Optional.empty();
            Path sent = zstd.orElse(release.tarball());
            String command = StreamedUnpack.command(release, session.settings().binDir(),
                    zstd.isPresent() ? StreamedUnpack.Compression.ZSTD : StreamedUnpack.Compression.GZIP);
            context.info("sending " + sent.getFileName() + (attempt > 1 ? " again" : "") + " into tar on "
                    + context.target());
            CommandResult ran = remote.runFeeding(command, sent);
            if (ran.exitStatus() != StreamedUnpack.DAMAGED) {
                String out = ran.requireOk("unpack etcd on " + context.target()).stdout();
                if (out.contains("kept")) {
                    context.info("previous binaries kept under " + ManagedFiles.BACKUP_ROOT);
                }
                if (out.contains(StreamedUnpack.NOT_RECORDED)) {
                    context.warn("could not record the verified binaries in " + BinaryRecord.PATH + " on "
                            + context.target() + ": the next run hashes them again");
                }
                session.changedWhileRunning(context.target());
                return;
            }
            failed = (ran.stdout().strip() + " " + ran.stderrTail()).strip();
            context.warn("the release arrived damaged on " + context.target() + ", nothing installed: " + failed);
        }
        throw new StepFailedException("the etcd release arrived damaged on " + context.target() + " twice, nothing "
                + "was installed (" + failed + ")", "check free space in " + session.settings().binDir() + " on "
                + context.target() + " and the connection to it, then re-run");
    }

    /**
     * The release's zstd repack when this run's preflight saw {@code zstd} and GNU tar on the host (decision 0062):
     * the host unpacks it for about a fifth of gzip's CPU time. Without that positive answer, the gzip tarball.
     */
    private Optional<Path> zstdFor(String target, EtcdRelease release) {
        boolean hostUnpacks = session.facts(target).map(HostFacts::unpacksZstd).orElse(false);
        return hostUnpacks ? release.zstdTarball() : Optional.empty();
    }

    /**
     * Installed as released is not enough for a binary that cannot run there (a wrong or damaged build): each
     * must also print its version, so a restore never finds out only after etcd was stopped everywhere. One
     * exchange hashes and runs them; when the binaries' stat did not move while they were hashed, Quorum records
     * it, so the next run's check need not hash them again (decision 0052).
     */
    @Override
    public void verify(StepContext context) throws Exception {
        EtcdRelease release = session.release();
        String bin = session.settings().binDir();
        List<ReleaseBinary> binaries = release.binaries();
        StringBuilder script = new StringBuilder(BinaryRecord.statCommand(bin, binaries) + "; echo " + RECORD
                + "; cat " + BinaryRecord.PATH + " 2>/dev/null");
        appendRuns(script, bin, binaries);
        String out = remote(context).run(script.toString()).stdout();
        Map<String, String> stat = BinaryRecord.statLines(bin, binaries, section(out, "", RECORD));
        Optional<String> record = Optional.of(section(out, RECORD, ran(binaries.get(0)))).filter(r -> !r.isBlank());
        if (stat.size() == binaries.size() && BinaryRecord.vouches(bin, binaries, stat, record)) {
            requireRuns(context, bin, binaries, out); // the record says these are the bytes hashed before the rename
            return;
        }
        verifyByHashing(context);
    }

    /** The binaries hashed where they are installed, each one run, and the record written (decision 0052). */
    private void verifyByHashing(StepContext context) throws Exception {
        EtcdRelease release = session.release();
        String bin = session.settings().binDir();
        List<ReleaseBinary> binaries = release.binaries();
        StringBuilder script = new StringBuilder(BinaryRecord.statCommand(bin, binaries) + "; echo " + HASHES
                + "; " + Sha256Lines.of(binaries.stream().map(b -> BinaryRecord.path(bin, b)).toList()));
        script.append(" 2>/dev/null; echo ").append(AFTER).append("; ").append(BinaryRecord.statCommand(bin, binaries));
        appendRuns(script, bin, binaries);
        RemoteHost remote = remote(context);
        String out = remote.run(script.toString()).stdout();
        List<String> different = different(release, section(out, HASHES, AFTER));
        if (!different.isEmpty()) {
            throw new StepFailedException("the change did not take effect: " + String.join(", ", different)
                    + " missing or different from " + release.version());
        }
        requireRuns(context, bin, binaries, out);
        Map<String, String> before = BinaryRecord.statLines(bin, binaries, section(out, "", HASHES));
        Map<String, String> after = BinaryRecord.statLines(bin, binaries, section(out, AFTER, ran(binaries.get(0))));
        if (before.size() == binaries.size() && before.equals(after)) {
            try {
                remote.write(BinaryRecord.render(bin, binaries, after).getBytes(StandardCharsets.UTF_8),
                        BinaryRecord.PATH, "0644");
            } catch (RemoteException e) { // the binaries are right; only the next check is slower
                context.warn("could not record the verified binaries in " + BinaryRecord.PATH + " on "
                        + context.target() + " (" + e.getMessage() + "): the next run hashes them again");
            }
        }
    }

    /** Runs each binary for its version, each run's output after its own marker line. */
    private static void appendRuns(StringBuilder script, String bin, List<ReleaseBinary> binaries) {
        for (ReleaseBinary binary : binaries) {
            String path = Shell.quote(BinaryRecord.path(bin, binary));
            script.append("; echo ").append(ran(binary)).append("; ")
                    .append(binary.name().equals("etcd") ? path + " --version" : path + " version")
                    .append(" 2>&1; echo \"quorum-exit $?\"");
        }
    }

    private static void requireRuns(StepContext context, String bin, List<ReleaseBinary> binaries, String out)
            throws StepFailedException {
        for (ReleaseBinary binary : binaries) {
            String output = section(out, ran(binary), "");
            int exit = output.indexOf("quorum-exit ");
            if (exit < 0 || !output.startsWith("quorum-exit 0", exit)) {
                throw new StepFailedException(bin + "/" + binary.name() + " does not run on " + context.target()
                        + ": " + (exit < 0 ? output : output.substring(0, exit)).strip(), "check that the release "
                        + "matches the host's architecture (image_arch) and that " + bin + " is not mounted noexec, "
                        + "then re-run");
            }
        }
    }

    private static String ran(ReleaseBinary binary) {
        return "quorum-binaries-run-" + binary.name();
    }
}
