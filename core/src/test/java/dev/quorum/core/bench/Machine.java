package dev.quorum.core.bench;

import dev.quorum.lab.EtcdTarball;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException e) {
            // keep "unknown CPU"
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB max heap, Java "
                + System.getProperty("java.version") + ", " + etcd();
    }

    /** The release the lab runs (QUORUM_LAB_ETCD, else its default line); 3.4 is Debian's etcd-server. */
    private static String etcd() {
        String line = EtcdTarball.defaultLine();
        return EtcdTarball.find(line).map(t -> "etcd " + t.version() + ("3.4".equals(line) ? " (Debian's etcd-server)" : ""))
                .orElse("no etcd " + line + " on this machine");
    }
}
