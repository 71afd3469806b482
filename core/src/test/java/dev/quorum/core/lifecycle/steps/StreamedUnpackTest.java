package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.core.release.ReleaseBinary;
import dev.quorum.core.remote.Shell;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streamed unpack's command, run by the local sh on a small release tarball: the binaries are installed and
 * recorded only when their sha256 is the release's, and a damaged or wrong stream leaves nothing in bin_dir.
 */
class StreamedUnpackTest {
    @TempDir
    Path dir;
    private Path tarball;
    private Path bin;
    private Path record;
    private List<ReleaseBinary> binaries;

    @BeforeEach
    void release() throws Exception {
        Path release = Files.createDirectories(dir.resolve("src/etcd-v9.9.9-linux-amd64"));
        byte[] etcd = "#!/bin/sh\necho 'etcd Version: 9.9.9'\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
        byte[] etcdctl = "#!/bin/sh\necho 'etcdctl version: 9.9.9'\n".getBytes(StandardCharsets.UTF_8);
        Files.write(release.resolve("etcd"), etcd);
        Files.write(release.resolve("etcdctl"), etcdctl);
        Files.writeString(release.resolve("README.md"), "not installed");
        tarball = dir.resolve("etcd.tar.gz");
        sh("tar -czf " + tarball + " -C " + dir.resolve("src") + " etcd-v9.9.9-linux-amd64", Optional.empty());
        binaries = List.of(new ReleaseBinary("etcd", "etcd-v9.9.9-linux-amd64/etcd", sha256(etcd)),
                new ReleaseBinary("etcdctl", "etcd-v9.9.9-linux-amd64/etcdctl", sha256(etcdctl)));
        bin = dir.resolve("my bin");
        record = dir.resolve("state/etcd-binaries");
    }

