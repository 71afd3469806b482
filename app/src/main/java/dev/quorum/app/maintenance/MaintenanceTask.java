package dev.quorum.app.maintenance;

/** What the wizard does, each the plan of one {@code quorum maintain} command. */
public enum MaintenanceTask {
    COMPACT("Compact the key history", "quorum maintain compact: a snapshot first, then the history before the "
            + "kept revisions is discarded (etcdctl compact)."),
    DEFRAG("Defragment the members", "quorum maintain defrag: one member at a time, followers first and the "
            + "leader last; each is back with a leader before the next (etcdctl defrag)."),
    NOSPACE("Free space and disarm NOSPACE", "quorum maintain alarms --disarm --reclaim: snapshot, compact, "
            + "defragment every member, then disarm NOSPACE once each database is below its quota.");

    private final String label;
    private final String description;

    MaintenanceTask(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }
}
