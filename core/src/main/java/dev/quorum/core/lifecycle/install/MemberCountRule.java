package dev.quorum.core.lifecycle.install;

import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.inventory.Inventory;
import java.util.Optional;

/**
 * Install refuses an even member count unless the inventory allows it ({@link Inventory#ALLOW_EVEN_MEMBERS}),
 * as Kubespray stops on an even number of etcd hosts. Quorum does not honour Kubespray's
 * {@code ignore_assert_errors} for this: that switch turns off every Kubespray check, not just this one.
 */
final class MemberCountRule {
    private MemberCountRule() {
    }

    /** The number of members that may fail while the others keep quorum. */
    static int tolerance(int members) {
        return (members - 1) / 2;
    }

    /** Why install refuses {@code members}, or empty when it may go ahead. */
    static Optional<StepFailedException> refusal(int members, boolean evenAllowed) {
        if (members % 2 != 0 || evenAllowed) {
            return Optional.empty();
        }
        int tolerance = tolerance(members);
        return Optional.of(new StepFailedException("install refuses " + members + " etcd members: they tolerate "
                + failures(tolerance) + ", no more than " + (members - 1) + " would, and the extra member is one more "
                + "machine that can fail (a quorum of " + (members / 2 + 1) + " instead of " + ((members - 1) / 2 + 1)
                + "); nothing was changed",
                "add a host to the etcd group or take one out of it (3 or 5 members suit most clusters); to install "
                        + members + " members anyway, set " + Inventory.ALLOW_EVEN_MEMBERS
                        + ": true in the etcd group's variables"));
    }

    static String failures(int tolerance) {
        return tolerance + (tolerance == 1 ? " failure" : " failures");
    }
}
