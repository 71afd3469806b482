package dev.quorum.app.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.core.kubeclients.ApiserverMatch;
import dev.quorum.core.kubeclients.KubeClientStatus;
import dev.quorum.core.kubeclients.KubeRole;
import dev.quorum.core.kubeclients.NodeCertificateState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The tab's logic on hand-made statuses: words per host, the summary that says what to do, read once when shown. */
class KubeClientsViewModelTest {
    static KubeClientStatus controlPlane(String host, ApiserverMatch match, String value, String... problems) {
        return new KubeClientStatus(host, KubeRole.CONTROL_PLANE, Optional.empty(), Optional.of(cert(host, problems)),
                match, value);
    }

    static NodeCertificateState cert(String host, String... problems) {
        return new NodeCertificateState("/etc/ssl/etcd/ssl/node-" + host + ".pem",
                Optional.of(Instant.parse("2027-03-01T00:00:00Z")), 88, Optional.of(problems.length == 0),
                List.of(problems));
    }

    static KubeClientStatus unreached(String host) {
        return new KubeClientStatus(host, KubeRole.NODE, Optional.of("connection timed out"), Optional.empty(),
                ApiserverMatch.NOT_A_CONTROL_PLANE, "");
    }

    static List<KubeClientStatus> sample() {
        return List.of(controlPlane("cp1", ApiserverMatch.MATCHES, "https://a:2379"),
                controlPlane("cp2", ApiserverMatch.DIFFERS, "https://old:2379", "wrong-ca"), unreached("w1"));
    }

    @Test
    void rowsSayRoleReachCertificateAndTheManifestInWords() {
        KubeClientsViewModel model = new KubeClientsViewModel(new SynchronousTaskExecutor(), KubeClientsViewModelTest::sample,
                "hosts.yaml");

        model.shown();

        assertThat(model.stateProperty().get()).isEqualTo(KubeClientsViewModel.State.LOADED);
        KubeClientRow cp1 = model.rows().get(0);
        assertThat(cp1.role()).isEqualTo("control plane");
        assertThat(cp1.reach()).isEqualTo("reachable");
        assertThat(cp1.certificate()).isEqualTo("until 2027-03-01 (88 days)");
        assertThat(cp1.signedBy()).isEqualTo("cluster CA");
        assertThat(cp1.apiserver()).isEqualTo("lists the members");
        assertThat(cp1.attention()).isFalse();
        assertThat(model.rows().get(1).signedBy()).isEqualTo("NOT the cluster CA");
        assertThat(model.rows().get(1).apiserver()).isEqualTo("lists OTHER servers");
        assertThat(model.rows().get(1).attention()).isTrue();
        assertThat(model.rows().get(2).reach()).isEqualTo("NOT reached");
        assertThat(model.rows().get(2).certificate()).isEqualTo("unknown");
        assertThat(model.summaryProperty().get()).isEqualTo("3 Kubernetes hosts; 1 NOT reached (state unknown); 1 with "
                + "a node certificate problem (quorum certs -i hosts.yaml); 1 kube-apiserver listing other etcd servers "
                + "(quorum apiservers update -i hosts.yaml)");
    }

    @Test
    void readsOnceWhenFirstShownThenOnlyOnRefresh() {
        AtomicInteger reads = new AtomicInteger();
        KubeClientsViewModel model = new KubeClientsViewModel(new SynchronousTaskExecutor(), () -> {
            reads.incrementAndGet();
            return List.of(controlPlane("cp1", ApiserverMatch.MATCHES, "https://a:2379"));
        }, "hosts.yaml");

        model.shown();
        model.shown();
        assertThat(reads).hasValue(1);
        assertThat(model.summaryProperty().get()).endsWith("all reached, node certificates clean, kube-apiserver lists "
                + "the members");
        model.refresh();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReadSaysWhyInThePlaceholder() {
        KubeClientsViewModel model = new KubeClientsViewModel(new SynchronousTaskExecutor(), () -> {
            throw new IllegalStateException("inventory hosts.yaml does not exist");
        }, "hosts.yaml");

        model.refresh();

        assertThat(model.stateProperty().get()).isEqualTo(KubeClientsViewModel.State.FAILED);
        assertThat(model.placeholderProperty().get()).isEqualTo("Could not read the Kubernetes hosts: inventory "
                + "hosts.yaml does not exist");
        assertThat(model.rows()).isEmpty();
    }
}
