package dev.quorum.core.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code etcd_tls_cipher_suites}: a YAML list as in Kubespray's defaults, or one comma-separated text; each a Go
 * cipher suite name etcd accepts. Left unset, Go's own defaults apply.
 */
final class CipherSuitesReader {
    static final String NAME = "etcd_tls_cipher_suites";

    private CipherSuitesReader() {
    }

    static List<String> read(VariableScope scope) {
        List<String> suites = new ArrayList<>();
        for (String item : scope.textList(NAME)) {
            for (String part : item.split(",", -1)) {
                String suite = part.trim();
                check(scope, suite);
                if (suites.contains(suite)) {
                    throw scope.problem(NAME, "lists " + suite + " twice", "List each suite once");
                }
                suites.add(suite);
            }
        }
        if (!suites.isEmpty() && suites.stream().noneMatch(GoCipherSuites::servesEcdsa)) {
            throw scope.problem(NAME, "has no TLS_ECDHE_ECDSA_* suite, but the certificates Quorum issues have EC "
                    + "keys, so TLS 1.2 clients could not connect", "Add at least one ECDSA suite, for example "
                    + "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        }
        return suites;
    }

    private static void check(VariableScope scope, String suite) {
        if (GoCipherSuites.TLS13.contains(suite)) {
            throw scope.problem(NAME, "lists " + suite + ", a TLS 1.3 suite, which Go always enables and does not let "
                    + "anyone choose", "Remove it; list TLS 1.2 suites only");
        }
        if (!GoCipherSuites.NAMES.contains(suite)) {
            throw scope.problem(NAME, "lists \"" + InventoryRules.shown(suite) + "\", which is not a cipher suite etcd "
                    + "knows", "Use Go's names, for example TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 or "
                    + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        }
    }
}
