package dev.quorum.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline stand-in for etcd's GitHub release tarball; needs Debian's etcd, not root. */
class EtcdTarballTest {

    @Test
    void hasTheOfficialLayoutAndAMatchingChecksum() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/etcd")), "Debian's etcd-server is not installed");
        EtcdTarball t = EtcdTarball.get();
        assertThat(t.version()).matches("v\\d+\\.\\d+\\.\\d+");
        assertThat(t.path().getFileName().toString()).isEqualTo("etcd-" + t.version() + "-linux-amd64.tar.gz");
        assertThat(t.uri().toString()).isEqualTo("file://" + t.path());
        assertThat(EtcdTarball.get()).as("once per JVM").isSameAs(t);

        String listing = Commands.run(List.of("tar", "-tvzf", t.path().toString()), 60).requireOk("tar -t").stdout();
        assertThat(listing).contains(t.topDirectory() + "/etcd\n").contains(t.topDirectory() + "/etcdctl\n");
        assertThat(listing).contains("-rwxr-xr-x 0/0");
        String sha = Commands.run(List.of("sha256sum", t.path().toString()), 60).requireOk("sha256sum").stdout();
        assertThat(sha).startsWith(t.sha256() + " ");
    }
}
