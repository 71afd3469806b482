package dev.quorum.app.renew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.lifecycle.renew.RenewalRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
}
