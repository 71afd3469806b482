package dev.quorum.app.actions;

import dev.quorum.app.certificates.CertificatesViewModel;
import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.recover.WizardOpener;
import dev.quorum.app.shell.ShellActions;
import dev.quorum.core.intent.Intent;
import java.util.Optional;

/** The app's wizard for each intent a diagnosis recommends, on one cluster. */
final class IntentWizards implements WizardOpener {
    private final ShellActions shell;
    private final ClusterSource cluster;

    IntentWizards(ShellActions shell, ClusterSource cluster) {
        this.shell = shell;
        this.cluster = cluster;
    }

    @Override
    public boolean opens(Intent intent) {
        return intent instanceof Intent.Replace || intent instanceof Intent.Remove || intent instanceof Intent.Add
                || intent instanceof Intent.RenewCertificates || intent instanceof Intent.RotateCa
                || intent instanceof Intent.RestoreFromSnapshot
                || intent instanceof Intent.RestoreFromSurvivor;
    }

    @Override
    public void open(Intent intent) {
        if (intent instanceof Intent.Replace replace) {
            shell.replaceMember(cluster, replace.member());
        } else if (intent instanceof Intent.Remove remove) {
            shell.removeMember(cluster, remove.memberOrHost());
        } else if (intent instanceof Intent.Add) {
            shell.addMember(cluster);
        } else if (intent instanceof Intent.RenewCertificates) {
            shell.renewCertificates(cluster, CertificatesViewModel.DEFAULT_WARN_DAYS, () -> { });
        } else if (intent instanceof Intent.RotateCa) {
            shell.rotateCa(cluster, () -> { });
        } else if (opens(intent)) {
            shell.restore(cluster, Optional.empty());
        } else {
            throw new IllegalArgumentException("no wizard opens " + intent);
        }
    }
}
