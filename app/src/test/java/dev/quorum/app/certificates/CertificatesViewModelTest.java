package dev.quorum.app.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.common.SynchronousTaskExecutor;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.pki.CertificateDetails;
import dev.quorum.core.pki.CertificateProblem;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.CertificateRole;
import dev.quorum.core.pki.ProblemCode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The tab's logic on hand-made inventory records: order, filter, days left in words, placeholders. */
class CertificatesViewModelTest {
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    static CertificateRecord record(String host, String file, long daysLeft, CertificateProblem... problems) {
        CertificateDetails details = new CertificateDetails("CN=etcd-member-" + host, List.of(host, "198.19.77.11"),
                "CN=etcd-ca", "1A", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(daysLeft)), daysLeft,
                "RSA 2048", "AA:BB", false);
        return new CertificateRecord(host, "/etc/ssl/etcd/ssl/" + file, CertificateRole.ofFileName(file), List.of(),
                Optional.of(details), Optional.of("/etc/ssl/etcd/ssl/" + file.replace(".pem", "-key.pem")),
                List.of(problems));
    }

    static CertificateProblem problem(ProblemCode code, String message) {
        return new CertificateProblem(code, message);
    }

    static InventoryReport report(CertificateRecord... records) {
        return new InventoryReport(List.of(records), Map.of(), "/home/me/.quorum/clusters/lab/pki/ca.pem");
    }

    static CertificatesViewModel model(CertificateSource source) {
        return new CertificatesViewModel(new SynchronousTaskExecutor(), source, "lab", true);
    }

    @Test
    void problemsComeFirstThenTheFewestDaysLeft() {
        CertificatesViewModel model = model(warn -> report(
                record("lab1", "member-lab1.pem", 700),
                record("lab2", "member-lab2.pem", 12, problem(ProblemCode.EXPIRING, "expires in 12 days")),
                record("lab3", "admin-lab3.pem", 300),
                record("lab2", "admin-lab2.pem", 500, problem(ProblemCode.KEY_PERMISSIONS, "key is mode 644")),
                record("lab1", "ca.pem", 3000, problem(ProblemCode.CA_KEY_ON_HOST, "the CA key is on the host"))));
        model.shown();

        assertThat(model.rows()).extracting(r -> r.host() + " " + r.fileName()).containsExactly(
                "lab2 admin-lab2.pem", "lab2 member-lab2.pem", "lab3 admin-lab3.pem", "lab1 member-lab1.pem",
                "lab1 ca.pem");
        assertThat(model.rows()).extracting(CertificateRow::severityText)
                .containsExactly("Error", "Warning", "OK", "OK", "Note");
        assertThat(model.rows().get(0).problems()).isEqualTo("key is mode 644");
        assertThat(model.rows().get(1).daysLeftText()).isEqualTo("12 days");
        assertThat(model.rows().get(1).notAfter()).isEqualTo("2026-12-13");
        assertThat(model.rows().get(1).sans()).isEqualTo("lab2, 198.19.77.11");
        assertThat(model.summaryProperty().get()).isEqualTo("5 certificates, 2 with problems; checked against the CA "
                + "in /home/me/.quorum/clusters/lab/pki/ca.pem");
    }

    @Test
    void problemsOnlyKeepsErrorsAndWarningsNotNotes() {
        CertificatesViewModel model = model(warn -> report(
                record("lab1", "member-lab1.pem", 700),
                record("lab1", "ca.pem", 3000, problem(ProblemCode.CA_KEY_ON_HOST, "the CA key is on the host")),
                record("lab2", "member-lab2.pem", -3, problem(ProblemCode.EXPIRED, "expired 3 days ago"))));
        model.shown();
        model.problemsOnlyProperty().set(true);

        assertThat(model.rows()).extracting(CertificateRow::host).containsExactly("lab2");
        assertThat(model.rows().get(0).daysLeftText()).isEqualTo("expired 3 days ago");
        model.problemsOnlyProperty().set(false);
        assertThat(model.rows()).hasSize(3);
    }

    @Test
    void noProblemsWithTheFilterOnSaysSoInsteadOfAnEmptyTable() {
        CertificatesViewModel model = model(warn -> report(record("lab1", "member-lab1.pem", 700)));
        model.shown();
        model.problemsOnlyProperty().set(true);

        assertThat(model.rows()).isEmpty();
        assertThat(model.placeholderProperty().get()).isEqualTo("No certificate has a problem.");
    }

    @Test
    void daysLeftInWords() {
        assertThat(DaysLeft.words(Optional.of(1L))).isEqualTo("1 day");
        assertThat(DaysLeft.words(Optional.of(0L))).isEqualTo("expires today");
        assertThat(DaysLeft.words(Optional.of(-1L))).isEqualTo("expired 1 day ago");
        assertThat(DaysLeft.words(Optional.empty())).isEmpty();
    }

    @Test
    void readsOnFirstShowOnlyThenOnRefreshAndAgainWhenTheWarnDaysChange() {
        AtomicInteger reads = new AtomicInteger();
        List<Duration> windows = new ArrayList<>();
        CertificatesViewModel model = model(warn -> {
            reads.incrementAndGet();
            windows.add(warn);
            return report(record("lab1", "member-lab1.pem", 700));
        });
        assertThat(model.stateProperty().get()).isEqualTo(LoadState.NOT_LOADED);
        assertThat(model.placeholderProperty().get()).startsWith("Not read yet");
        assertThat(reads).hasValue(0);

        model.shown();
        model.shown();
        assertThat(reads).as("the tab shown again does not read again").hasValue(1);
        model.refresh();
        assertThat(reads).hasValue(2);
        model.warnDaysProperty().set(60);
        assertThat(reads).hasValue(3);
        assertThat(windows).containsExactly(Duration.ofDays(30), Duration.ofDays(30), Duration.ofDays(60));
        assertThat(CertificatesViewModel.DEFAULT_WARN_DAYS).as("the CLI's --warn-days default").isEqualTo(30);
        model.dispose();
        model.refresh();
        assertThat(reads).as("a run ending after the cluster was closed reads nothing").hasValue(3);
    }

    @Test
    void aWarnDaysChangeDuringAReadReadsOnceMoreAfterIt() {
        List<Duration> windows = new ArrayList<>();
        List<Runnable> pending = new ArrayList<>();
        dev.quorum.app.common.TaskExecutor held = new dev.quorum.app.common.TaskExecutor() {
            @Override
            public <T> Cancellable submit(java.util.concurrent.Callable<T> work,
                                          java.util.function.Consumer<? super T> onSuccess,
                                          java.util.function.Consumer<? super Throwable> onError) {
                pending.add(() -> {
                    try {
                        onSuccess.accept(work.call());
                    } catch (Exception e) {
                        onError.accept(e);
                    }
                });
                return () -> { };
            }

            @Override
            public void onUiThread(Runnable action) {
                action.run();
            }

            @Override
            public void shutdown() {
            }
        };
        CertificatesViewModel model = new CertificatesViewModel(held, warn -> {
            windows.add(warn);
            return report(record("lab1", "member-lab1.pem", 700));
        }, "lab", true);
        model.shown();
        assertThat(model.stateProperty().get()).isEqualTo(LoadState.LOADING);
        assertThat(model.placeholderProperty().get()).startsWith("Reading the certificates of every etcd host of lab");
        model.warnDaysProperty().set(90);
        model.refresh();
        assertThat(pending).as("one read at a time").hasSize(1);

        pending.remove(0).run();
        assertThat(pending).as("read once more for the new window").hasSize(1);
        pending.remove(0).run();
        assertThat(windows).containsExactly(Duration.ofDays(30), Duration.ofDays(90));
        assertThat(model.stateProperty().get()).isEqualTo(LoadState.LOADED);
        assertThat(pending).isEmpty();
    }

    @Test
    void withoutTheWorkstationCaThePlaceholderSaysToAdopt() {
        CertificatesViewModel model = model(warn -> {
            throw new NoWorkstationCaException("lab", Path.of("/inv/hosts.yaml"));
        });
        model.shown();

        assertThat(model.stateProperty().get()).isEqualTo(LoadState.NO_CA);
        assertThat(model.canRenew()).isFalse();
        assertThat(model.placeholderProperty().get()).contains("the CA of cluster lab is not on this workstation")
                .contains("Adopt this cluster...").contains("quorum adopt -i /inv/hosts.yaml;");
    }

    @Test
    void aFailedReadSaysWhyAndAnUnreadHostIsNamed() {
        CertificatesViewModel failing = model(warn -> {
            throw new IllegalStateException("lab2: connection refused");
        });
        failing.shown();
        assertThat(failing.stateProperty().get()).isEqualTo(LoadState.FAILED);
        assertThat(failing.placeholderProperty().get())
                .isEqualTo("Could not read the certificates: lab2: connection refused");

        CertificatesViewModel partial = model(warn -> new InventoryReport(List.of(record("lab1", "member-lab1.pem",
                700)), Map.of("lab2", "connection refused"), InventoryReport.UNKNOWN_CA));
        partial.shown();
        assertThat(partial.summaryProperty().get()).isEqualTo("1 certificates, no problems; no cluster CA found, "
                + "issuers not checked; lab2 not read (connection refused)");
    }

    @Test
    void theSandboxIsNotReadAndSaysWhy() {
        AtomicInteger reads = new AtomicInteger();
        CertificatesViewModel model = new CertificatesViewModel(new SynchronousTaskExecutor(), warn -> {
            reads.incrementAndGet();
            return report();
        }, "sandbox", false);
        model.shown();
        model.refresh();

        assertThat(reads).hasValue(0);
        assertThat(model.stateProperty().get()).isEqualTo(LoadState.NOT_SSH);
        assertThat(model.placeholderProperty().get()).startsWith("Certificates are shown for SSH clusters.");
    }
}
