package dev.quorum.core.certinventory;

import dev.quorum.core.etcd.EnvFile;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.Inventory;
import dev.quorum.core.pki.CertFile;
import dev.quorum.core.pki.CertificateInspector;
import dev.quorum.core.pki.CertificateRecord;
import dev.quorum.core.pki.EtcdTlsSettings;
import dev.quorum.core.pki.PemCodec;
import dev.quorum.core.pki.PkiException;
import dev.quorum.core.pki.ProblemCode;
import dev.quorum.core.remote.FanOut;
import dev.quorum.core.remote.Outcome;
import dev.quorum.core.remote.RemoteHost;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads every certificate and key of {@code etcd_cert_dir} and those the cluster's env file names
 * ({@code /etc/etcd.env}, or {@code /etc/etcd-events.env} for the events cluster) on every etcd host and every Kubernetes host (two read-only SSH round trips per host, hosts in parallel),
 * plus the workstation's CA store, and inspects them against the cluster CA. A Kubernetes host's
 * {@code node-HOST.pem} is always looked for, so a missing one is listed (decision 0029).
 */
public final class CertificateInventory {
    public static final String WORKSTATION = "workstation";
    private static final int PARALLELISM = 8;

    private final Inventory inventory;
    private final HostAccess hosts;
    private final Duration warn;
    private final Clock clock;

    public CertificateInventory(Inventory inventory, HostAccess hosts, Duration warn, Clock clock) {
        this.inventory = inventory;
        this.hosts = hosts;
        this.warn = warn;
        this.clock = clock;
    }

    /** What one host holds, before inspection. */
    public record HostFilesRead(List<CertFile> files, EtcdTlsSettings settings) {
    }

    /**
     * @param workstation the files of the workstation's CA store, if it has one; its CA is then the
     *                    cluster CA, else the CA file of the first etcd host that can be read is
     */
    public InventoryReport collect(Optional<WorkstationStore> workstation) {
        List<String> names = new ArrayList<>(inventory.etcdMembers().stream().map(EtcdMember::hostName).toList());
        names.addAll(inventory.kubernetesOnlyHosts());
        Map<String, Outcome<HostFilesRead>> read = FanOut.forEach(names, PARALLELISM,
                host -> read(host, expectedNodeCertificate(host)));
        Map<String, String> unreachable = new LinkedHashMap<>();
        read.forEach((host, outcome) -> {
            if (!outcome.ok()) {
                unreachable.put(host, String.valueOf(outcome.error().getMessage()));
            }
        });
        String caSource = InventoryReport.UNKNOWN_CA;
        List<X509Certificate> clusterCa = List.of();
        if (workstation.isPresent()) {
            clusterCa = workstation.get().caCertificates();
            caSource = workstation.get().directory() + "/ca.pem";
        } else {
            for (var entry : read.entrySet()) {
                Optional<List<X509Certificate>> found = entry.getValue().ok()
                        ? hostCa(entry.getValue().value()) : Optional.empty();
                if (found.isPresent()) {
                    clusterCa = found.get();
                    caSource = entry.getKey() + ":" + caPath(entry.getValue().value().settings());
                    break;
                }
            }
        }
        CertificateInspector inspector = new CertificateInspector(clusterCa, CertificateIdentities.of(inventory),
                warn, clock);
        List<CertificateRecord> records = new ArrayList<>();
        workstation.ifPresent(store -> records.addAll(withoutCaKeyNote(
                inspector.inspect(WORKSTATION, store.files(), EtcdTlsSettings.none()))));
        read.forEach((host, outcome) -> {
            if (outcome.ok()) {
                records.addAll(inspector.inspect(host, outcome.value().files(), outcome.value().settings()));
            }
        });
        return new InventoryReport(records, unreachable, caSource);
    }

    /** The files of one host: /etc/etcd.env first, to learn which files etcd uses. */
    public HostFilesRead read(String host) throws Exception {
        return read(host, List.of());
    }

    /** A Kubernetes host's own node certificate: looked for even when missing. */
    private List<String> expectedNodeCertificate(String host) {
        return inventory.kubernetesHosts().contains(host)
                ? List.of(inventory.etcd().certDir() + "/node-" + host + ".pem") : List.of();
    }

    private HostFilesRead read(String host, List<String> expected) throws Exception {
        RemoteHost remote = hosts.remote(host);
        String envFile = inventory.layout().envFile(); // /etc/etcd.env, or the events cluster's (decision 0038)
        String env = remote.run("cat " + envFile + " 2>/dev/null || true").requireOk("read " + envFile).stdout();
        EtcdTlsSettings settings = EtcdTlsSettings.of(EnvFile.parse(env).values());
        String dir = inventory.etcd().certDir();
        List<String> paths = new ArrayList<>(settings.allPaths());
        expected.stream().filter(p -> !paths.contains(p)).forEach(paths::add);
        String output = remote.run(CertFilesScript.script(dir, paths))
                .requireOk("read the certificates in " + dir).stdout();
        return new HostFilesRead(CertFilesScript.parse(output, dir), settings);
    }

    private String caPath(EtcdTlsSettings settings) {
        return settings.trustedCa().orElse(inventory.etcd().certDir() + "/ca.pem");
    }

    private Optional<List<X509Certificate>> hostCa(HostFilesRead host) {
        String path = caPath(host.settings());
        return host.files().stream().filter(f -> f.path().equals(path) && f.exists()).findFirst().flatMap(f -> {
            try {
                return Optional.of(PemCodec.parseCertificates(f.content().get()));
            } catch (PkiException e) {
                return Optional.empty();
            }
        });
    }

    /** The workstation is where the CA key belongs. */
    private static List<CertificateRecord> withoutCaKeyNote(List<CertificateRecord> records) {
        return records.stream().map(r -> new CertificateRecord(r.host(), r.path(), r.role(), r.usedBy(), r.details(),
                r.keyPath(), r.problems().stream().filter(p -> p.code() != ProblemCode.CA_KEY_ON_HOST)
                .toList())).toList();
    }
}
