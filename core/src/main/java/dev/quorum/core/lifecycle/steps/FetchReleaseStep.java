package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.release.EtcdRelease;
import dev.quorum.core.remote.Shell;
import java.util.List;
import java.util.Optional;

/** Gets and verifies the etcd tarball on the workstation before any host is touched. */
public final class FetchReleaseStep extends ClusterStep {

    public FetchReleaseStep(LifecycleSession session) {
        super(session);
    }

    @Override
    public String title() {
        return "Fetch and verify the etcd " + session.settings().version() + " release";
    }

    @Override
    public List<String> preview(String target) {
        var settings = session.settings();
        return List.of("curl -fLo etcd.tar.gz " + Shell.quote(settings.downloadUrl().toString()),
                settings.binaryChecksum().map(sum -> "echo '" + sum + "  etcd.tar.gz' | sha256sum -c")
                        .orElse("sha256sum etcd.tar.gz   # no etcd_binary_checksum given: recorded, not checked"));
    }

    @Override
    public Check check(StepContext context) throws Exception {
        Optional<EtcdRelease> cached = session.releases().cached(session.settings());
        if (cached.isPresent()) {
            warnIfUnverified(context, cached.get());
            session.useRelease(cached.get());
            return Check.done("cached " + cached.get().tarball().getFileName() + " (sha256 " + shortSha(cached.get()) + ")");
        }
        return Check.needed("not in the workstation cache yet: " + session.settings().downloadUrl());
    }

    @Override
    public void apply(StepContext context) throws Exception {
        EtcdRelease release = session.releases().fetch(session.settings());
        warnIfUnverified(context, release);
        context.info("fetched " + release.tarball().getFileName() + ", sha256 " + release.sha256()
                + (session.settings().binaryChecksum().isPresent() ? " (matches the expected sha256)" : ""));
        session.useRelease(release);
    }

    /**
     * Without etcd_binary_checksum nothing proves the tarball is the release it claims to be: say so in the run's
     * log, with the sha256 to pin, not only in the preview. (Plain http without a checksum never gets here: the
     * inventory reader refuses it.)
     */
    private void warnIfUnverified(StepContext context, EtcdRelease release) {
        if (session.settings().binaryChecksum().isEmpty()) {
            context.warn("no etcd_binary_checksum in the inventory: " + release.tarball().getFileName()
                    + " from " + session.settings().downloadUrl() + " is used unverified; to pin it, set "
                    + "etcd_binary_checksum: " + release.sha256() + " (after checking it against the release's "
                    + "SHA256SUMS)");
        }
    }

    private static String shortSha(EtcdRelease release) {
        return release.sha256().substring(0, 12);
    }
}
