package dev.quorum.core.remote;

import com.hierynomus.sshj.transport.verification.KnownHostMatchers;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenSSH known_hosts file: plain, hashed ({@code |1|salt|hash}) and {@code [host]:port}
 * entries, with line numbers so a refusal can point at the offending line; {@code @revoked}
 * lines name keys that must never be accepted.
 */
final class KnownHostsFile {

    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsFile.class);

    /** Serialises appends from parallel connects in this JVM; the file lock covers other processes. */
    private static final Object APPEND_LOCK = new Object();

    /** One key line that names the host being checked. */
    record Entry(int line, String keyType, byte[] blob) {
    }

    private static final String REVOKED = "@revoked";

    private final Path file;

    KnownHostsFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** How OpenSSH names a host in known_hosts: bare for port 22, else {@code [host]:port}. */
    static String hostPattern(String address, int port) {
        return port == 22 ? address : "[" + address + "]:" + port;
    }

    /** Every key entry whose host patterns match {@code knownHostsName}; empty if no file. */
    List<Entry> entriesFor(String knownHostsName) {
        List<String> lines = lines();
        List<Entry> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Entry entry = parse(lines.get(i), i + 1, knownHostsName);
            if (entry != null) {
                found.add(entry);
            }
        }
        return found;
    }

    /**
     * The {@code @revoked} line that names {@code key}, if any. Unlike OpenSSH, the line's host
     * patterns are not consulted: a revoked key is compromised or retired, and is refused on every
     * host (fail closed), so a pattern typo cannot let it in.
     */
    Optional<Entry> revocation(HostKey key) {
        List<String> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).strip().split("\\s+");
            if (fields.length < 4 || !REVOKED.equals(fields[0])) {
                continue;
            }
            try {
                if (key.sameKey(Base64.getDecoder().decode(fields[3]))) {
                    return Optional.of(new Entry(i + 1, fields[2], Base64.getDecoder().decode(fields[3])));
                }
            } catch (IllegalArgumentException e) {
                LOG.warn("{}:{}: unreadable @revoked key ignored: {}", file, i + 1, e.toString());
            }
        }
        return Optional.empty();
    }

    private List<String> lines() {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RemoteException("Cannot read known_hosts file " + file + ": " + e.getMessage(),
                    "Make the file readable, or point Quorum at another known_hosts file.", e);
        }
    }

    /**
     * Appends a plain entry (readable, and what ssh-keyscan writes), creating the directory 0700
     * and the file 0600 as OpenSSH would.
     */
    void append(String knownHostsName, HostKey key) {
        String line = knownHostsName + " " + key.toKnownHostsKey() + "\n";
        synchronized (APPEND_LOCK) {
            // Parallel first connects to hosts sharing an address would each add the same line.
            if (entriesFor(knownHostsName).stream().anyMatch(e -> key.sameKey(e.blob()))) {
                return;
            }
            try {
                createIfMissing();
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND); FileLock ignored = channel.lock()) {
                    String text = needsNewline() ? "\n" + line : line;
                    channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new RemoteException("Cannot add the host key of " + knownHostsName + " to " + file
                        + ": " + e.getMessage(), "Make the file writable, or add the key with ssh-keyscan.", e);
            }
        }
        LOG.info("Added {} {} to {}", knownHostsName, key, file);
    }

    private void createIfMissing() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
    }

    /** A hand-edited file may lack a final newline; appending would then glue two entries. */
    private boolean needsNewline() throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    private Entry parse(String raw, int lineNumber, String knownHostsName) {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        String[] fields = line.split("\\s+");
        if (fields[0].startsWith("@")) {
            // @cert-authority: Quorum uses no host certificates, so such a line vouches for no key.
            // @revoked never vouches for a key either; revocation() refuses the keys it names.
            return null;
        }
        if (fields.length < 3) {
            LOG.debug("{}:{}: not a known_hosts entry, ignored", file, lineNumber);
            return null;
        }
        try {
            if (!KnownHostMatchers.createMatcher(fields[0]).match(knownHostsName)) {
                return null;
            }
            return new Entry(lineNumber, fields[1], Base64.getDecoder().decode(fields[2]));
        } catch (IOException | IllegalArgumentException e) {
            LOG.debug("{}:{}: unreadable known_hosts entry ignored: {}", file, lineNumber, e.toString());
            return null;
        }
    }
}
