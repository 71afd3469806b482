package dev.quorum.core.lifecycle.versions;

import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import dev.quorum.lab.LabHosts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adopt, install, replace, recover, renew, compact, defrag and restore on etcd 3.4 (skipped, saying why, without it). */
@LabHosts(count = 4)
class Etcd34LifecyclesLabTest {
    static Lab lab;
    @TempDir
    Path dir;

    @Test
    void everyLifecycleRunsOnEtcd34() throws Exception {
        new LifecyclesOnOneLine(lab, dir, EtcdTarball.require("3.4")).run();
    }
}
