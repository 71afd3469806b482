package dev.quorum.app.backups;

import dev.quorum.core.lifecycle.backup.BackupEntry;
import dev.quorum.core.lifecycle.backup.HostBackups;
import java.util.List;

/** The tab's "Off-site" line: per member's store location, its copies and how many are verified, or why unknown. */
final class OffsiteSummary {
    private OffsiteSummary() {
    }

    static String of(List<HostBackups> stores) {
        if (stores.isEmpty()) {
            return "none (no --copy-to in the hosts' schedule)";
        }
        return String.join("; ", stores.stream().map(OffsiteSummary::one).toList());
    }

    private static String one(HostBackups store) {
        if (store.unknown().isPresent()) {
            return store.host() + " unknown: " + store.unknown().get();
        }
        long verified = store.backups().stream().filter(BackupEntry::verified).count();
        int all = store.backups().size();
        return store.host() + " " + all + (all == 1 ? " copy" : " copies")
                + (verified == all ? (all == 0 ? "" : ", all verified") : ", " + (all - verified) + " NOT verified");
    }
}
