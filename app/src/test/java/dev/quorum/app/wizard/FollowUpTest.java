package dev.quorum.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.core.lifecycle.apiservers.ApiserverRequest;
import dev.quorum.core.remote.SshOptions;
import dev.quorum.core.workspace.QuorumHome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result page offers the plan's follow-up (the kube-apiserver update after a member change) only after success. */
class FollowUpTest {
    @TempDir
    Path dir;

    private WizardServices services() {
        return new WizardServices(new SynchronousTaskExecutor(), new QuorumHome(dir), SshOptions.defaults(), e -> { });
    }

    private WizardModel ran(String step, FollowUp offered) {
        WizardModelTest.Page page = new WizardModelTest.Page();
        page.complete.set(true);
        TestPlans.FixedSource fixed = new TestPlans.FixedSource(new TestPlans.MemoryStep(step));
        WizardModel wizard = new WizardModel("t", List.of(page), () -> new PlanSource() {
            @Override
            public PreparedPlan build(int part) {
                return fixed.build(part).offering(offered);
            }

            @Override
            public void close() {
                fixed.close();
            }
        }, services());
        wizard.next();
        wizard.next();
        return wizard;
    }

    private FollowUp apiservers() {
        ApiserverRequest request = new ApiserverRequest(List.of("https://10.0.0.1:2379"));
        return new FollowUp("updateApiservers", "Update kube-apiserver --etcd-servers...", "why",
                s -> ApiserversFollowUp.create(s, dir.resolve("hosts.yaml"), List.of("cp1"), request));
    }

    @Test
    void offeredAfterASuccessfulRunAndOpensTheUpdateWizard() {
        WizardModel wizard = ran("a", apiservers());

        assertThat(wizard.state()).isEqualTo(WizardState.FINISHED);
        FollowUp offered = wizard.result().followUpProperty().get();
        assertThat(offered.label()).isEqualTo("Update kube-apiserver --etcd-servers...");
        WizardModel next = wizard.followUpWizard(offered);
        assertThat(next.state()).isEqualTo(WizardState.EDITING);
        assertThat(next.canNext().get()).as("the page only explains; Next reviews the plan").isTrue();
    }

    @Test
    void notOfferedWhenTheRunFailed() {
        WizardModel wizard = ran("fail-a", apiservers());

        assertThat(wizard.state()).isEqualTo(WizardState.FAILED);
        assertThat(wizard.result().followUpProperty().get()).isNull();
    }

    @Test
    void aPlanWithoutFollowUpOffersNothing() {
        assertThat(new PreparedPlan(new TestPlans.FixedSource().plan, List.of()).followUp()).isEmpty();
    }
}
