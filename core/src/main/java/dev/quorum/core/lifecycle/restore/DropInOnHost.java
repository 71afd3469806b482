package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.util.Optional;

/**
 * What one host has of the restore's drop-in ({@link InitialCheckDropIn}) and whether its etcd runs, read in one
 * SSH round trip: the check before the start and the one after the verification both need all three.
 *
 * @param unitState {@code systemctl is-active}'s word
 * @param conf      the drop-in's .conf, if present
 * @param env       its env file, if present
 */
record DropInOnHost(String unitState, Optional<String> conf, Optional<String> env) {
    private static final String MARK = "@@quorum-drop-in:";

    static DropInOnHost read(RemoteHost remote, ClusterLayout layout) {
        String conf = Shell.quote(InitialCheckDropIn.confPath(layout));
        String env = Shell.quote(InitialCheckDropIn.envPath(layout));
        String out = remote.run("systemctl is-active " + Shell.quote(layout.unitName()) + " 2>/dev/null | head -n 1; "
                + section("conf", conf) + section("env", env)).stdout();
        return parse(out);
    }

    static DropInOnHost parse(String out) {
        return new DropInOnHost(out.substring(0, Math.max(0, out.indexOf(MARK))).strip(), part(out, "conf"),
                part(out, "env"));
    }

    /** A marker, then "present" and the file, or nothing: an empty file stays told apart from a missing one. */
    private static String section(String name, String path) {
        return "echo " + MARK + name + "; if [ -f " + path + " ]; then echo present; cat -- " + path + "; fi; ";
    }

    private static Optional<String> part(String out, String name) {
        int start = out.indexOf(MARK + name + "\n");
        if (start < 0) {
            return Optional.empty();
        }
        String rest = out.substring(start + MARK.length() + name.length() + 1);
        int end = rest.indexOf(MARK);
        String body = end < 0 ? rest : rest.substring(0, end);
        return body.startsWith("present\n") ? Optional.of(body.substring("present\n".length())) : Optional.empty();
    }

    boolean running() {
        return "active".equals(unitState) || "activating".equals(unitState);
    }

    boolean anyPresent() {
        return conf.isPresent() || env.isPresent();
    }

    boolean holds(InitialCheckDropIn dropIn) {
        return conf.equals(Optional.of(dropIn.conf())) && env.equals(Optional.of(dropIn.env()));
    }
}
