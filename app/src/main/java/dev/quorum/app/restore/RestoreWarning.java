package dev.quorum.app.restore;

import dev.quorum.core.inventory.Inventory;
import java.util.Optional;

/** The confirmation page's words: what the restore does, and what it may lose. */
final class RestoreWarning {
    private RestoreWarning() {
    }

    static String text(RestoreChoices choices) {
        Optional<Inventory> inventory = choices.restored();
        String hosts = String.join(", ", choices.hosts());
        String dataDir = inventory.map(i -> i.etcd().dataDir()).orElse("the data dir");
        String unit = inventory.map(i -> i.layout().unitName()).orElse("etcd");
        String common = unit + " is STOPPED on every host (" + hosts + "). The old data dirs are MOVED ASIDE to "
                + dataDir + ".before-restore-TIME (not deleted). Every member gets a NEW member ID and the cluster a "
                + "new cluster ID; clients reconnect by endpoint."
                + (choices.raiseRevisionsProperty().get() ? " Revisions are RAISED past the old cluster's: every "
                + "watcher (kube-apiserver too) is told its revision is compacted and lists again."
                : " Revisions are KEPT as the snapshot has them: restart kube-apiserver and every client that watches "
                + "etcd afterwards.");
        if (choices.sourceProperty().get() == RestoreChoices.Source.SURVIVOR) {
            String host = choices.survivorProperty().get();
            return common + " No snapshot is used: " + unit + " on " + host + " is stopped and its database becomes the "
                    + "snapshot. What may be LOST: writes the cluster acknowledged that " + host + " had not applied "
                    + "yet (it may trail the lost leader), and anything only the lost members held. A copy of the "
                    + "database is kept in the snapshot folder.";
        }
        return common + " Every write made AFTER the snapshot " + choices.snapshotPathProperty().get().trim()
                + " is LOST.";
    }
}
