package dev.quorum.app.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One look at a running JVM: resident set from /proc, heap used and committed and metaspace used from
 * {@code jstat -gc} (the same columns for every collector), all in MiB.
 */
record JvmSample(double residentMiB, double heapUsedMiB, double heapCommittedMiB, double metaspaceMiB) {

    static JvmSample of(long pid) throws Exception {
        double rss = AppBenchmark.residentMiB(pid);
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        String out = JdkTool.run(List.of(jstat.toString(), "-gc", Long.toString(pid)));
        List<String> lines = out.lines().filter(line -> !line.isBlank()).toList();
        List<String> names = Arrays.asList(lines.get(0).trim().split("\\s+"));
        String[] values = lines.get(1).trim().split("\\s+");
        double used = sum(names, values, "S0U", "S1U", "EU", "OU");
        double committed = sum(names, values, "S0C", "S1C", "EC", "OC");
        return new JvmSample(rss, used, committed, sum(names, values, "MU"));
    }

    private static double sum(List<String> names, String[] values, String... columns) {
        double kib = 0;
        for (String column : columns) {
            kib += Double.parseDouble(values[names.indexOf(column)]);
        }
        return kib / 1024;
    }
}
