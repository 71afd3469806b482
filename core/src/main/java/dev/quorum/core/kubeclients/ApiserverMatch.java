package dev.quorum.core.kubeclients;

/** Whether a host's kube-apiserver manifest lists the etcd members. */
public enum ApiserverMatch {
    /** {@code --etcd-servers} lists exactly the members (in any order). */
    MATCHES,
    /** It lists other servers: {@code quorum apiservers update} would change it. */
    DIFFERS,
    /** The manifest's flag cannot be read (absent or given twice). */
    UNREADABLE,
    /** A control plane without {@code /etc/kubernetes/manifests/kube-apiserver.yaml}. */
    NO_MANIFEST,
    /** A node: no kube-apiserver there. */
    NOT_A_CONTROL_PLANE,
    /** Not reached: unknown. */
    UNKNOWN
}
