package dev.quorum.app.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.certificates.CertificatesViewModel;
import dev.quorum.app.shell.ShellActions;
import dev.quorum.core.intent.Intent;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which wizard the recover wizard's "Open its wizard" reaches for each intent a diagnosis recommends. */
class IntentWizardsTest {
    private final List<String> calls = new ArrayList<>();
    private final ShellActions shell = (ShellActions) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ShellActions.class}, (proxy, method, args) -> {
                calls.add(method.getName() + (method.getName().equals("renewCertificates") ? " " + args[1] : ""));
                return null;
            });
    private final IntentWizards wizards = new IntentWizards(shell, null);

    @Test
    void aRenewalOpensTheRenewWizardWithTheCertificatesTabsWarningWindow() {
        assertThat(wizards.opens(new Intent.RenewCertificates())).isTrue();

        wizards.open(new Intent.RenewCertificates());

        assertThat(calls).containsExactly("renewCertificates " + CertificatesViewModel.DEFAULT_WARN_DAYS);
    }

    @Test
    void anExpiredCasReplacementOpensTheRenewWizardWithTheRotationChosen() {
        assertThat(wizards.opens(new Intent.RotateCa())).isTrue();

        wizards.open(new Intent.RotateCa());

        assertThat(calls).containsExactly("rotateCa");
    }

    @Test
    void aCommandForTheOperatorOpensNoWizard() {
        assertThat(wizards.opens(new Intent.Manual("df -h /var/lib/etcd   # on lab3"))).isFalse();
        assertThat(wizards.opens(new Intent.Recover())).as("recover goes on in its own wizard").isFalse();
    }
}
