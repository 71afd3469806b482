package dev.quorum.app.cli;

import dev.quorum.app.labtest.EtcdVars;
import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.ExecResult;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the CLI lab tests share beside {@link CliLabCluster}: the etcd variables of a tarball, etcdctl, a CLI run. */
final class CliLab {
    private CliLab() {
    }

    /** The inventory variables that install {@code tarball}: etcd_version, etcd_download_url, etcd_binary_checksum. */
    static Map<String, Object> etcdVars(EtcdTarball tarball) {
        return EtcdVars.of(tarball);
    }

    /** The lines of an INI inventory's [all:vars] that install {@code tarball}, with the lab's election timeout. */
    static String iniEtcdVars(EtcdTarball tarball) {
        StringBuilder lines = new StringBuilder();
        etcdVars(tarball).forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
        return lines.append("etcd_election_timeout=").append(Lab.ELECTION_MILLIS).append('\n').toString();
    }

    /** A host's line in an INI inventory's [all]: its address, root and the lab's key. */
    static String iniHost(Lab lab, LabHost host) {
        return host.name() + " ansible_host=" + host.address() + " ip=" + host.address()
                + " ansible_user=root ansible_ssh_private_key_file=" + lab.privateKey() + "\n";
    }

    /** etcdctl on the lab's first host with its admin certificate, against one cluster's member on loopback. */
    static ExecResult etcdctl(Lab lab, int port, String args) {
        LabHost host = lab.host(0);
        String ssl = "/etc/ssl/etcd/ssl/";
        return host.exec("ETCDCTL_API=3 /usr/local/bin/etcdctl --endpoints=https://127.0.0.1:" + port
                + " --cacert=" + ssl + "ca.pem --cert=" + ssl + "admin-" + host.name() + ".pem --key=" + ssl + "admin-"
                + host.name() + "-key.pem " + args);
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
