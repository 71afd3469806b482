package dev.quorum.core.remote;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import net.schmizz.sshj.SSHClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link RemoteHost} over one logged-in sshj connection. */
final class SshRemoteHost implements RemoteHost {

    private static final Logger LOG = LoggerFactory.getLogger(SshRemoteHost.class);

    /** Time between coreutils timeout's TERM and its KILL for commands that ignore TERM. */
    private static final Duration KILL_AFTER = Duration.ofSeconds(5);
    /** Extra local wait beyond the remote limit before the channel is abandoned. */
    private static final Duration LOCAL_GRACE = Duration.ofSeconds(10);
    private static final Duration SUDO_CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final SshTarget target;
    private final SSHClient client;
    private final SshOptions options;
    private final Consumer<SshRemoteHost> onClose;
    private volatile boolean sudoChecked;

    SshRemoteHost(String name, SshTarget target, SSHClient client, SshOptions options,
                  Consumer<SshRemoteHost> onClose) {
        this.name = name;
        this.target = target;
        this.client = client;
        this.options = options;
        this.onClose = onClose;
    }

    @Override
    public String name() {
        return name;
    }

    SshTarget target() {
        return target;
    }

    /** The logged-in connection, for channels other than commands (port forwards). */
    SSHClient client() {
        return client;
    }

    boolean isConnected() {
        return client.isConnected() && client.isAuthenticated();
    }

    @Override
    public CommandResult run(String command, OutputListener listener) {
        return run(command, listener, options.commandTimeout());
    }

    @Override
    public CommandResult run(String command, OutputListener listener, Duration timeout) {
        LOG.trace("{}: run {}", name, command); // trace only: a command line may carry a secret
        CommandExecution.Raw raw = execute(List.of("sh", "-c", command), null, listener, timeout, "A command");
        return new CommandResult(raw.exitStatus(), new String(raw.stdout(), StandardCharsets.UTF_8), raw.stderr());
    }

    @Override
    public void upload(Path localFile, String remotePath, String mode) {
        upload(localFile, remotePath, mode, RemoteScripts.INSTALL);
    }

    @Override
    public void uploadScratch(Path localFile, String remotePath, String mode) {
        upload(localFile, remotePath, mode, RemoteScripts.INSTALL_SCRATCH);
    }

    private void upload(Path localFile, String remotePath, String mode, String script) {
        try (InputStream in = Files.newInputStream(localFile)) {
            install(in, remotePath, mode, script);
        } catch (IOException e) {
            throw new RemoteException("Cannot read " + localFile + " to upload it to " + name + ": " + e.getMessage(),
                    "Check that the local file exists and is readable.", e);
        }
    }

    @Override
    public CommandResult runFeeding(String command, Path localFile) {
        LOG.trace("{}: run {} fed from {}", name, command, localFile);
        try (InputStream in = Files.newInputStream(localFile)) {
            CommandExecution.Raw raw = execute(List.of("sh", "-c", command), in, OutputListener.NONE,
                    options.commandTimeout(), "A command fed from " + localFile.getFileName());
            return toResult(raw);
        } catch (IOException e) {
            throw new RemoteException("Cannot read " + localFile + " to send it to " + name + ": " + e.getMessage(),
                    "Check that the local file exists and is readable.", e);
        }
    }

    @Override
    public void write(byte[] content, String remotePath, String mode) {
        install(new ByteArrayInputStream(content), remotePath, mode, RemoteScripts.INSTALL);
    }

    private void install(InputStream content, String remotePath, String mode, String script) {
        RemoteScripts.requireAbsolutePath(remotePath);
        RemoteScripts.requireMode(mode);
        String what = "Writing " + remotePath + " on " + name;
        CommandExecution.Raw raw = execute(List.of("sh", "-c", script, "quorum-write", remotePath, mode),
                content, OutputListener.NONE, options.commandTimeout(), what);
        toResult(raw).requireOk(what);
        LOG.debug("{}: wrote {} (mode {})", name, remotePath, mode);
    }

