package dev.quorum.core.lifecycle.steps;

import java.util.List;

/**
 * A Kubernetes host's etcd client files, with Kubespray's names ({@code gen_nodes_certs_script.yml}): the CA,
 * {@code node-HOST.pem} and its key in {@code etcd_cert_dir}. Kubespray writes them 0640 in a 0700 directory,
 * owned by {@code kube} (group {@code etcd_cert_group}, root); Quorum keeps the key at 0600, as it does the
 * members' keys, and the CA at 0644 as on the members.
 */
public record NodeFiles(String caFile, String certificateFile, String keyFile) {
    public static final String DIR_MODE = "0700";
    public static final String CA_MODE = "0644";
    public static final String CERT_MODE = "0640";
    public static final String KEY_MODE = "0600";
    /** Kubespray's {@code kube_owner}; where the host has no such user the files stay root's. */
    public static final String KUBESPRAY_OWNER = "kube";
    /** Kubespray's {@code etcd_cert_group} default. */
    public static final String GROUP = "root";

    public static NodeFiles of(String certDir, String host) {
        return new NodeFiles(certDir + "/ca.pem", certDir + "/node-" + host + ".pem",
                certDir + "/node-" + host + "-key.pem");
    }

    public List<String> all() {
        return List.of(caFile, certificateFile, keyFile);
    }
}
