package dev.quorum.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Labs leave nothing behind: not when closed, and not when their JVM died (stale-lab cleanup). */
class LabTeardownTest {

    private static final Path STATE = Path.of("/run/quorum-lab/labs");
    private static final Path DISK = Path.of("/var/tmp/quorum-lab");

    @BeforeEach
    void needsRoot() {
        assumeTrue(LabPreconditions.isRoot(), LabPreconditions.NOT_ROOT);
    }

    @Test
    void closeRemovesProcessesVethsDirsAndTheLastBridge() throws Exception {
        Lab lab = Lab.start(2);
        List<LabHost> hosts = lab.hosts();
        List<String> veths = hosts.stream().map(h -> "qlh" + h.address().substring(h.address().lastIndexOf('.') + 1)).toList();
        veths.forEach(v -> assertThat(Path.of("/sys/class/net", v)).exists());
        Path privateKey = lab.privateKey();

        lab.close();

        for (LabHost h : hosts) {
            assertThat(h.running()).as(h + " init").isFalse();
            assertThat(ProcStat.startTime(h.initPid())).isNull();
        }
        veths.forEach(v -> assertThat(Path.of("/sys/class/net", v)).doesNotExist());
        assertThat(STATE.resolve(lab.id())).doesNotExist();
        assertThat(DISK.resolve(lab.id())).doesNotExist();
        assertThat(privateKey).doesNotExist();
        if (otherLabs().isEmpty()) {   // other JVMs on this machine may run labs right now
            assertThat(Path.of("/sys/class/net/qlab0")).doesNotExist();
        }
        lab.close();   // idempotent
    }

    @Test
    void aLabWhoseOwnerDiedIsRemovedByTheNextLab() throws Exception {
        // A "crashed run": a lab whose owner exits once the lab is up. The owner lives while the lab is set up:
        // a lab with a dead owner is removed by any lab starting meanwhile, and the other fork starts labs.
        Process owner = new ProcessBuilder("sleep", "600").start();
        String stale = "stale" + ProcessHandle.current().pid();
        String created = Commands.run(List.of(LabScripts.path("lab-create.sh").toString(), stale, "1",
                Long.toString(owner.pid())), 60).requireOk("lab-create.sh").stdout();
        String address = created.trim().split(" ")[1];
        Path key = Files.createTempFile("stale-key", ".pub");
        Path hostsFile = Files.createTempFile("stale-hosts", "");
        try {
            Files.writeString(key, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPVKS4mcaXs2GXobFBRjNgk+dZvb1Lxy5pbMtK2HtU9V x\n");
            Files.writeString(hostsFile, address + "\tlab1\n");
            Commands.run(List.of(LabScripts.path("lab-host-start.sh").toString(), stale, "lab1",
                    key.toString(), hostsFile.toString()), 60).requireOk("lab-host-start.sh");
            long strayInit = Long.parseLong(Files.readString(STATE.resolve(stale + "/hosts/lab1/init.pid")).trim());
            assertThat(ProcStat.startTime(strayInit)).isNotNull();
            owner.destroy();
            assertThat(owner.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("owner gone").isTrue();

            try (Lab lab = Lab.start(1)) {
                assertThat(STATE.resolve(stale)).doesNotExist();
                assertThat(DISK.resolve(stale)).doesNotExist();
                assertThat(ProcStat.startTime(strayInit)).as("stale host killed").isNull();
                assertThat(lab.host(0).exec("hostname").stdout()).isEqualTo("lab1\n");
            }
        } finally {
            owner.destroyForcibly();
            Files.deleteIfExists(key);
            Files.deleteIfExists(hostsFile);
            Commands.run(List.of(LabScripts.path("lab-cleanup-stale.sh").toString()), 60);
        }
    }

    private static List<Path> otherLabs() throws IOException {
        try (Stream<Path> labs = Files.list(STATE)) {
            return labs.toList();
        }
    }
}
