package dev.quorum.app.cli;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.lifecycle.apiservers.ApiserverPlans;
import picocli.CommandLine.Command;

@Command(name = "update", description = {
        "Set kube-apiserver's --etcd-servers to the inventory's etcd members on each control plane "
                + "(kube_control_plane) that has /etc/kubernetes/manifests/kube-apiserver.yaml.",
        "One control plane at a time: a copy in /etc/kubernetes/quorum-backups first, only that flag edited, then a "
                + "wait for https://127.0.0.1:6443/livez/etcd; if it does not come back, the copy is put back and "
                + "the run stops. Already right: ok, nothing changes. A control plane not reached fails the run."})
final class ApiserversUpdateCommand extends ClusterChangeCommand {
    @Override
    public Integer call() {
        try (ClusterSession session = cluster.openExisting()) {
            return ApiserverExecution.run(session, ApiserverPlans.forMembers(session.inventory().etcdMembers()),
                    change, out());
        }
    }
}
