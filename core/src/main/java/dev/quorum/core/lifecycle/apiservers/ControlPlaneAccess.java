package dev.quorum.core.lifecycle.apiservers;

import dev.quorum.core.remote.RemoteHost;

/** How the steps reach a control plane: the cluster session's SSH connections (a plan is built without connecting). */
@FunctionalInterface
public interface ControlPlaneAccess {
    RemoteHost remote(String host) throws Exception;
}
