package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.core.standin.LocalShell;
import dev.quorum.core.standin.LocalShell.Ran;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-aside script, run by a real sh on local directories with a stand-in systemctl (mount
 * points need root and a mount namespace: DataDirLayoutsLabTest covers them on lab hosts).
 */
class DataDirAsideTest {
    @TempDir
    Path dir;
    private LocalShell shell;

    @BeforeEach
    void standInSystemctl() throws Exception {
        shell = LocalShell.in(dir).env("CALLS", dir.resolve("calls").toString()).standIn("systemctl", """
                echo "$*" >> "$CALLS"
                case "$1" in
                  stop) echo "${STOP_SAYS:-}"; exit "${STOP_RC:-0}" ;;
                  is-active) echo "${ACTIVE:-inactive}"; [ "${ACTIVE:-inactive}" = active ] ;;
                  *) exit 0 ;;
                esac
                """);
    }

    private Ran run(String command, Map<String, String> env) throws Exception {
        return shell.run(command, env);
    }

    private Ran setAside(Path data, DataDirAside.Stop stop, Map<String, String> env) throws Exception {
        return run(DataDirAside.command(data.toString(), "removed-20250101-120000", stop), env);
    }

    private Path dataDirWithMember(Path data) throws Exception {
        Files.createDirectories(data.resolve("member/snap"));
        Files.writeString(data.resolve("member/snap/db"), "bolt");
        return data;
    }

    private boolean holdsData(Path data) throws Exception {
        return run(DataDirAside.holdsDataCommand(data.toString()), Map.of()).stdout().contains("data");
    }

    @Test
    void aPlainDataDirIsRenamedAfterEtcdStopped() throws Exception {
        Path data = dataDirWithMember(dir.resolve("etcd data's dir"));

        Ran ran = setAside(data, DataDirAside.Stop.STOP_AND_DISABLE, Map.of());

        assertThat(ran.exit()).as(ran.stderr()).isZero();
        DataDirAside.Result result = DataDirAside.parse(ran.stdout());
        Path aside = dir.resolve("etcd data's dir.removed-20250101-120000");
        assertThat(result).isEqualTo(new DataDirAside.Result(DataDirAside.Layout.PLAIN, aside.toString(), data.toString()));
        assertThat(aside.resolve("member/snap/db")).hasContent("bolt");
        assertThat(data).doesNotExist();
        assertThat(Files.readString(dir.resolve("calls"))).startsWith("stop etcd\ndisable etcd\nis-active etcd\n");
        assertThat(holdsData(data)).isFalse();
    }

    @Test
    void aSymlinkedDataDirMovesItsTargetAndGetsAnEmptyOneBack() throws Exception {
        Path real = dataDirWithMember(dir.resolve("disk/etcd-data"));
        Path link = Files.createSymbolicLink(dir.resolve("etcd"), real);

        Ran ran = setAside(link, DataDirAside.Stop.STOP, Map.of());

        assertThat(ran.exit()).as(ran.stderr()).isZero();
        DataDirAside.Result result = DataDirAside.parse(ran.stdout());
        assertThat(result.layout()).isEqualTo(DataDirAside.Layout.SYMLINK);
        assertThat(result.aside()).isEqualTo(real + ".removed-20250101-120000");
        assertThat(Path.of(result.aside()).resolve("member/snap/db")).hasContent("bolt");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
        assertThat(real).isEmptyDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rwx------");
        assertThat(result.sentence()).contains("symlink to " + real);
        assertThat(holdsData(link)).isFalse();
    }

    @Test
    void aFailedStopMovesNothing() throws Exception {
        Path data = dataDirWithMember(dir.resolve("etcd"));

        Ran ran = setAside(data, DataDirAside.Stop.STOP, Map.of("STOP_RC", "1", "STOP_SAYS", "Job timed out."));

        assertThat(ran.exit()).isEqualTo(DataDirAside.REFUSED);
        assertThat(ran.stderr()).contains("systemctl stop etcd failed (exit 1): Job timed out.");
        assertThat(data.resolve("member/snap/db")).exists();
        assertThat(holdsData(data)).isTrue();
    }

