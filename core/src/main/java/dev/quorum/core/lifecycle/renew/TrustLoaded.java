package dev.quorum.core.lifecycle.renew;

import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.remote.Shell;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * Whether a host's running etcd has loaded its CA files. A host's trust switch is two actions:
 * write the CA files (each an atomic rename), then restart etcd, which reads trusted CAs only at
 * start. A crash between them leaves the right files and an etcd still trusting the old set; the
 * files alone look done. So the step also compares etcd's start time with the files' modification
 * time: etcd started before the newest file was written has not loaded it.
 *
 * @param etcdStarted when the running etcd started (epoch seconds), empty when it is not running
 * @param newestFile  the newest modification time of the CA files (epoch seconds)
 */
record TrustLoaded(OptionalLong etcdStarted, long newestFile) {

    /**
     * Prints {@code etcd started EPOCH} (or {@code etcd stopped}) and {@code file EPOCH PATH} per
     * file. Whole seconds on both sides: etcd started in a later or the same second counts as
     * loaded, so a restart just after writing is never taken for a missing one.
     */
    static String script(Collection<String> caFiles) {
        return script(ClusterLayout.MAIN, caFiles);
    }

    /** As above for the layout's unit ({@code etcd-events} for the events cluster, a fixed word, never inventory text). */
    static String script(ClusterLayout layout, Collection<String> caFiles) {
        StringBuilder script = new StringBuilder(String.join("\n",
                "pid=$(systemctl show -p MainPID --value " + layout.unitName() + " 2>/dev/null)",
                "up=''",
                "case \"$pid\" in ''|0) ;; *) up=$(ps -o etimes= -p \"$pid\" 2>/dev/null | tr -d ' ') ;; esac",
                "if [ -n \"$up\" ]; then echo \"etcd started $(( $(date +%s) - up ))\"; else echo 'etcd stopped'; fi"));
        for (String file : caFiles) {
            script.append("\nstat -c 'file %Y %n' -- ").append(Shell.quote(file)).append(" 2>/dev/null || true");
        }
        return script.append('\n').toString();
    }

    static TrustLoaded parse(String output) {
        OptionalLong started = OptionalLong.empty();
        long newest = Long.MIN_VALUE;
        for (String line : output.split("\n")) {
            String[] words = line.strip().split(" ", 3);
            if (words.length >= 3 && words[0].equals("etcd") && words[1].equals("started")) {
                started = OptionalLong.of(Long.parseLong(words[2].strip()));
            } else if (words.length == 3 && words[0].equals("file")) {
                newest = Math.max(newest, Long.parseLong(words[1]));
            }
        }
        return new TrustLoaded(started, newest);
    }

    /** etcd runs and started before the newest CA file was written: it still trusts what it read then. */
    boolean stale() {
        return etcdStarted.isPresent() && etcdStarted.getAsLong() < newestFile;
    }
}
