package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.pki.CertificateAuthority;
import dev.quorum.core.pki.KeyAlgorithm;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a CA file or system trust anchor must hold in each phase of a rotation. */
class CaTrustTest {
    @TempDir
    Path dir;

    @Test
    void theBundleIsRightWithBothCasAndTheEndWithoutTheOldOne() {
        CertificateAuthority old = CertificateAuthority.loadOrCreate(dir.resolve("old"), "old", KeyAlgorithm.EC_P256);
        CertificateAuthority next = CertificateAuthority.loadOrCreate(dir.resolve("new"), "new", KeyAlgorithm.EC_P256);
        CaTrust both = new CaTrust(List.of(next.certificate(), old.certificate()), List.of());
        CaTrust newOnly = new CaTrust(List.of(next.certificate()), List.of(old.certificate()));

        assertThat(both.heldBy(Optional.of(old.certificatePem()))).as("before: the old CA alone").isFalse();
        assertThat(both.heldBy(Optional.of(both.pem()))).isTrue();
        assertThat(newOnly.heldBy(Optional.of(both.pem()))).as("the old CA must be gone").isFalse();
        assertThat(newOnly.heldBy(Optional.of(newOnly.pem()))).isTrue();
        assertThat(CaTrust.of(old).heldBy(Optional.of(both.pem()))).as("install keeps a rotation's bundle").isTrue();
        assertThat(both.heldBy(Optional.of("not PEM"))).isFalse();
        assertThat(both.heldBy(Optional.empty())).isFalse();
        assertThat(List.of(both.describe(), newOnly.describe(), CaTrust.of(old).describe()))
                .containsExactly("the old and the new CA", "the new CA alone", "the cluster CA");
    }
}
