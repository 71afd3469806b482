package dev.quorum.app.certificates;

import dev.quorum.core.ActionableException;
import java.nio.file.Path;

/** The cluster's CA is not on this workstation: the tab cannot check issuers nor renew. */
public final class NoWorkstationCaException extends ActionableException {
    public NoWorkstationCaException(String cluster, Path inventory) {
        super("the CA of cluster " + cluster + " is not on this workstation", "for a cluster Kubespray installed, "
                + "adopt it: Adopt this cluster... above the picture, or quorum adopt -i " + inventory
                + "; for a new one, Install...; then Refresh");
    }
}
