package dev.quorum.core.lifecycle.restore;

import dev.quorum.core.etcd.InitialCheckDropIn;
import dev.quorum.core.inventory.ClusterLayout;
import dev.quorum.core.lifecycle.steps.UnitState;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.util.List;
import java.util.Optional;

/**
 * What one host has of the restore's drop-in ({@link InitialCheckDropIn}), on disk and as systemd loaded it, and
 * whether its etcd runs, read in one SSH round trip. Both matter: files written without the daemon-reload are
 * not used yet, and files removed without it are still in force.
 *
 * @param unitState {@code systemctl is-active}'s word
 * @param loaded    {@code systemctl show -p DropInPaths}: the drop-ins of the definition systemd holds
 * @param conf      the drop-in's .conf on disk, if present
 * @param env       its env file on disk, if present
 */
record DropInOnHost(String unitState, List<String> loaded, Optional<String> conf, Optional<String> env) {
    private static final String MARK = "@@quorum-drop-in:";

    static DropInOnHost read(RemoteHost remote, ClusterLayout layout) {
        String unit = Shell.quote(layout.unitName());
        String conf = Shell.quote(InitialCheckDropIn.confPath(layout));
        String env = Shell.quote(InitialCheckDropIn.envPath(layout));
        return parse(remote.run("systemctl is-active " + unit + " 2>/dev/null | head -n 1; echo " + MARK
                + "loaded; systemctl show -p DropInPaths --value " + unit + " 2>/dev/null; "
                + section("conf", conf) + section("env", env)).stdout());
    }

    /** A marker, then "present" and the file, or nothing: an empty file stays told apart from a missing one. */
    private static String section(String name, String path) {
        return "echo " + MARK + name + "; if [ -f " + path + " ]; then echo present; cat -- " + path + "; fi; ";
    }

    static DropInOnHost parse(String out) {
        String loaded = part(out, "loaded").orElse("").strip();
        return new DropInOnHost(out.substring(0, Math.max(0, out.indexOf(MARK))).strip(),
                loaded.isEmpty() ? List.of() : List.of(loaded.split("\\s+")), file(out, "conf"), file(out, "env"));
    }

    private static Optional<String> part(String out, String name) {
        int start = out.indexOf(MARK + name + "\n");
        if (start < 0) {
            return Optional.empty();
        }
        String rest = out.substring(start + MARK.length() + name.length() + 1);
        int end = rest.indexOf(MARK);
        return Optional.of(end < 0 ? rest : rest.substring(0, end));
    }

    private static Optional<String> file(String out, String name) {
        return part(out, name).filter(body -> body.startsWith("present\n"))
                .map(body -> body.substring("present\n".length()));
    }

    boolean running() {
        return UnitState.of(unitState).running();
    }

    /** On disk or still in force: either way a later start could skip the check. */
    boolean anyLeft(ClusterLayout layout) {
        return conf.isPresent() || env.isPresent() || loaded.contains(InitialCheckDropIn.confPath(layout));
    }

    /** Written as rendered and loaded by systemd: the next start reads it. */
    boolean inForce(InitialCheckDropIn dropIn) {
        return conf.equals(Optional.of(dropIn.conf())) && env.equals(Optional.of(dropIn.env()))
                && loaded.contains(dropIn.confPath());
    }
}
