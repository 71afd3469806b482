package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.cluster.CaRotationStore;
import dev.quorum.core.lifecycle.steps.CaTrust;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What the hosts' CA files and system trust hold in each phase of a rotation, read when a step runs. */
final class RotationTrust {
    private RotationTrust() {
    }

    /** New then old while the rotation is open; empty before the new CA exists (a preview). */
    static Supplier<Optional<CaTrust>> of(Supplier<CaRotationStore> rotation, Trust trust) {
        return () -> {
            CaRotationStore store = rotation.get();
            var next = store.newCa();
            var old = store.oldCa();
            if (next.isEmpty() || old.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(trust == Trust.OLD_AND_NEW
                    ? new CaTrust(List.of(next.get().certificate(), old.get()), List.of())
                    : new CaTrust(List.of(next.get().certificate()), List.of(old.get())));
        };
    }
}
