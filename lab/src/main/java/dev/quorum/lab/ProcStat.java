package dev.quorum.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads /proc/PID/stat: start time identifies a process across PID reuse; zombies count as gone. */
final class ProcStat {

    private ProcStat() {
    }

    /** Start time (field 22) of a live, non-zombie process, or null. */
    static String startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return "Z".equals(fields[0]) ? null : fields[19];
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
