package dev.quorum.app.install;

import dev.quorum.core.inventory.EtcdSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The etcd release for typed-in hosts, written to the new inventory's vars as Kubespray names
 * them. (With an inventory, its group_vars decide and the page only shows them.)
 */
public final class ReleaseSettings {
    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final StringProperty version = new SimpleStringProperty(EtcdSettings.DEFAULT_VERSION);
    private final StringProperty downloadUrl = new SimpleStringProperty("");
    private final StringProperty checksum = new SimpleStringProperty("");
    private final StringBinding versionReason = Bindings.createStringBinding(() -> VERSION.matcher(
            version.get().strip()).matches() ? "" : "Write the version as etcd tags it, e.g. " + EtcdSettings.DEFAULT_VERSION + ".", version);
    private final StringBinding checksumReason = Bindings.createStringBinding(() -> checksum.get().isBlank()
            || SHA256.matcher(checksum.get().strip()).matches() ? ""
            : "A sha256 is 64 hexadecimal digits (or leave it empty).", checksum);

    /**
     * all.vars for the written inventory. No cluster_name: to Kubespray that is the DNS domain in the
     * certificates' SANs (cluster.local); Quorum names the cluster after the inventory's folder,
     * ~/.quorum/clusters/NAME, instead.
     */
    public Map<String, Object> vars() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("etcd_version", version.get().strip());
        if (!downloadUrl.get().isBlank()) {
            vars.put("etcd_download_url", downloadUrl.get().strip());
        }
        if (!checksum.get().isBlank()) {
            vars.put("etcd_binary_checksum", checksum.get().strip().toLowerCase(java.util.Locale.ROOT));
        }
        return vars;
    }

    public StringProperty versionProperty() {
        return version;
    }

    /** Empty for the official GitHub release of the version. */
    public StringProperty downloadUrlProperty() {
        return downloadUrl;
    }

    public StringProperty checksumProperty() {
        return checksum;
    }

    public StringBinding versionReason() {
        return versionReason;
    }

    public StringBinding checksumReason() {
        return checksumReason;
    }
}
