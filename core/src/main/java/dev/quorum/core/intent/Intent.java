package dev.quorum.core.intent;

import java.util.List;

/**
 * What Quorum recommends doing next, as a value: the CLI prints it as a command line ({@link CommandLine}), the app
 * opens the matching wizard. Nothing decides by reading a command string back.
 */
public sealed interface Intent {

    /** Ask every host again. */
    record Diagnose() implements Intent {
    }

    /** Let members rejoin, start or re-seed them: {@code quorum recover}. */
    record Recover() implements Intent {
    }

    /** Restore the inventory's etcd group from a snapshot the user picks, declaring these members lost. */
    record RestoreFromSnapshot(List<String> declaredLost) implements Intent {
        public RestoreFromSnapshot {
            declaredLost = List.copyOf(declaredLost);
        }
    }

    /** Restore from a surviving member's database. */
    record RestoreFromSurvivor() implements Intent {
    }

    /** Replace a member whose host is gone with a new host. */
    record Replace(String member) implements Intent {
    }

    /**
     * Remove a member from the cluster, named by its member name or its inventory host; a member the list no longer
     * shows is named by its host, since a live member elsewhere may have been given its name by another tool.
     */
    record Remove(String memberOrHost) implements Intent {
    }

    /** Add (or finish adding) the inventory's host to the cluster. */
    record Add(String host) implements Intent {
    }

    /** Re-issue the certificates that need it from the cluster CA: {@code quorum certs renew}. */
    record RenewCertificates() implements Intent {
    }

    /**
     * Replace the cluster CA with a new one and re-issue every certificate from it: {@code quorum certs rotate-ca};
     * with the CA expired, on every member at once.
     */
    record RotateCa() implements Intent {
    }

    /** Take a snapshot now. */
    record SaveSnapshot() implements Intent {
    }

    /** Something Quorum does not do itself: the operator runs this. */
    record Manual(String command) implements Intent {
    }
}
