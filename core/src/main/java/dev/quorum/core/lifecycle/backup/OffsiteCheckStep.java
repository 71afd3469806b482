package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.PlannedStep;
import dev.quorum.core.engine.Step;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.lifecycle.backup.offsite.OffsiteAccess;
import dev.quorum.core.lifecycle.backup.offsite.OffsiteException;
import dev.quorum.core.lifecycle.backup.offsite.OffsiteStore;
import dev.quorum.core.lifecycle.backup.offsite.S3Credentials;
import dev.quorum.core.lifecycle.backup.offsite.S3Endpoint;
import dev.quorum.core.lifecycle.backup.offsite.S3Location;
import dev.quorum.core.lifecycle.backup.offsite.S3OffsiteStore;
import java.util.List;
import java.util.function.Function;

/**
 * Before the key goes to any host: the store, from this workstation, with the very key the hosts will use,
 * lists the location and takes (and removes) a probe object. A store that refuses or does not answer stops
 * the schedule here, with the store's own reason, rather than in every host's first run.
 */
final class OffsiteCheckStep implements Step {
    private final OffsiteCopy copy;
    private final Function<OffsiteCopy, OffsiteStore> stores;

    OffsiteCheckStep(OffsiteCopy copy, Function<OffsiteCopy, OffsiteStore> stores) {
        this.copy = copy;
        this.stores = stores;
    }

    /** The real store: the SDK's client at the copy's endpoint, path-style, with the copy's key. */
    static OffsiteStore open(OffsiteCopy copy) {
        return S3OffsiteStore.open(S3Location.parse(copy.location()), S3Endpoint.parse(copy.endpoint(), copy.region()),
                S3Credentials.of(copy.accessKeyId(), copy.secretAccessKey()));
    }

    static PlannedStep on(OffsiteCopy copy, Function<OffsiteCopy, OffsiteStore> stores) {
        return PlannedStep.onCluster(new OffsiteCheckStep(copy, stores));
    }

    @Override
    public String title() {
        return "Check " + copy.location() + " accepts the hosts' key";
    }

    @Override
    public List<String> preview(String target) {
        return List.of("list and write a probe under " + copy.location() + " at " + copy.endpoint()
                + " with access key " + copy.accessKeyId() + "   # from this workstation");
    }

    @Override
    public Check check(StepContext context) throws Exception {
        OffsiteAccess access;
        try (OffsiteStore store = stores.apply(copy)) {
            access = store.check();
        } catch (OffsiteException e) {
            throw new StepFailedException(e.getMessage(), e.hint());
        }
        if (access != OffsiteAccess.READ_WRITE) {
            throw new StepFailedException(copy.location() + " can be listed but not written with access key "
                    + copy.accessKeyId(), "allow the key s3:PutObject and s3:DeleteObject on the prefix");
        }
        return Check.done(copy.location() + " at " + copy.endpoint() + " lists and stores with key " + copy.accessKeyId());
    }

    @Override
    public void apply(StepContext context) throws StepFailedException {
        throw new StepFailedException("a guard only checks");
    }
}
