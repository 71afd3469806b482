package dev.quorum.core.lifecycle.apiservers;

import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One look at kube-apiserver on its host: the {@code --etcd-servers} (or overrides) each running kube-apiserver process was
 * started with, and the HTTP status of {@code https://127.0.0.1:PORT/livez/etcd}. Read-only.
 *
 * <p>The processes are asked because a health answer alone proves nothing right after the manifest changed:
 * the old API server keeps answering until kubelet has noticed the file and restarted the pod.
 */
record ApiserverProbe(List<String> runningServers, String livezStatus) {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /*
     * A kube-apiserver process: its first word, or (for a script, as the lab's stand-in) the interpreter's
     * script, is named kube-apiserver. Anonymous requests to /livez are allowed by Kubernetes' default RBAC.
     */
    private static final String SCRIPT = String.join("\n",
            "port=$1 flag=$2",
            "nl='",
            "'",
            "for f in /proc/[0-9]*/cmdline; do",
            "  args=$(tr '\\0' '\\n' < \"$f\" 2>/dev/null) || continue",
            "  case \"$args\" in *kube-apiserver*) ;; *) continue ;; esac",
            "  a0=${args%%\"$nl\"*}; rest=${args#*\"$nl\"}; a1=${rest%%\"$nl\"*}",
            "  case \"${a0##*/}|${a1##*/}\" in",
            "    'kube-apiserver|'*|*'|kube-apiserver')",
            "      printf '%s\\n' \"$args\" | while IFS= read -r a; do",
            "        case \"$a\" in \"$flag=\"*) printf 'servers %s\\n' \"${a#\"$flag=\"}\" ;; esac",
            "      done ;;",
            "  esac",
            "done",
            "code=$(curl -sk --max-time 5 -o /dev/null -w '%{http_code}' \"https://127.0.0.1:$port/livez/etcd\" 2>/dev/null)",
            "printf 'livez %s\\n' \"${code:-none}\"");

    static ApiserverProbe look(RemoteHost remote, int port, ApiserverFlag flag) {
        String out = remote.run("sh -c " + Shell.quote(SCRIPT) + " quorum-probe " + Shell.quote(Integer.toString(port))
                + " " + Shell.quote(flag.flagName()), TIMEOUT).requireOk("look at kube-apiserver on " + remote.name())
                .stdout();
        return parse(out);
    }

    /** Pure: the script's output -> the probe. */
    static ApiserverProbe parse(String output) {
        List<String> servers = new ArrayList<>();
        String livez = "none";
        for (String line : output.split("\n")) {
            if (line.startsWith("servers ")) {
                servers.add(line.substring("servers ".length()).trim());
            } else if (line.startsWith("livez ")) {
                livez = line.substring("livez ".length()).trim();
            }
        }
        return new ApiserverProbe(servers, livez);
    }

    /** Restarted with {@code value} (every kube-apiserver process has it) and etcd healthy in its eyes. */
    boolean servesWith(String value) {
        return !runningServers.isEmpty() && runningServers.stream().allMatch(value::equals) && healthy();
    }

    boolean healthy() {
        return "200".equals(livezStatus);
    }

    /** Anonymous health requests refused: Quorum cannot tell whether the API server came back. */
    boolean refusesAnonymous() {
        return "401".equals(livezStatus) || "403".equals(livezStatus);
    }

    String describe(String value) {
        return describe(value, ApiserverFlag.ETCD_SERVERS);
    }

    String describe(String value, ApiserverFlag flag) {
        String processes = runningServers.isEmpty() ? "no kube-apiserver process running"
                : runningServers.stream().allMatch(value::equals) ? "kube-apiserver runs with the new " + flag.flagName()
                : "kube-apiserver still runs with " + flag.flagName() + "=" + String.join(" / ", runningServers);
        String health = "none".equals(livezStatus) || "000".equals(livezStatus) ? "/livez/etcd does not answer"
                : "/livez/etcd answers HTTP " + livezStatus;
        return processes + ", " + health;
    }
}
