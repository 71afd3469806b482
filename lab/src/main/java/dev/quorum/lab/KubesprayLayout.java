package dev.quorum.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lays out etcd on lab hosts exactly as Kubespray v2.15's etcd role does (host deployment; for etcd 3.6 the env file
 * and etcdutl as Kubespray v2.31 has them), without
 * Quorum: make-ssl-etcd.sh's openssl calls (traditional RSA 2048 keys, 36500 days, every file on
 * every host, the CA key included, files left at 0700), its etcd.env.j2 and etcd-host.service.j2,
 * the binaries copied from the unpacked release, and every member started at once. In the lab
 * module (it knows no Quorum code) so core's and the app's adoption tests lay out the same cluster.
 */
public final class KubesprayLayout {
    public static final String SSL = "/etc/ssl/etcd/ssl";
    private static final List<String> ALT_NAMES =
            List.of("etcd.kube-system.svc.cluster.local", "etcd.kube-system.svc", "etcd.kube-system", "etcd");

    private final List<LabHost> etcd;
    private final Path work;
    private final EtcdTarball tarball;

    /** The first {@code etcdCount} lab hosts form the etcd group, as in the inventory; the lab's etcd release. */
    public KubesprayLayout(Lab lab, int etcdCount, Path work) {
        this(lab, etcdCount, work, EtcdTarball.get());
    }

    /** As above, with the release of {@code tarball} (e.g. {@code EtcdTarball.require("3.4")}). */
    public KubesprayLayout(Lab lab, int etcdCount, Path work, EtcdTarball tarball) {
        this.etcd = lab.hosts().subList(0, etcdCount);
        this.work = work;
        this.tarball = tarball;
    }

