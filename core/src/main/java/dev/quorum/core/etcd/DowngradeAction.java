package dev.quorum.core.etcd;

import java.util.Locale;

/** etcd's downgrade calls ({@code etcdctl downgrade validate|enable|cancel}), named as its API names them. */
public enum DowngradeAction {
    VALIDATE, ENABLE, CANCEL;

    /** The etcdctl command it stands for: "etcdctl downgrade enable 3.5", "etcdctl downgrade cancel". */
    public String etcdctl(String version) {
        return "etcdctl downgrade " + name().toLowerCase(Locale.ROOT) + (this == CANCEL ? "" : " " + version);
    }
}
