package dev.quorum.app.cli;

import picocli.CommandLine.Option;

/** --update-apiservers, shared by the commands that change the members (add, remove, replace, restore). */
final class ApiserverOptions {
    @Option(names = "--update-apiservers",
            description = "Once the change succeeded, set kube-apiserver's --etcd-servers to the new members in "
                    + "/etc/kubernetes/manifests/kube-apiserver.yaml on each control plane (kube_control_plane), "
                    + "one at a time, with a backup and a wait for /livez/etcd (as quorum apiservers update).")
    boolean update;
}
