package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.ExecResult;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the CLI lab tests share: an inventory of lab hosts, an isolated Quorum home, an install. */
final class CliLab {
    private CliLab() {
    }

    /** The lab's inventory with the first {@code etcdCount} hosts in the etcd group and the lab's etcd tarball. */
    static String inventory(Lab lab, Path dir, int etcdCount) {
        return inventory(lab, dir, etcdCount, Map.of());
    }

    /** Like {@link #inventory(Lab, Path, int)}, with more inventory variables ({@code etcd_quota_backend_bytes}...). */
    static String inventory(Lab lab, Path dir, int etcdCount, Map<String, String> moreVars) {
        EtcdTarball tarball = EtcdTarball.get();
        Map<String, Object> vars = new java.util.LinkedHashMap<>(Map.of("etcd_version", tarball.version(),
                "etcd_download_url", tarball.uri().toString(), "etcd_binary_checksum", tarball.sha256()));
        vars.putAll(moreVars);
        return lab.writeInventory(dir.resolve("inventory"), vars, etcdCount).toString();
    }

    /** Points Quorum's home into {@code dir}, then installs the cluster through the CLI. */
    static void install(Path dir, String inventory, String knownHosts) {
        System.setProperty("quorum.home", dir.resolve("home").toString());
        CliContractTest.Run install = run(inventory, knownHosts, "install", "--yes");
        assertThat(install.exit()).as(install.out() + install.err()).isZero();
    }

    /** etcdctl on the lab's first host with its admin certificate, against one cluster's member on loopback. */
    static ExecResult etcdctl(Lab lab, int port, String args) {
        LabHost host = lab.host(0);
        String ssl = "/etc/ssl/etcd/ssl/";
        return host.exec("ETCDCTL_API=3 /usr/local/bin/etcdctl --endpoints=https://127.0.0.1:" + port
                + " --cacert=" + ssl + "ca.pem --cert=" + ssl + "admin-" + host.name() + ".pem --key=" + ssl + "admin-"
                + host.name() + "-key.pem " + args);
    }

    static void clearHome() {
        System.clearProperty("quorum.home");
    }

    /**
     * {@code quorum WORDS... -i INVENTORY --known-hosts FILE}: the options go last so that they
     * reach a subcommand ({@code certs renew}, {@code snapshot save}).
     */
    static CliContractTest.Run run(String inventory, String knownHosts, String... words) {
        List<String> all = new ArrayList<>(List.of(words));
        all.addAll(List.of("-i", inventory, "--known-hosts", knownHosts));
        return CliContractTest.run(all.toArray(String[]::new));
    }
}
