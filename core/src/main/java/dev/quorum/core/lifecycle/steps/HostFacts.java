package dev.quorum.core.lifecycle.steps;

import java.util.List;
import java.util.Optional;

/**
 * What preflight learned about a host in one SSH round trip.
 *
 * @param architecture  etcd's name for it: amd64, arm64, ...
 * @param freeKiB       free space where the data dir lives
 * @param dataDir       whether the data dir holds an etcd member, something else, or nothing
 * @param serviceState  {@code systemctl is-active etcd} (active, inactive, failed, unknown)
 * @param listeners     "address:port process" for whatever listens on 2379/2380
 * @param envFile       the current /etc/etcd.env, if any
 * @param addresses     the host's own IP addresses ({@code ip -o addr}); empty when the host could not say
 * @param unitEnabled   {@code systemctl is-enabled etcd} (enabled, disabled, ...; empty when there is no unit)
 * @param unpacksZstd   the host has {@code zstd} and GNU tar, so it can be sent the release's zstd repack (0062)
 */
public record HostFacts(String architecture, String os, long freeKiB, DataDirState dataDir, String serviceState,
                        List<String> listeners, Optional<String> envFile, List<String> addresses,
                        String unitEnabled, boolean unpacksZstd) {

    public enum DataDirState { EMPTY, MEMBER, OTHER }

    public HostFacts {
        listeners = List.copyOf(listeners);
        addresses = List.copyOf(addresses);
    }

    /** Facts without the host's tools (not read): it is sent the gzip tarball. */
    public HostFacts(String architecture, String os, long freeKiB, DataDirState dataDir, String serviceState,
                     List<String> listeners, Optional<String> envFile, List<String> addresses,
                     String unitEnabled) {
        this(architecture, os, freeKiB, dataDir, serviceState, listeners, envFile, addresses, unitEnabled, false);
    }

    /** Facts without the unit's enablement (not read). */
    public HostFacts(String architecture, String os, long freeKiB, DataDirState dataDir, String serviceState,
                     List<String> listeners, Optional<String> envFile, List<String> addresses) {
        this(architecture, os, freeKiB, dataDir, serviceState, listeners, envFile, addresses, "");
    }

    /** Facts without the host's addresses (not read). */
    public HostFacts(String architecture, String os, long freeKiB, DataDirState dataDir, String serviceState,
                     List<String> listeners, Optional<String> envFile) {
        this(architecture, os, freeKiB, dataDir, serviceState, listeners, envFile, List.of());
    }

    public boolean etcdActive() {
        return UnitState.of(serviceState).running();
    }
}