    @Test
    void installsOnlyTheBinariesWithMode0755AndRecordsTheirHashAndStat() throws Exception {
        Ran ran = sh(StreamedUnpack.command(binaries, bin.toString(), record.toString()), Optional.of(tarball));

        assertThat(ran.exit).as(ran.output).isZero();
        try (var files = Files.list(bin)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("etcd", "etcdctl");
        }
        assertThat(sha256(Files.readAllBytes(bin.resolve("etcd")))).isEqualTo(binaries.get(0).sha256());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bin.resolve("etcdctl"))))
                .isEqualTo("rwxr-xr-x");
        String stat = sh(BinaryRecord.statCommand(bin.toString(), binaries), Optional.empty()).output;
        assertThat(BinaryRecord.vouches(bin.toString(), binaries, BinaryRecord.statLines(bin.toString(), binaries, stat),
                Optional.of(Files.readString(record)))).isTrue();
        assertThat(ran.output).doesNotContain(StreamedUnpack.NOT_RECORDED);
    }

    @Test
    void binariesThatAreNotTheReleasesAreNotInstalled() throws Exception {
        List<ReleaseBinary> other = List.of(binaries.get(0),
                new ReleaseBinary("etcdctl", "etcd-v9.9.9-linux-amd64/etcdctl", "0".repeat(64)));

        Ran ran = sh(StreamedUnpack.command(other, bin.toString(), record.toString()), Optional.of(tarball));

        assertThat(ran.exit).as(ran.output).isEqualTo(StreamedUnpack.DAMAGED);
        assertThat(ran.output).contains(binaries.get(1).sha256() + "  etcd-v9.9.9-linux-amd64/etcdctl");
        assertNothingInstalled();
    }

    @Test
    void aTruncatedStreamInstallsNothing() throws Exception {
        byte[] whole = Files.readAllBytes(tarball);
        Path cut = Files.write(dir.resolve("cut.tar.gz"), java.util.Arrays.copyOf(whole, whole.length - 40));

        Ran ran = sh(StreamedUnpack.command(binaries, bin.toString(), record.toString()), Optional.of(cut));

        assertThat(ran.exit).as(ran.output).isEqualTo(StreamedUnpack.DAMAGED);
        assertNothingInstalled();
    }

    @Test
    void theZstdRepackInstallsTheSameBinaries() throws Exception {
        Path zstd = zstdOf(tarball);

        Ran ran = sh(StreamedUnpack.command(binaries, bin.toString(), record.toString(),
                StreamedUnpack.Compression.ZSTD), Optional.of(zstd));

        assertThat(ran.exit).as(ran.output).isZero();
        assertThat(sha256(Files.readAllBytes(bin.resolve("etcd")))).isEqualTo(binaries.get(0).sha256());
        assertThat(sha256(Files.readAllBytes(bin.resolve("etcdctl")))).isEqualTo(binaries.get(1).sha256());
        assertThat(record).isRegularFile();
    }

    @Test
    void aTruncatedZstdStreamInstallsNothing() throws Exception {
        byte[] whole = Files.readAllBytes(zstdOf(tarball));
        Path cut = Files.write(dir.resolve("cut.tar.zst"), java.util.Arrays.copyOf(whole, whole.length - 40));

        Ran ran = sh(StreamedUnpack.command(binaries, bin.toString(), record.toString(),
                StreamedUnpack.Compression.ZSTD), Optional.of(cut));

        assertThat(ran.exit).as(ran.output).isEqualTo(StreamedUnpack.DAMAGED);
        assertNothingInstalled();
    }

    @Test
    void aHostWithoutOpensslHashesWithSha256sum() throws Exception {
        Path path = Files.createDirectories(dir.resolve("path without openssl"));
        try (var tools = Files.list(Path.of("/usr/bin"))) {
            for (Path tool : tools.filter(t -> !t.getFileName().toString().equals("openssl")).toList()) {
                Files.createSymbolicLink(path.resolve(tool.getFileName()), tool);
            }
        }
        String withoutOpenssl = "PATH=" + Shell.quote(path.toString()) + "\n";

        Ran ran = sh(withoutOpenssl + StreamedUnpack.command(binaries, bin.toString(), record.toString()),
                Optional.of(tarball));
        List<ReleaseBinary> other = List.of(binaries.get(0),
                new ReleaseBinary("etcdctl", "etcd-v9.9.9-linux-amd64/etcdctl", "0".repeat(64)));
        Ran wrong = sh(withoutOpenssl + StreamedUnpack.command(other, dir.resolve("other bin").toString(),
                dir.resolve("other record").toString()), Optional.of(tarball));

        assertThat(ran.exit).as(ran.output).isZero();
        assertThat(sha256(Files.readAllBytes(bin.resolve("etcdctl")))).isEqualTo(binaries.get(1).sha256());
        assertThat(wrong.exit).as(wrong.output).isEqualTo(StreamedUnpack.DAMAGED);
        assertThat(wrong.output).contains(binaries.get(1).sha256() + "  etcd-v9.9.9-linux-amd64/etcdctl");
    }

    /** The tarball's tar stream compressed with zstd, by the machine's own gzip and zstd. */
    private Path zstdOf(Path gzip) throws Exception {
        Path zstd = dir.resolve("etcd.tar.zst");
        Ran ran = sh("gzip -dc < \"$0\" | zstd -q -c > \"$1\"", Optional.empty(), gzip.toString(), zstd.toString());
        assertThat(ran.exit).as(ran.output).isZero();
        return zstd;
    }

    private void assertNothingInstalled() throws Exception {
        try (var files = Files.list(bin)) {
            assertThat(files).isEmpty(); // neither binary nor the private directory is left
        }
        assertThat(record).doesNotExist();
    }

    private record Ran(int exit, String output) {
    }

    private static Ran sh(String command, Optional<Path> stdin, String... arguments) throws Exception {
        List<String> words = new java.util.ArrayList<>(List.of("sh", "-c", command));
        words.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(words).redirectErrorStream(true);
        stdin.ifPresent(file -> builder.redirectInput(file.toFile()));
        Process process = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Ran(process.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
