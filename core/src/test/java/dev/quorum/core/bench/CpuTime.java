package dev.quorum.core.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent while a timed run went: by the whole machine (the lab hosts' sshd, shells and etcd share
 * its cores with this JVM) and by this JVM alone. On a machine whose cores are busy the whole time, wall-clock
 * cannot fall below busy time divided by the cores, whatever the code waits for.
 */
record CpuTime(double machineSeconds, double jvmSeconds) {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, fixed at 100 on Linux for /proc/stat

    /** A reading now; the difference of two is the time spent between them. */
    static CpuTime now() {
        return new CpuTime(readMachineBusy(), readJvm());
    }

    CpuTime since(CpuTime before) {
        return new CpuTime(machineSeconds - before.machineSeconds, jvmSeconds - before.jvmSeconds);
    }

    private static double readMachineBusy() {
        try {
            // cpu  user nice system idle iowait irq softirq steal ...: busy is all but idle and iowait
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double readJvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
