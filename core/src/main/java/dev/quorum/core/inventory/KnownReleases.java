package dev.quorum.core.inventory;

import java.util.Map;
import java.util.Optional;

/**
 * The sha256 of official etcd release tarballs ({@code etcd-vX.Y.Z-linux-ARCH.tar.gz} from GitHub) that Quorum
 * knows, so downloading one of them needs no checksum in the inventory. Copied from Kubespray's
 * {@code roles/kubespray_defaults/vars/main/checksums.yml} ({@code etcd_binary_checksums}); only values read
 * there are listed. A version not listed still needs {@code etcd_binary_checksum} over plain http.
 */
public final class KnownReleases {
    private static final Map<String, String> AMD64 = Map.ofEntries(
            // 3.6: the two values the project's reference notes (etcd-versions.md) copied from the same file
            Map.entry("v3.6.14", "ffe840ff9295808e88cce2794a18a5ac87f12a5203c8314d0bf6aa119b41bac5"),
            Map.entry("v3.6.10", "ed579fafab5701e3aaa95509969e7bc74776a4ae5269d32e3928408b406456ec"),
            Map.entry("v3.5.27", "0aad9a9e4e0817a021e933f9806a2b2960a62f949ad5a3d6436d8886945cb1bc"),
            Map.entry("v3.5.26", "0a682a91201dc8351d507210bc30b021a11e254eab806f03224b51e8fad29abb"),
            Map.entry("v3.5.25", "168af82b59772e1811a9af7b358d42f5c6df44e0d9767afb006ecf12c4bbd607"),
            Map.entry("v3.5.24", "042497e2ddcee06f22e5d486d81f58affa26b53ee423e2a6aaca3d3ea98c8191"),
            Map.entry("v3.5.23", "8b50d62d38cb2de005b42227dd14b33f6e01758970f248f9257789ecfaf634c9"),
            Map.entry("v3.5.22", "20174ab70a6f3df94da13ecac4610f42c47d25af82426f21c112c2c841ec499a"),
            Map.entry("v3.5.21", "adddda4b06718e68671ffabff2f8cee48488ba61ad82900e639d108f2148501c"),
            Map.entry("v3.5.20", "9ac85616fb8c0e45f485074dde0258ca2b7b42f1dd5320821af5a8b66daf7072"),
            Map.entry("v3.5.19", "16ae742def5f330800590e8d505d72830a3b0b7012e559e6bd76f0bc9864bf42"),
            Map.entry("v3.5.18", "6ddde039a7a506badf34e7edfb38e1ea90e36f05c8cfceba602045df623d86fa"),
            Map.entry("v3.5.17", "eff6ac621d41711085d0f38fab17d8fa3705f6326c3ff11301a1f5a71fc94edd"),
            Map.entry("v3.5.16", "b414b27a5ad05f7cb01395c447c85d3227e3fb1c176e51757a283b817f645ccc"));
    private static final Map<String, String> ARM64 = Map.ofEntries(
            Map.entry("v3.5.27", "1277309f540c5a0329c428f95455c9f76d24f768c8d28fd2753e891c379053fa"),
            Map.entry("v3.5.26", "93ac1667df0e178ea6d152476ce4088df4075604fe4bc7f85f4719e863cd030b"),
            Map.entry("v3.5.25", "419dce0b679df31cc45201ef2449b7a6a48e9d241af01741957c9ac86a35badc"),
            Map.entry("v3.5.24", "efc01f6b3fbef0f000cb53bcad4845c116d7fdd8769ca39d9c40d2fe4d2e509f"),
            Map.entry("v3.5.23", "d95118595a9556a29775f99c1ef2ee16f6be113df76b7178643a2bfd6a6f37c3"),
            Map.entry("v3.5.22", "22aca5a253c4a9f2850300b0a1dd209587586ff0e985f5cb1c34e9e5edc07848"),
            Map.entry("v3.5.21", "95bf6918623a097c0385b96f139d90248614485e781ec9bee4768dbb6c79c53f"),
            Map.entry("v3.5.20", "f034232e6fb64b0d89c45fd78b8b4c3e9fb8d69605dddddcdebf5d7cd96a1531"),
            Map.entry("v3.5.19", "a786fd2c92c3c0404586ffedf1b318e4944a17aefed1fa6566f5712ddb8359ad"),
            Map.entry("v3.5.18", "c2bcaf465537d6d47c8bb82a69e31f786f32257050e3bca445bc4e63479ec714"),
            Map.entry("v3.5.17", "7d717a62520bf39fa1115dfbb1df79479ff74b5eda0914f4132bfa60a48b9549"),
            Map.entry("v3.5.16", "8e68c55e6d72b791a9e98591c755af36f6f55aa9eca63767822cd8a3817fdb23"));

    private KnownReleases() {
    }

    /** @param version as release tags spell it, {@code v3.5.27} */
    public static Optional<String> sha256(String version, String architecture) {
        Map<String, String> byVersion = switch (architecture) {
            case "amd64" -> AMD64;
            case "arm64" -> ARM64;
            default -> Map.of();
        };
        return Optional.ofNullable(byVersion.get(version));
    }
}
