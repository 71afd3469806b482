package dev.quorum.core.lifecycle.recover;

import static dev.quorum.core.lifecycle.recover.ClassifierFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.intent.Intent;
import dev.quorum.core.inventory.EtcdMember;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The classification of members whose certificates or CA expired (decision 0074): pure logic, no hosts. */
class ClassifierCertificatesTest {
    @Test
    void quorumLostToAnExpiredCaPointsToItsReplacementNotARenewalNorARestore() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        for (EtcdMember m : THREE) {
            String id = "a" + m.hostName().charAt(1);
            changed.put(m.hostName(), withExpiredCa(report(m, "active", Optional.of(status(id, CLUSTER, "0", 100)),
                    reachAll(m), DataDirState.PRESENT, List.of()), m.hostName()));
        }

        Diagnosis d = classify(changed);

        assertThat(d.verdict()).isEqualTo(Verdict.QUORUM_LOST);
        assertThat(d.member("h1").orElseThrow().problems()).extracting(Problem::kind)
                .startsWith(ProblemKind.CA_EXPIRED, ProblemKind.CERT_EXPIRED);
        assertThat(d.member("h1").orElseThrow().problems().get(0).text())
                .isEqualTo("CA expired: /etc/ssl/etcd/ssl/ca.pem (expired Nov 30 09:40:00 2026 GMT)");
        assertThat(d.quorumReturn()).isEmpty();
        assertThat(d.sentence()).endsWith("the CA expired on h1, h2 and h3: quorum certs rotate-ca replaces it on "
                + "every member at once, and quorum returns with every write");
        assertThat(d.actions()).first().satisfies(a -> {
            assertThat(a.intent()).isEqualTo(new Intent.RotateCa());
            assertThat(a.command()).isEqualTo("quorum certs rotate-ca -i hosts.yaml");
        });
        assertThat(d.actions()).extracting(RecommendedAction::intent).as("a renewal signs with the expired CA")
                .doesNotContain(new Intent.RenewCertificates(), new Intent.Recover());
        assertThatThrownBy(() -> QuorumGuardStep.requireQuorum(d, "hosts.yaml")).as("recover refuses, pointing there")
                .isInstanceOfSatisfying(RecoveryException.class, e -> assertThat(e.hint())
                        .startsWith("nothing was changed").endsWith(": quorum certs rotate-ca -i hosts.yaml"));
    }

    @Test
    void stoppedMembersWhoseCaExpiredAreNotCountedToBringQuorumBack() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        for (EtcdMember m : THREE) {
            changed.put(m.hostName(), withExpiredCa(report(m, "inactive", Optional.empty(), Map.of(),
                    DataDirState.PRESENT, List.of()), m.hostName()));
        }

        Diagnosis d = classify(changed);

        assertThat(d.quorumReturn()).as("a start cannot help while every peer refuses every other").isEmpty();
        assertThat(d.actions()).extracting(RecommendedAction::intent).first().isEqualTo(new Intent.RotateCa());
        assertThat(d.actions()).extracting(RecommendedAction::intent).doesNotContain(new Intent.Recover());
    }

    @Test
    void quorumLostToExpiredCertificatesPointsToARenewalNotARestore() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        for (EtcdMember m : THREE) {
            String id = "a" + m.hostName().charAt(1);
            changed.put(m.hostName(), withExpired(report(m, "active", Optional.of(status(id, CLUSTER, "0", 100)),
                    reachAll(m), DataDirState.PRESENT, List.of()), m.hostName()));
        }

        Diagnosis d = classify(changed);

        assertThat(d.verdict()).isEqualTo(Verdict.QUORUM_LOST);
        assertThat(d.member("h1").orElseThrow().problems()).extracting(Problem::kind)
                .startsWith(ProblemKind.CERT_EXPIRED);
        assertThat(d.member("h1").orElseThrow().problems().get(0).text()).isEqualTo("certificate expired: "
                + "/etc/ssl/etcd/ssl/member-h1.pem (expired Nov 30 09:43:35 2026 GMT)");
        assertThat(d.quorumReturn()).isEmpty();
        assertThat(d.sentence()).endsWith("certificates expired on h1, h2 and h3: quorum certs renew re-issues them, "
                + "and quorum returns with every write");
        assertThat(d.actions()).first().satisfies(a -> {
            assertThat(a.intent()).isEqualTo(new Intent.RenewCertificates());
            assertThat(a.command()).isEqualTo("quorum certs renew -i hosts.yaml");
        });
        assertThatThrownBy(() -> QuorumGuardStep.requireQuorum(d, "hosts.yaml")).as("recover refuses, pointing there")
                .isInstanceOfSatisfying(RecoveryException.class, e -> assertThat(e.hint())
                        .startsWith("nothing was changed").endsWith(": quorum certs renew -i hosts.yaml"));
    }

    @Test
    void stoppedMembersWhoseCertificatesExpiredAreNotCountedToBringQuorumBack() {
        Map<String, HostReport> changed = new LinkedHashMap<>();
        for (EtcdMember m : THREE) {
            changed.put(m.hostName(), withExpired(report(m, "inactive", Optional.empty(), Map.of(),
                    DataDirState.PRESENT, List.of()), m.hostName()));
        }

        Diagnosis d = classify(changed);

        assertThat(d.verdict()).isEqualTo(Verdict.QUORUM_LOST);
        assertThat(d.quorumReturn()).as("a start cannot help while their peers refuse them").isEmpty();
        assertThat(d.actions()).extracting(RecommendedAction::intent).first().isEqualTo(new Intent.RenewCertificates());
        assertThat(d.actions()).extracting(RecommendedAction::intent).doesNotContain(new Intent.Recover());
    }

    @Test
    void aServingMemberWhoseCertificateExpiredIsDegradedWithARenewalFirst() {
        Diagnosis d = classify(Map.of("h3", withExpired(healthy(THREE.get(2)), "h3")));

        assertThat(d.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(d.sentence()).isEqualTo("h3's certificate expired: /etc/ssl/etcd/ssl/member-h3.pem (expired Nov 30 "
                + "09:43:35 2026 GMT); the cluster still has quorum (tolerates 1 more failure); certificates expired "
                + "on h3: quorum certs renew re-issues them");
        assertThat(d.actions()).extracting(RecommendedAction::intent).containsExactly(new Intent.RenewCertificates());
    }
}
