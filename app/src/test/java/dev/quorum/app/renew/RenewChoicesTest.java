package dev.quorum.app.renew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.lifecycle.renew.RenewalRequest;
import dev.quorum.core.lifecycle.renew.RotateCaRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The renew page's choices become the request {@code quorum certs renew [--member H] [--all]} makes. */
class RenewChoicesTest {

    @Test
    void defaultsToEveryMemberAndOnlyCertificatesWithProblems() {
        RenewChoices choices = new RenewChoices(List.of("lab1", "lab2", "lab3"), 30);

        assertThat(choices.targets()).containsExactly(RenewChoices.ALL_MEMBERS, "lab1", "lab2", "lab3");
        assertThat(choices.request()).isEqualTo(new RenewalRequest(Optional.empty(), false, Duration.ofDays(30)));
    }

    @Test
    void oneMemberAndEveryCertificateIsMemberAndAll() {
        RenewChoices choices = new RenewChoices(List.of("lab1", "lab2"), 45);
        choices.targetProperty().set("lab2");
        choices.everyCertificateProperty().set(true);

        assertThat(choices.request()).isEqualTo(new RenewalRequest(Optional.of("lab2"), true, Duration.ofDays(45)));
    }

    @Test
    void aRotationAcceptsCuttingOffOnlyTheKubernetesHostsTicked() {
        RotationChoices rotation = new RotationChoices(List.of("cp1", "w1", "w2"));

        assertThat(rotation.rotateProperty().get()).as("renewal, not rotation, by default").isFalse();
        assertThat(rotation.request()).isEqualTo(new RotateCaRequest(false, Set.of()));
        rotation.acceptProperty("w2").set(true);
        assertThat(rotation.request()).isEqualTo(new RotateCaRequest(false, Set.of("w2")));
    }
}