    /** Lays the cluster out and waits until it is healthy; {@code nodeHosts} get node certificates. */
    public void install(List<String> nodeHosts) throws Exception {
        Files.createDirectories(work);
        makeCertificates(nodeHosts);
        List<LabHost> hosts = etcd;
        for (int i = 0; i < hosts.size(); i++) {
            LabHost host = hosts.get(i);
            host.exec("install -d -m 0700 " + SSL).requireOk("cert dir");
            try (var files = Files.list(work)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".pem")).toList()) {
                    host.copyIn(file, SSL + "/" + file.getFileName(), "0700");
                }
            }
            host.copyIn(tarball.path(), "/tmp/releases/" + tarball.topDirectory() + ".tar.gz", "0755");
            String top = tarball.topDirectory();
            host.exec("cd /tmp/releases && tar xzf " + top + ".tar.gz && install -m 0755 " + top + "/etcd " + top
                    + "/etcdctl /usr/local/bin/ && if [ -f " + top + "/etcdutl ]; then install -m 0755 " + top
                    + "/etcdutl /usr/local/bin/; fi").requireOk("unpack etcd");
            host.writeFile("/etc/etcd.env", envFile(tarball.version(), i));
            host.writeFile("/etc/systemd/system/etcd.service", UNIT);
            host.exec("chmod 0640 /etc/etcd.env && systemctl daemon-reload && systemctl enable etcd")
                    .requireOk("enable etcd");
        }
        for (LabHost host : hosts) {
            host.exec("systemctl start --no-block etcd").requireOk("start etcd");
        }
        awaitHealthy();
    }

    /**
     * With {@code etcd_events_cluster_enabled: true}, after {@link #install}: Kubespray's etcd-events.env.j2 and
     * etcd-events-host.service.j2 (the main cluster's certificates, ports 2383/2382, /var/lib/etcd-events, members
     * {@code etcdN-events}, token k8s_events_etcd), every member started at once, then healthy.
     */
    public void installEvents() throws Exception {
        for (int i = 0; i < etcd.size(); i++) {
            LabHost host = etcd.get(i);
            host.writeFile("/etc/etcd-events.env", eventsEnvFile(i));
            host.writeFile("/etc/systemd/system/etcd-events.service",
                    UNIT.replace("Description=etcd", "Description=etcd-events")
                            .replace("/etc/etcd.env", "/etc/etcd-events.env"));
            host.exec("chmod 0640 /etc/etcd-events.env && systemctl daemon-reload && systemctl enable etcd-events")
                    .requireOk("enable etcd-events");
        }
        for (LabHost host : etcd) {
            host.exec("systemctl start --no-block etcd-events").requireOk("start etcd-events");
        }
        awaitHealthy(2383);
    }

    /**
     * roles/etcd/templates/etcd-events.env.j2: etcd.env.j2's settings (3.6 form) on the events cluster's ports, data
     * dir, token and {@code -events} member names, with the same certificate files and no etcdctl lines.
     */
    private String eventsEnvFile(int index) {
        String main = envFile("3.6.0", index);
        return main.substring(main.indexOf("ETCD_DATA_DIR"), main.indexOf("# CLI settings"))
                .replace(":2379", ":2383").replace(":2380", ":2382")
                .replace("ETCD_DATA_DIR=/var/lib/etcd\n", "ETCD_DATA_DIR=/var/lib/etcd-events\n")
                .replace("=k8s_etcd\n", "=k8s_events_etcd\n")
                .replaceAll("(etcd[0-9]+)=https", "$1-events=https")
                .replaceAll("ETCD_NAME=(etcd[0-9]+)\n", "ETCD_NAME=$1-events\n");
    }

    private void awaitHealthy() throws InterruptedException {
        awaitHealthy(2379);
    }

    private void awaitHealthy(int clientPort) throws InterruptedException {
        LabHost first = etcd.get(0);
        String endpoints = etcd.stream().map(h -> "https://" + h.address() + ":" + clientPort)
                .collect(Collectors.joining(","));
        String command = "ETCDCTL_API=3 /usr/local/bin/etcdctl --endpoints=" + endpoints + " --cacert=" + SSL
                + "/ca.pem --cert=" + SSL + "/admin-" + first.name() + ".pem --key=" + SSL + "/admin-" + first.name()
                + "-key.pem endpoint health";
        String last = "";
        for (int i = 0; i < 120; i++) {
            var result = first.exec(command);
            if (result.ok()) {
                return;
            }
            last = result.stderr();
            Thread.sleep(500);
        }
        throw new AssertionError("the Kubespray-style cluster did not become healthy: " + last);
    }

    /** make-ssl-etcd.sh: one CA, member and admin certificates per etcd host, node certificates per node. */
    private void makeCertificates(List<String> nodeHosts) throws Exception {
        Files.writeString(work.resolve("openssl.conf"), opensslConf());
        openssl("genrsa", "-traditional", "-out", "ca-key.pem", "2048");
        openssl("req", "-x509", "-new", "-nodes", "-key", "ca-key.pem", "-days", "36500", "-out", "ca.pem",
                "-subj", "/CN=etcd-ca");
        for (LabHost host : etcd) {
            leaf("member", host.name());
            leaf("admin", host.name());
        }
        for (String node : nodeHosts) {
            leaf("node", node);
        }
    }

    private void leaf(String kind, String host) throws Exception {
        String name = kind + "-" + host;
        openssl("genrsa", "-traditional", "-out", name + "-key.pem", "2048");
        openssl("req", "-new", "-key", name + "-key.pem", "-out", name + ".csr", "-subj",
                "/CN=etcd-" + kind + "-" + host, "-config", "openssl.conf");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
                "-CAcreateserial", "-out", name + ".pem", "-days", "36500", "-extensions", "ssl_client",
                "-extfile", "openssl.conf");
    }

    /** The real openssl binary in the work folder, as make-ssl-etcd.sh runs it. */
    private void openssl(String... args) {
        StringBuilder command = new StringBuilder("cd ").append(Commands.quote(work.toString())).append(" && openssl");
        for (String arg : args) {
            command.append(' ').append(Commands.quote(arg));
        }
        Commands.run(List.of("/bin/bash", "-c", command.toString()), 30).requireOk("openssl " + String.join(" ", args));
    }

    /** roles/etcd/templates/openssl.conf.j2 rendered for the lab's etcd hosts. */
    private String opensslConf() {
        StringBuilder conf = new StringBuilder("""
                [req]
                req_extensions = v3_req
                distinguished_name = req_distinguished_name

                [req_distinguished_name]

                [ v3_req ]
                basicConstraints = CA:FALSE
                keyUsage = nonRepudiation, digitalSignature, keyEncipherment
                subjectAltName = @alt_names

                [ ssl_client ]
                extendedKeyUsage = clientAuth, serverAuth
                basicConstraints = CA:FALSE
                subjectKeyIdentifier=hash
                authorityKeyIdentifier=keyid,issuer
                subjectAltName = @alt_names

                [alt_names]
                DNS.1 = localhost
                """);
        List<String> dns = new ArrayList<>();
        etcd.forEach(h -> dns.add(h.name()));
        dns.addAll(ALT_NAMES);
        for (int i = 0; i < dns.size(); i++) {
            conf.append("DNS.").append(i + 2).append(" = ").append(dns.get(i)).append('\n');
        }
        List<LabHost> hosts = etcd;
        for (int i = 0; i < hosts.size(); i++) {
            conf.append("IP.").append(i + 1).append(" = ").append(hosts.get(i).address()).append('\n');
        }
        conf.append("IP.").append(hosts.size() + 1).append(" = 127.0.0.1\n");
        return conf.toString();
    }

    /**
     * roles/etcd/templates/etcd.env.j2 as v2.15 renders it at bootstrap; for etcd 3.6 and later without the
     * v2 API and proxy lines, which 3.6 removed and Kubespray v2.31 no longer writes for it.
     */
    private String envFile(String version, int index) {
        boolean legacy = !version.matches("v?3\\.([6-9]|[1-9][0-9])\\..*");
        LabHost host = etcd.get(index);
        String ip = host.address();
        String cluster = "";
        for (int i = 0; i < etcd.size(); i++) {
            cluster += (i == 0 ? "" : ",") + "etcd" + (i + 1) + "=https://" + etcd.get(i).address() + ":2380";
        }
        return "# Environment file for etcd " + version + "\n"
                + "ETCD_DATA_DIR=/var/lib/etcd\n"
                + "ETCD_ADVERTISE_CLIENT_URLS=https://" + ip + ":2379\n"
                + "ETCD_INITIAL_ADVERTISE_PEER_URLS=https://" + ip + ":2380\n"
                + "ETCD_INITIAL_CLUSTER_STATE=new\n"
                + "ETCD_METRICS=basic\n"
                + "ETCD_LISTEN_CLIENT_URLS=https://" + ip + ":2379,https://127.0.0.1:2379\n"
                + "ETCD_ELECTION_TIMEOUT=5000\n"
                + "ETCD_HEARTBEAT_INTERVAL=250\n"
                + "ETCD_INITIAL_CLUSTER_TOKEN=k8s_etcd\n"
                + "ETCD_LISTEN_PEER_URLS=https://" + ip + ":2380\n"
                + "ETCD_NAME=etcd" + (index + 1) + "\n"
                + (legacy ? "ETCD_PROXY=off\n" : "")
                + "ETCD_INITIAL_CLUSTER=" + cluster + "\n"
                + "ETCD_AUTO_COMPACTION_RETENTION=8\n"
                + "ETCD_SNAPSHOT_COUNT=10000\n"
                + (legacy ? "# Flannel need etcd v2 API\nETCD_ENABLE_V2=true\n" : "") + "\n"
                + "# TLS settings\n"
                + "ETCD_TRUSTED_CA_FILE=" + SSL + "/ca.pem\n"
                + "ETCD_CERT_FILE=" + SSL + "/member-" + host.name() + ".pem\n"
                + "ETCD_KEY_FILE=" + SSL + "/member-" + host.name() + "-key.pem\n"
                + "ETCD_CLIENT_CERT_AUTH=true\n\n"
                + "ETCD_PEER_TRUSTED_CA_FILE=" + SSL + "/ca.pem\n"
                + "ETCD_PEER_CERT_FILE=" + SSL + "/member-" + host.name() + ".pem\n"
                + "ETCD_PEER_KEY_FILE=" + SSL + "/member-" + host.name() + "-key.pem\n"
                + "ETCD_PEER_CLIENT_CERT_AUTH=True\n\n\n\n\n"
                + "# CLI settings\n"
                + "ETCDCTL_ENDPOINTS=https://127.0.0.1:2379\n"
                + "ETCDCTL_CACERT=" + SSL + "/ca.pem\n"
                + "ETCDCTL_KEY=" + SSL + "/admin-" + host.name() + "-key.pem\n"
                + "ETCDCTL_CERT=" + SSL + "/admin-" + host.name() + ".pem\n";
    }

    /** roles/etcd/templates/etcd-host.service.j2. */
    private static final String UNIT = """
            [Unit]
            Description=etcd
            After=network.target

            [Service]
            Type=notify
            User=root
            EnvironmentFile=/etc/etcd.env
            ExecStart=/usr/local/bin/etcd
            NotifyAccess=all
            Restart=always
            RestartSec=10s
            LimitNOFILE=40000

            [Install]
            WantedBy=multi-user.target
            """;
}
