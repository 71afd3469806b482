package dev.quorum.app.schedule;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.LazyViewPage;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;

/** Unschedule page: nothing to choose; what will and will not change, before the review. */
final class UnschedulePage extends LazyViewPage {

    UnschedulePage() {
        super("Unschedule", Bindings.createBooleanBinding(() -> true));
    }

    @Override
    protected Node build() {
        return Fields.page(Fields.heading("Stop the scheduled backups on every member's host"),
                Fields.note("The timer is stopped and disabled; the units and the script are moved to "
                        + "/var/backups/quorum/TIME/; /etc/quorum-backup.env is deleted (it may hold an S3 secret). "
                        + "The backups already taken stay, on the hosts and off-site. Refused while a member's host "
                        + "cannot be reached. The next page shows the plan; nothing changes before its Run."));
    }
}
