package dev.quorum.core.release;

import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.workspace.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Gets the etcd release named by the inventory: downloads it (https) or copies it (file:// or a
 * local path) into the workstation cache, verifies its sha256 when the inventory gives one, and
 * finds the binaries inside. A tarball that does not verify is never used.
 */
public final class ReleaseFetcher {
    private final Path cacheDir;
    private final Duration downloadTimeout;

    public ReleaseFetcher(Path cacheDir, Duration downloadTimeout) {
        this.cacheDir = cacheDir;
        this.downloadTimeout = downloadTimeout;
    }

    /** The cached tarball if it is already there and verifies; does not download. */
    public Optional<EtcdRelease> cached(EtcdSettings settings) throws ReleaseException {
        Path target = cachePath(settings);
        if (!Files.isRegularFile(target)) {
            return Optional.empty();
        }
        try {
            Optional<EtcdRelease> known = TarballRecord.read(target, settings.version());
            if (known.isPresent()) {
                return settings.binaryChecksum().isPresent() && !matches(settings, known.get().sha256())
                        ? Optional.empty() : known;
            }
            String sha = Sha256.of(target);
            if (settings.binaryChecksum().isPresent() && !matches(settings, sha)) {
                return Optional.empty();
            }
            EtcdRelease release = describe(target, sha, settings.version());
            TarballRecord.write(release);
            return Optional.of(release);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public EtcdRelease fetch(EtcdSettings settings) throws ReleaseException {
        Optional<EtcdRelease> cached = cached(settings);
        if (cached.isPresent()) {
            return cached.get();
        }
        Path target = cachePath(settings);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            OwnerOnly.directories(cacheDir); // a new ~/.quorum is private from the start
            copyTo(settings.downloadUrl(), partial);
            String sha = Sha256.of(partial);
            if (settings.binaryChecksum().isPresent() && !matches(settings, sha)) {
                Files.deleteIfExists(partial);
                throw new ReleaseException("the etcd tarball from " + settings.downloadUrl() + " has sha256 " + sha
                        + " but etcd_binary_checksum says " + settings.binaryChecksum().get() + " (without it: the "
                        + "official release's published sha256, which Quorum knows); nothing was installed",
                        "check etcd_binary_checksum and etcd_download_url in the inventory (the file may be "
                                + "corrupt, truncated or a different version; a tarball built locally needs its own "
                                + "etcd_binary_checksum)");
            }
            Files.deleteIfExists(TarballRecord.fileOf(target));
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            EtcdRelease release = describe(target, sha, settings.version());
            TarballRecord.write(release);
            return release;
        } catch (IOException e) {
            deleteQuietly(partial);
            FetchFailure failure = FetchFailure.of(settings.downloadUrl(), e);
            throw new ReleaseException("cannot get the etcd release from " + settings.downloadUrl() + ": "
                    + failure.what(), failure.hint() + "; for air-gapped sites point etcd_download_url at a local "
                    + "tarball (file:///path/etcd-" + settings.version() + "-linux-" + settings.architecture()
                    + ".tar.gz)", e);
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // a leftover .part is overwritten by the next fetch
        }
    }

    private static boolean matches(EtcdSettings settings, String sha) {
        return settings.binaryChecksum().orElseThrow().strip().toLowerCase(Locale.ROOT).equals(sha);
    }

    /** One cache file per URL, so two inventories naming different files never share a cached tarball. */
    Path cachePath(EtcdSettings settings) {
        String url = settings.downloadUrl().toString();
        String name = url.substring(url.lastIndexOf('/') + 1);
        String key = Sha256.of(url.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 12);
        return cacheDir.resolve(key + "-" + name);
    }

    private void copyTo(URI url, Path target) throws IOException, ReleaseException {
        String scheme = url.getScheme() == null ? "file" : url.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file" -> Files.copy(Path.of(url), target, StandardCopyOption.REPLACE_EXISTING);
            case "https", "http" -> download(url, target);
            default -> throw new ReleaseException("unsupported etcd_download_url scheme: " + url,
                    "use https://, file:// or a local path");
        }
    }

    private void download(URI url, Path target) throws IOException {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(downloadTimeout).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new HttpStatusException(response.statusCode());
                }
                Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static EtcdRelease describe(Path tarball, String sha, String version) throws ReleaseException {
        try {
            Map<String, String[]> binaries = TarballContents.binaries(tarball);
            String[] etcd = binaries.get("etcd");
            String[] etcdctl = binaries.get("etcdctl");
            if (etcd == null || etcdctl == null) {
                throw new ReleaseException(tarball.getFileName() + " holds no etcd and etcdctl binaries",
                        "etcd_download_url must name an official etcd release tarball (etcd-VERSION-linux-ARCH.tar.gz)");
            }
            Optional<ReleaseBinary> etcdutl = Optional.ofNullable(binaries.get("etcdutl"))
                    .map(found -> new ReleaseBinary("etcdutl", found[0], found[1]));
            return new EtcdRelease(tarball, sha, version, etcd[1], etcdctl[1], etcd[0], etcdctl[0], etcdutl);
        } catch (IOException e) {
            throw new ReleaseException(tarball.getFileName() + " is not a readable .tar.gz: " + e.getMessage(),
                    "etcd_download_url must name an official etcd release tarball", e);
        }
    }
}
