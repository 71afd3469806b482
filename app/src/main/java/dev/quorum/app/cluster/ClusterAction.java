package dev.quorum.app.cluster;

import dev.quorum.core.inventory.ClusterLayout;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The wizards and buttons that act on the cluster shown, each with the CLI command it runs. On the events cluster
 * only the commands whose steps read the cluster's layout may run (decision 0038); the others would act on the main
 * cluster's {@code etcd.service} and {@code /etc/etcd.env}, so the app disables them and says why (decision 0044).
 */
public enum ClusterAction {
    ADD("add"),
    REPLACE("replace"),
    REMOVE("remove"),
    SNAPSHOT("snapshot save"),
    RECOVER("recover"),
    RESTORE("restore"),
    MAINTAIN("maintain", "maintain compact", "maintain defrag", "maintain alarms"),
    UPGRADE("upgrade"),
    RENEW("certs renew"),
    ADOPT("adopt"),
    /** The Backups tab: its Schedule / Unschedule wizards, Run now and Pull. */
    SCHEDULE_BACKUPS("backup", "backup schedule", "backup unschedule", "backup run", "backup list", "backup pull");

    /**
     * The commands the app runs on the events cluster: those of the CLI's {@code ClusterOptions.EVENTS_COMMANDS} whose
     * wizards were checked to act on the cluster shown ({@code EventsCommandsAgreeTest}: never one the CLI refuses).
     */
    public static final Set<String> EVENTS_COMMANDS = Set.of("install", "status", "diagnose", "snapshot save",
            "snapshot list", "add", "remove", "replace", "apiservers update", "restore", "certs renew",
            "certs rotate-ca", "adopt", "maintain compact", "maintain defrag", "maintain alarms", "upgrade", "recover",
            "backup schedule", "backup unschedule", "backup run", "backup list", "backup pull");

    private final String name;
    private final List<String> commands;

    /** @param commands the CLI commands it runs when more than {@code name} (e.g. each of maintain's) */
    ClusterAction(String name, String... commands) {
        this.name = name;
        this.commands = commands.length == 0 ? List.of(name) : List.of(commands);
    }

    /** The CLI commands it runs, e.g. {@code snapshot save}; it acts on the events cluster when they all do. */
    public List<String> commands() {
        return commands;
    }

    /** Why this cannot act on a cluster of {@code layout}; empty when it can. */
    public Optional<String> refusal(ClusterLayout layout) {
        if (layout == ClusterLayout.MAIN || EVENTS_COMMANDS.containsAll(commands)) {
            return Optional.empty();
        }
        return Optional.of("Not on the events cluster: quorum " + name + " cannot act on it yet (its steps would "
                + "act on the main cluster's etcd.service and /etc/etcd.env). Switch to the main cluster for it.");
    }
}