    @Test
    void etcdStillActiveMovesNothing() throws Exception {
        Path data = dataDirWithMember(dir.resolve("etcd"));

        Ran ran = setAside(data, DataDirAside.Stop.ALREADY_STOPPED, Map.of("ACTIVE", "active"));

        assertThat(ran.exit()).isEqualTo(DataDirAside.REFUSED);
        assertThat(ran.stderr()).contains("etcd is still active");
        assertThat(Files.readString(dir.resolve("calls"))).doesNotContain("stop");
        assertThat(data.resolve("member/snap/db")).exists();
    }

    @Test
    void aProcessHoldingAFileInTheDataDirMovesNothing() throws Exception {
        Path data = dataDirWithMember(dir.resolve("etcd"));
        Process holder = new ProcessBuilder("sleep", "60").redirectInput(data.resolve("member/snap/db").toFile()).start();
        try {
            Ran ran = setAside(data, DataDirAside.Stop.STOP, Map.of());

            assertThat(ran.exit()).isEqualTo(DataDirAside.REFUSED);
            assertThat(ran.stderr()).contains("processes still use " + data.toRealPath())
                    .contains(holder.pid() + "(sleep)");
            assertThat(data.resolve("member/snap/db")).exists();
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void noDataDirOrOnlyAsideCopiesIsNothingToMove() throws Exception {
        Ran absent = setAside(dir.resolve("missing"), DataDirAside.Stop.STOP, Map.of());
        assertThat(absent.exit()).as(absent.stderr()).isZero();
        assertThat(DataDirAside.parse(absent.stdout()).layout()).isEqualTo(DataDirAside.Layout.NOTHING);

        Path data = Files.createDirectories(dir.resolve("etcd"));
        Files.createDirectories(data.resolve(DataDirAside.ASIDE_PREFIX + "reseed-20240101-000000/member"));
        Files.createDirectories(data.resolve("lost+found"));
        assertThat(holdsData(data)).isFalse();
        Ran onlyAside = setAside(data, DataDirAside.Stop.STOP, Map.of());
        assertThat(DataDirAside.parse(onlyAside.stdout()).layout()).isEqualTo(DataDirAside.Layout.NOTHING);
        assertThat(data.resolve(DataDirAside.ASIDE_PREFIX + "reseed-20240101-000000/member")).exists();
    }

    @Test
    void anAsideNameAlreadyTakenIsNeverOverwritten() throws Exception {
        Path data = dataDirWithMember(dir.resolve("etcd"));
        Path taken = Files.createDirectories(dir.resolve("etcd.removed-20250101-120000"));
        Files.writeString(taken.resolve("keep"), "older");

        Ran ran = setAside(data, DataDirAside.Stop.STOP, Map.of());

        assertThat(ran.exit()).as(ran.stderr()).isZero();
        String aside = DataDirAside.parse(ran.stdout()).aside();
        assertThat(aside).startsWith(taken + "-");
        assertThat(taken.resolve("keep")).hasContent("older");
        assertThat(Path.of(aside).resolve("member/snap/db")).hasContent("bolt");
    }

    @Test
    void valuesReachTheScriptAsArgumentsNeverAsScriptText() {
        String command = DataDirAside.command("/var/lib/etcd $(reboot)", "reseed-1", DataDirAside.Stop.STOP);

        assertThat(DataDirAside.SCRIPT).doesNotContain("/var/lib/etcd");
        assertThat(command).endsWith(" '/var/lib/etcd $(reboot)' reseed-1 STOP");
        assertThatThrownBy(() -> DataDirAside.command("/var/lib/etcd", "../x", DataDirAside.Stop.STOP))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMountPointSentenceSaysWhereTheDataWent() {
        DataDirAside.Result result = DataDirAside.parse("""
                layout=MOUNT_POINT
                aside=/var/lib/etcd/.quorum-aside-before-restore-20250101-120000
                real=/var/lib/etcd
                """);

        assertThat(result.sentence()).isEqualTo("old data kept inside the mount point at "
                + "/var/lib/etcd/.quorum-aside-before-restore-20250101-120000 (a mount point cannot be moved; "
                + "etcd reads only /var/lib/etcd/member)");
        assertThat(new DataDirAside.Location("/var/lib/etcd", true).scratch()).isEqualTo("/var/lib/etcd/.quorum-restoring");
        assertThat(new DataDirAside.Location("/srv/etcd", false).scratch()).isEqualTo("/srv/etcd.restoring");
    }
}
