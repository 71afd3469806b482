package dev.quorum.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the lab needs from the machine: root, and the tools of a few Debian packages. */
public final class LabPreconditions {

    /** Printed (and reported) when lab tests are skipped. */
    public static final String NOT_ROOT =
            "lab tests need root for network namespaces; run as root (CI does)";

    /** Tool to the Debian package providing it (the package list CI installs). */
    private static final Map<String, String> TOOLS = new LinkedHashMap<>();

    static {
        TOOLS.put("unshare", "util-linux");
        TOOLS.put("nsenter", "util-linux");
        TOOLS.put("flock", "util-linux");
        TOOLS.put("ip", "iproute2");
        TOOLS.put("nft", "nftables");
        TOOLS.put("sshd", "openssh-server");
        TOOLS.put("ssh", "openssh-client");
        TOOLS.put("ssh-keygen", "openssh-client");
        TOOLS.put("etcd", "etcd-server");
        TOOLS.put("etcdctl", "etcd-client");
        TOOLS.put("python3", "python3");
        TOOLS.put("sudo", "sudo");
        TOOLS.put("ps", "procps");
        TOOLS.put("pkill", "procps");
        TOOLS.put("tar", "tar");
        TOOLS.put("gzip", "gzip");
    }

    private static final List<String> DIRS = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private LabPreconditions() {
    }

    /** True when the effective user is root (read from /proc, no native code needed). */
    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return "0".equals(line.split("\\s+")[2]);
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Throws naming the Debian packages to install when a tool the lab runs is missing. */
    public static void requireTools() {
        requireTools(DIRS);
    }

    /** As {@link #requireTools()}, looking for the tools in {@code dirs} (tests use other dirs). */
    static void requireTools(List<String> dirs) {
        List<String> missing = new ArrayList<>();
        Set<String> packages = new LinkedHashSet<>();
        TOOLS.forEach((tool, pkg) -> {
            if (dirs.stream().map(d -> Path.of(d, tool)).noneMatch(Files::isExecutable)) {
                missing.add(tool + " (Debian package " + pkg + ")");
                packages.add(pkg);
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("lab hosts need tools that are missing: "
                    + String.join(", ", missing) + ". Install them with: apt-get install -y "
                    + String.join(" ", packages));
        }
    }
}
