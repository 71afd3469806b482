package dev.quorum.core.lifecycle.apiservers;

/** Where kubeadm and Kubespray keep kube-apiserver's static pod, and where Quorum keeps copies of it. */
public final class ApiserverFiles {
    public static final String MANIFEST = "/etc/kubernetes/manifests/kube-apiserver.yaml";

    /** Outside manifests/: kubelet runs every file there as a static pod, a backup copy included. */
    public static final String BACKUP_DIR = "/etc/kubernetes/quorum-backups";

    private ApiserverFiles() {
    }
}
