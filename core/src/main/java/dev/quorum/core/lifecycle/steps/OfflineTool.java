package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.release.EtcdRelease;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.Shell;
import java.util.Optional;

/**
 * The binary that works on a data dir or a snapshot file without a running etcd ({@code snapshot restore}):
 * {@code etcdutl} when the release has it (3.5 on, where etcdctl's copy is deprecated) and always on 3.6+
 * (etcdctl lost it there); {@code etcdctl} with {@code ETCDCTL_API=3} on 3.4, which has no etcdutl.
 *
 * @param name the binary's name in bin_dir
 * @param path its full path on the hosts
 */
public record OfflineTool(String name, String path) {
    public static final String ETCDUTL = "etcdutl";
    public static final String ETCDCTL = "etcdctl";

    /**
     * The tool for this inventory's release: by the fetched tarball when known (a 3.5 tarball without
     * etcdutl falls back to etcdctl), else by the version alone.
     */
    public static OfflineTool forRelease(EtcdSettings settings, Optional<EtcdRelease> release) {
        Optional<EtcdVersion> version = EtcdVersion.tryParse(settings.version());
        boolean required = version.map(EtcdVersion::requiresEtcdutl).orElse(true);
        boolean shipped = release.map(EtcdRelease::hasEtcdutl)
                .orElse(version.map(EtcdVersion::hasEtcdutl).orElse(true));
        String name = required || shipped ? ETCDUTL : ETCDCTL;
        return new OfflineTool(name, settings.binDir() + "/" + name);
    }

    public boolean isEtcdutl() {
        return name.equals(ETCDUTL);
    }

    /** The start of a command line: etcdctl 3.4 needs the v3 API asked for, etcdutl has no API switch. */
    public String invocation() {
        return (isEtcdutl() ? "" : "ETCDCTL_API=3 ") + Shell.quote(path);
    }

    /** Prints the tool's version and exits 0 when the binary is there and runs on the host. */
    public String versionCommand() {
        return invocation() + " version";
    }
}
