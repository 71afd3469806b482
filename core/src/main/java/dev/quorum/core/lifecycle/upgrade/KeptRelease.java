package dev.quorum.core.lifecycle.upgrade;

import dev.quorum.core.cluster.ManagedFiles;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;

/**
 * The old release kept on a host for {@code --rollback}: its etcd, etcdctl (and etcdutl) and /etc/etcd.env in
 * {@code /var/backups/quorum/etcd-vOLD/}. Kept once, before the first binary is replaced, and only when bin_dir
 * really holds that release (an interrupted run may have installed the new one already).
 */
final class KeptRelease {
    private KeptRelease() {
    }

    static String dir(EtcdVersion version) {
        return HostObservation.keptDir(version);
    }

    static void keep(RemoteHost remote, StepContext context, EtcdSettings settings, EtcdVersion old) throws Exception {
        String dir = Shell.quote(dir(old));
        String bin = settings.binDir();
        String number = old.toString().substring(1);
        String script = String.join("\n",
                "set -e",
                "if [ -x " + dir + "/etcd ]; then echo already; exit 0; fi",
                "if ! " + Shell.quote(bin + "/etcd") + " --version 2>/dev/null | grep -q 'etcd Version: "
                        + number + "$'; then echo notold; exit 0; fi",
                "mkdir -p " + ManagedFiles.BACKUP_ROOT + " && chmod 700 " + ManagedFiles.BACKUP_ROOT,
                "rm -rf " + dir + ".part && mkdir " + dir + ".part",
                "for f in etcd etcdctl etcdutl; do if [ -e " + Shell.quote(bin) + "/$f ]; then cp -p "
                        + Shell.quote(bin) + "/$f " + dir + ".part/; fi; done",
                "if [ -e " + HostFiles.ENV_FILE + " ]; then cp -p " + HostFiles.ENV_FILE + " " + dir + ".part/; fi",
                "mv " + dir + ".part " + dir,
                "echo kept");
        String out = remote.run(script).requireOk("keep etcd " + old + " on " + context.target()).stdout();
        if (out.contains("notold")) {
            context.warn(settings.binDir() + "/etcd on " + context.target() + " is not " + old
                    + " any more: nothing kept for a rollback");
        } else if (out.contains("kept")) {
            context.info("kept etcd " + old + " and " + HostFiles.ENV_FILE + " in " + dir(old));
        }
    }

    /** Puts the kept binaries back (each renamed into place, so a running etcd keeps its file until restarted). */
    static void putBack(RemoteHost remote, StepContext context, EtcdSettings settings, EtcdVersion old)
            throws Exception {
        String dir = Shell.quote(dir(old));
        String bin = Shell.quote(settings.binDir());
        String script = String.join("\n",
                "set -e",
                "[ -x " + dir + "/etcd ]",
                "for f in etcd etcdctl etcdutl; do if [ -e " + dir + "/$f ]; then install -m 0755 " + dir + "/$f "
                        + bin + "/$f.quorum-new && mv -f " + bin + "/$f.quorum-new " + bin + "/$f; fi; done");
        remote.run(script).requireOk("put etcd " + old + " back on " + context.target());
        var env = ManagedFiles.read(remote, dir(old) + "/etcd.env");
        if (env.isPresent()) {
            ManagedFiles.replace(remote, HostFiles.ENV_FILE, env.get(), "0640")
                    .ifPresent(kept -> context.info("previous " + HostFiles.ENV_FILE + " kept as " + kept));
        }
        context.info("etcd " + old + " is back in " + settings.binDir() + " on " + context.target());
    }
}
