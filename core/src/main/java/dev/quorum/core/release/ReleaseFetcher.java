package dev.quorum.core.release;

import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.workspace.OwnerOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
            String identity = TarballRecord.identity(target);
            OnePass read;
            try (InputStream in = Files.newInputStream(target)) {
                read = readOnce(in, null, target);
            }
            String sha = read.sha256();
            if (settings.binaryChecksum().isPresent() && !matches(settings, sha)) {
                read.dropZstd();
                return Optional.empty();
            }
            EtcdRelease release = describe(target, sha, settings.version(), read);
            TarballRecord.write(release, identity);
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
            OnePass read = copyTo(settings.downloadUrl(), partial, target);
            String sha = read.sha256();
            if (settings.binaryChecksum().isPresent() && !matches(settings, sha)) {
                read.dropZstd();
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
            // the bytes were hashed on their way into the partial file, which only this process writes (owner-only cache)
            String identity = TarballRecord.identity(target);
            EtcdRelease release = describe(target, sha, settings.version(), read);
            TarballRecord.write(release, identity);
            return release;
        } catch (IOException e) {
            deleteQuietly(partial);
            deleteQuietly(ZstdRepack.partOf(target));
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

    /**
     * What one pass over the release's bytes found while copying them into the cache: the tarball's sha256 and, read
     * from the same bytes on other threads, its binaries (decision 0061). The binaries are only used once the sha256
     * is the expected one.
     */
    private record OnePass(String sha256, CompletableFuture<Map<String, String[]>> binaries,
                           CompletableFuture<Optional<Path>> zstdPart) {

        /** The repack, moved into place beside {@code tarball}; empty when it could not be written or moved. */
        Optional<Path> zstdBeside(Path tarball) {
            Optional<Path> part = zstdPart.join();
            if (part.isEmpty()) {
                return Optional.empty();
            }
            Path pack = ZstdRepack.pathOf(tarball);
            try {
                Files.move(part.get(), pack, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return Optional.of(pack);
            } catch (IOException e) {
                deleteQuietly(part.get());
                return Optional.empty();
            }
        }

        void dropZstd() {
            zstdPart.join().ifPresent(ReleaseFetcher::deleteQuietly);
        }
    }

    private OnePass copyTo(URI url, Path partial, Path target) throws IOException, ReleaseException {
        String scheme = url.getScheme() == null ? "file" : url.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file" -> {
                try (InputStream in = Files.newInputStream(Path.of(url))) {
                    return copyReading(in, partial, target);
                }
            }
            case "https", "http" -> {
                return download(url, partial, target);
            }
            default -> throw new ReleaseException("unsupported etcd_download_url scheme: " + url,
                    "use https://, file:// or a local path");
        }
    }

    /** Copies {@code in} to {@code partial}, hashing the bytes and handing them to the tarball's reader as they pass. */
    private static OnePass copyReading(InputStream in, Path partial, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(partial)) {
            return readOnce(in, out, target);
        }
    }

    /**
     * Hashes {@code in} and hands its bytes to the tarball's reader (and to {@code copy}, unless null) in one pass; the
     * reader hands the decompressed tar stream on to the zstd repack of {@code target} (decision 0062).
     */
    private static OnePass readOnce(InputStream in, OutputStream copy, Path target) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        ChunkPipe tarball = new ChunkPipe();
        ChunkPipe decompressed = new ChunkPipe();
        CompletableFuture<Optional<Path>> zstd = ZstdRepack.writeAside(decompressed, ZstdRepack.partOf(target));
        CompletableFuture<Map<String, String[]>> binaries = ChunkPipe.readAside(tarball,
                bytes -> TarballContents.binaries(bytes, decompressed));
        byte[] buffer = new byte[1 << 16];
        try {
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (copy != null) {
                    copy.write(buffer, 0, read);
                }
                digest.update(buffer, 0, read);
                tarball.write(buffer, read);
            }
        } finally {
            tarball.end();
        }
        return new OnePass(HexFormat.of().formatHex(digest.digest()), binaries, zstd);
    }

    private OnePass download(URI url, Path partial, Path target) throws IOException {
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
                return copyReading(body, partial, target);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** @param read the binaries and the zstd repack as the one pass over the tarball's bytes found them */
    private static EtcdRelease describe(Path tarball, String sha, String version, OnePass read)
            throws ReleaseException {
        try {
            Map<String, String[]> binaries;
            try {
                binaries = ChunkPipe.await(read.binaries());
            } catch (IOException e) {
                read.dropZstd();
                throw e;
            }
            String[] etcd = binaries.get("etcd");
            String[] etcdctl = binaries.get("etcdctl");
            if (etcd == null || etcdctl == null) {
                read.dropZstd();
                throw new ReleaseException(tarball.getFileName() + " holds no etcd and etcdctl binaries",
                        "etcd_download_url must name an official etcd release tarball (etcd-VERSION-linux-ARCH.tar.gz)");
            }
            Optional<ReleaseBinary> etcdutl = Optional.ofNullable(binaries.get("etcdutl"))
                    .map(found -> new ReleaseBinary("etcdutl", found[0], found[1]));
            return new EtcdRelease(tarball, sha, version, etcd[1], etcdctl[1], etcd[0], etcdctl[0], etcdutl,
                    read.zstdBeside(tarball));
        } catch (IOException e) {
            throw new ReleaseException(tarball.getFileName() + " is not a readable .tar.gz: " + e.getMessage(),
                    "etcd_download_url must name an official etcd release tarball", e);
        }
    }
}
