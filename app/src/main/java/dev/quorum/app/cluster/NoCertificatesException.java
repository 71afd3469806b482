package dev.quorum.app.cluster;

import dev.quorum.core.ActionableError;
import java.nio.file.Path;

/** The cluster's CA is not on this workstation, so Quorum cannot talk TLS to its etcd. */
public final class NoCertificatesException extends RuntimeException implements ActionableError {
    private final Path inventory;

    public NoCertificatesException(String cluster, Path inventory) {
        super("no certificates for cluster " + cluster + " on this workstation");
        this.inventory = inventory;
    }

    @Override
    public String hint() {
        return "install it first (Install..., or quorum install -i " + inventory + "); if Kubespray installed it, "
                + "adopt it (Adopt this cluster..., or quorum adopt -i " + inventory + ")";
    }
}
