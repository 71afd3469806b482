package dev.quorum.app.labtest;

import dev.quorum.lab.EtcdTarball;
import java.util.LinkedHashMap;
import java.util.Map;

/** The inventory variables that make Quorum install an etcd tarball of the lab's, for every lab test's inventory. */
public final class EtcdVars {
    private EtcdVars() {
    }

    /** etcd_version, etcd_download_url and etcd_binary_checksum of {@code tarball}, in that order; a map to add to. */
    public static Map<String, Object> of(EtcdTarball tarball) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("etcd_version", tarball.version());
        vars.put("etcd_download_url", tarball.uri().toString());
        vars.put("etcd_binary_checksum", tarball.sha256());
        return vars;
    }
}
