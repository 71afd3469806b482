package dev.quorum.app.wizard;

import dev.quorum.core.ActionableError;
import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.remote.HostKeyScan;
import dev.quorum.core.remote.HostKeyScanner;
import dev.quorum.core.remote.SshOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each host's SSH key as it presents it, against known_hosts, read without logging in. What the
 * wizards show before any plan connects, so new keys are trusted only with the user's consent.
 */
public record HostKeyReport(List<Entry> entries) {

    /** One host: its scan, or why its key could not be read. */
    public record Entry(String host, Optional<HostKeyScan> scan, String error) {
        public boolean known() {
            return scan.map(s -> s.verdict() == HostKeyScan.Verdict.KNOWN).orElse(false);
        }

        public boolean unknown() {
            return scan.map(s -> s.verdict() == HostKeyScan.Verdict.UNKNOWN).orElse(false);
        }

        /** "known (SHA256:...)", "NEW: ssh-ed25519 SHA256:...", "CHANGED: now SHA256:...", "REVOKED: ...", "not read". */
        public String describe() {
            return scan.map(s -> switch (s.verdict()) {
                case KNOWN -> "known (" + s.key().fingerprint() + ")";
                case UNKNOWN -> "NEW: " + s.key().type() + " " + s.key().fingerprint();
                case CHANGED -> "CHANGED: now " + s.key().fingerprint();
                case REVOKED -> "REVOKED: " + s.key().type() + " " + s.key().fingerprint();
            }).orElse("not read");
        }

        /** Why a plan cannot reach the host yet, or empty when its key is known. */
        public String problem() {
            if (scan.isEmpty()) {
                return error;
            }
            HostKeyScan s = scan.get();
            return switch (s.verdict()) {
                case KNOWN -> "";
                case UNKNOWN -> "waiting for you to trust its host key";
                case CHANGED -> "the host key differs from the one in " + s.knownHosts() + ": never trusted "
                        + "automatically. If the host was reinstalled, remove the old key (ssh-keygen -R "
                        + s.knownHostsName() + ") and check again";
                case REVOKED -> "the host presents a key " + s.knownHosts() + " marks @revoked: never trusted. "
                        + "Give the host a new host key, check it out of band, and check again";
            };
        }
    }

    public HostKeyReport {
        entries = List.copyOf(entries);
    }

    /** Over the network: off the UI thread. Trusts {@code consented} first: exactly the keys the user saw. */
    public static HostKeyReport scan(SshOptions ssh, List<InventoryHost> hosts, List<HostKeyScan> consented) {
        consented.forEach(HostKeyScan::trust);
        HostKeyScanner scanner = new HostKeyScanner(ssh);
        List<Entry> entries = new ArrayList<>();
        for (InventoryHost host : hosts) {
            try {
                entries.add(new Entry(host.name(), Optional.of(scanner.scan(host.name(), host.ssh())), ""));
            } catch (RuntimeException e) {
                String hint = e instanceof ActionableError a ? a.hint() : "";
                entries.add(new Entry(host.name(), Optional.empty(), e.getMessage() + (hint.isBlank() ? "" : " " + hint)));
            }
        }
        return new HostKeyReport(entries);
    }

    public List<HostKeyScan> unknownKeys() {
        return entries.stream().filter(Entry::unknown).map(e -> e.scan().orElseThrow()).toList();
    }

    public boolean allKnown() {
        return entries.stream().allMatch(Entry::known);
    }

    public Optional<Entry> entry(String host) {
        return entries.stream().filter(e -> e.host().equals(host)).findFirst();
    }
}
