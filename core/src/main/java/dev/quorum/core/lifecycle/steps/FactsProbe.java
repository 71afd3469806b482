package dev.quorum.core.lifecycle.steps;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Gathers {@link HostFacts} with one read-only shell script. */
public final class FactsProbe {
    private static final String ENV_MARKER = "---etcd.env---";

    private FactsProbe() {
    }

    public static String script(EtcdSettings settings) {
        String data = Shell.quote(settings.dataDir());
        ClusterLayout layout = settings.layout();
        return String.join("\n",
                "echo arch=$(uname -m)",
                "( . /etc/os-release 2>/dev/null; echo \"os=${PRETTY_NAME:-unknown}\" )",
                "d=" + data + "; while [ ! -d \"$d\" ]; do d=$(dirname \"$d\"); done",
                "echo disk_kib=$(df -Pk \"$d\" | awk 'NR==2 {print $4}')",
                "if [ -d " + data + "/member ]; then echo data=member;"
                        // aside copies inside a mount point are not data etcd would read
                        + " elif [ -n \"$(ls -A " + data + " 2>/dev/null | " + DataDirAside.NOT_DATA_GREP + ")\" ];"
                        + " then echo data=other;"
                        + " else echo data=empty; fi",
                "echo service=$(systemctl is-active " + layout.unitName() + " 2>/dev/null || true)",
                "echo enabled=$(systemctl is-enabled " + layout.unitName() + " 2>/dev/null || true)",
                "if command -v ss >/dev/null; then ss -Hltnp 2>/dev/null"
                        + " | awk '$4 ~ /:(" + layout.clientPort() + "|" + layout.peerPort() + ")$/ {print \"listen=\" $4 \" \" $6}'; fi",
                "if command -v ip >/dev/null; then ip -o addr show 2>/dev/null"
                        + " | awk '{split($4, a, \"/\"); print \"address=\" a[1]}'; fi",
                // GNU tar runs "zstd -d" for -I zstd and fails when zstd does
                "if command -v zstd >/dev/null 2>&1 && tar --version 2>/dev/null | grep -q 'GNU tar'; then"
                        + " echo unpack=zstd; fi",
                "echo '" + ENV_MARKER + "'",
                "cat " + layout.envFile() + " 2>/dev/null || true");
    }

    public static HostFacts gather(RemoteHost remote, EtcdSettings settings) throws Exception {
        return parse(remote.run(script(settings)).requireOk("gather host facts").stdout());
    }

    public static HostFacts parse(String output) {
        String arch = "unknown";
        String os = "unknown";
        long free = -1;
        HostFacts.DataDirState data = HostFacts.DataDirState.EMPTY;
        String service = "unknown";
        String enabled = "";
        boolean zstd = false;
        List<String> listeners = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        int envStart = output.indexOf(ENV_MARKER);
        String head = envStart < 0 ? output : output.substring(0, envStart);
        for (String line : head.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String value = line.substring(eq + 1).strip();
            switch (line.substring(0, eq)) {
                case "arch" -> arch = architecture(value);
                case "os" -> os = value;
                case "disk_kib" -> free = parseLong(value);
                case "data" -> data = HostFacts.DataDirState.valueOf(value.toUpperCase(java.util.Locale.ROOT));
                case "service" -> service = value.isEmpty() ? "unknown" : value;
                case "enabled" -> enabled = value;
                case "listen" -> listeners.add(value);
                case "address" -> addresses.add(value);
                case "unpack" -> zstd = value.equals("zstd");
                default -> { }
            }
        }
        Optional<String> env = Optional.empty();
        if (envStart >= 0) {
            String text = output.substring(envStart + ENV_MARKER.length()).replaceFirst("^\n", "");
            env = text.isBlank() ? Optional.empty() : Optional.of(text);
        }
        return new HostFacts(arch, os, free, data, service, listeners, env, addresses, enabled, zstd);
    }

    /** uname -m to the architecture names of etcd's release tarballs. */
    public static String architecture(String machine) {
        return switch (machine) {
            case "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            default -> machine;
        };
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
