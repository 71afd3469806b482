package dev.quorum.core.certinventory;

import dev.quorum.core.remote.RemoteHost;

/** How the inventory reaches a host by its inventory name (a cluster session's connections). */
@FunctionalInterface
public interface HostAccess {
    RemoteHost remote(String hostName) throws Exception;
}