    @Override
    public Optional<byte[]> read(String remotePath) {
        RemoteScripts.requireAbsolutePath(remotePath);
        String what = "Reading " + remotePath + " on " + name;
        CommandExecution.Raw raw = execute(List.of("sh", "-c", RemoteScripts.READ, "quorum-read", remotePath),
                null, OutputListener.NONE, options.commandTimeout(), what);
        if (raw.exitStatus() == RemoteScripts.READ_MISSING) {
            return Optional.empty();
        }
        toResult(raw).requireOk(what);
        return Optional.of(raw.stdout());
    }

    @Override
    public Optional<byte[]> readMebibytes(String remotePath, long firstMebibyte, int mebibytes, Duration timeout) {
        RemoteScripts.requireAbsolutePath(remotePath);
        if (firstMebibyte < 0 || mebibytes <= 0) {
            throw new IllegalArgumentException("cannot read " + mebibytes + " MiB from MiB " + firstMebibyte);
        }
        String what = "Reading " + mebibytes + " MiB of " + remotePath + " from MiB " + firstMebibyte + " on " + name;
        CommandExecution.Raw raw = execute(List.of("sh", "-c", RemoteScripts.READ_MEBIBYTES, "quorum-read", remotePath,
                Long.toString(firstMebibyte), Integer.toString(mebibytes)), null, OutputListener.NONE, timeout, what);
        if (raw.exitStatus() == RemoteScripts.READ_MISSING) {
            return Optional.empty();
        }
        toResult(raw).requireOk(what);
        return Optional.of(raw.stdout());
    }

    /** Runs argv as root (sudo when needed) under coreutils timeout, the remote kill switch. */
    private CommandExecution.Raw execute(List<String> argv, InputStream stdin, OutputListener listener,
                                         Duration timeout, String what) {
        List<String> line = new ArrayList<>(asRoot());
        line.addAll(List.of("timeout", "-k", seconds(KILL_AFTER), seconds(timeout)));
        line.addAll(argv);
        long started = System.nanoTime();
        CommandExecution.Raw raw = exec(Shell.join(line), stdin, listener, timeout.plus(KILL_AFTER).plus(LOCAL_GRACE));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // 124: timeout's TERM ended it; 137: its KILL did. Either can also be a command's own
        // status, so only count it as a timeout when the time was really used up.
        boolean remoteTimeout = (raw.exitStatus() == 124 || raw.exitStatus() == 137) && took.compareTo(timeout) >= 0;
        if (raw.overran() || remoteTimeout) {
            throw new CommandTimeoutException(name, what, timeout);
        }
        return raw;
    }

    private List<String> asRoot() {
        if (target.isRoot()) {
            return List.of();
        }
        checkSudo();
        return List.of("sudo", "-n", "--");
    }

    /** Once per connection, so a missing sudo rule gives one clear error, not a failing command. */
    private void checkSudo() {
        if (sudoChecked) {
            return;
        }
        CommandExecution.Raw raw = exec("sudo -n true", null, OutputListener.NONE, SUDO_CHECK_TIMEOUT);
        if (raw.exitStatus() != 0) {
            throw new RemoteException("Passwordless sudo is needed for " + target.user() + " on " + name
                    + ", but 'sudo -n true' failed: " + toResult(raw).stderrTail(),
                    "Allow it with a sudoers drop-in such as '" + target.user() + " ALL=(ALL) NOPASSWD: ALL' in "
                            + "/etc/sudoers.d/, or connect as root.");
        }
        sudoChecked = true;
    }

    private CommandExecution.Raw exec(String commandLine, InputStream stdin, OutputListener listener, Duration limit) {
        try {
            return CommandExecution.execute(client, "ssh-" + name, commandLine, stdin, listener, limit);
        } catch (IOException e) {
            throw new RemoteException("The SSH connection to " + name + " failed: " + e.getMessage(),
                    "Check that the host is still up and reachable, then re-run.", e);
        }
    }

    private static CommandResult toResult(CommandExecution.Raw raw) {
        return new CommandResult(raw.exitStatus(), new String(raw.stdout(), StandardCharsets.UTF_8), raw.stderr());
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3fs", d.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        onClose.accept(this);
        SshConnector.closeQuietly(client);
        LOG.debug("{}: disconnected", name);
    }
}
