package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.release.EtcdVersion;
import java.util.ArrayList;
import java.util.List;

/** Room for the new and the kept binaries on each host, for the data dir's growth, and for the snapshot here. */
final class DiskGates {
    /** New binaries (about 70 MiB for 3.6), the kept old ones, the uploaded tarball, with a margin. */
    static final long HOST_MIN_FREE_KIB = 256L * 1024;
    /** Beyond the largest member's database, kept free on the workstation. */
    static final long WORKSTATION_MARGIN_BYTES = 64L * 1024 * 1024;

    private DiskGates() {
    }

    static List<UpgradeRefusal> check(ObservedCluster observed, EtcdVersion target) {
        List<UpgradeRefusal> refusals = new ArrayList<>();
        for (ObservedMember m : observed.members()) {
            if (m.version().map(target::equals).orElse(false)) {
                continue;
            }
            if (m.hostFreeKiB().isEmpty() || m.dataFreeKiB().isEmpty()) {
                refusals.add(new UpgradeRefusal(Gate.DISK, "could not read the free space on " + m.hostName(),
                        "check df on " + m.hostName() + " over SSH, then run quorum upgrade again"));
                continue;
            }
            if (m.hostFreeKiB().getAsLong() < HOST_MIN_FREE_KIB) {
                refusals.add(new UpgradeRefusal(Gate.DISK, m.hostName() + " has " + m.hostFreeKiB().getAsLong() / 1024
                        + " MiB free for the binaries; the upgrade needs " + HOST_MIN_FREE_KIB / 1024
                        + " MiB (new ones, the kept old ones, the tarball)", "free space on " + m.hostName()));
            }
            if (m.dataFreeKiB().getAsLong() * 1024 < m.dbSizeBytes()) {
                refusals.add(new UpgradeRefusal(Gate.DISK, m.hostName() + " has " + m.dataFreeKiB().getAsLong() / 1024
                        + " MiB free beside a " + m.dbSizeBytes() / (1024 * 1024) + " MiB database; etcd's snapshot "
                        + "on start may need as much again", "free space on " + m.hostName()));
            }
        }
        long largest = observed.members().stream().mapToLong(ObservedMember::dbSizeBytes).max().orElse(0);
        if (observed.workstationFreeBytes() < largest + WORKSTATION_MARGIN_BYTES) {
            refusals.add(new UpgradeRefusal(Gate.DISK, "this workstation has " + observed.workstationFreeBytes()
                    / (1024 * 1024) + " MiB free for the snapshot taken first (the database is " + largest
                    / (1024 * 1024) + " MiB)", "free space in ~/.quorum (or $QUORUM_HOME)"));
        }
        return refusals;
    }
}
