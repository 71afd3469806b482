package dev.quorum.core.intent;

import java.util.stream.Collectors;

/** An intent as the command a user types; the one place that knows Quorum's command-line syntax for intents. */
public final class CommandLine {
    private CommandLine() {
    }

    /** @param inventoryArg the inventory as the user named it */
    public static String of(Intent intent, String inventoryArg) {
        String inv = " -i " + inventoryArg;
        if (intent instanceof Intent.Diagnose) {
            return "quorum diagnose" + inv;
        }
        if (intent instanceof Intent.Recover) {
            return "quorum recover" + inv;
        }
        if (intent instanceof Intent.RestoreFromSnapshot restore) {
            return "quorum restore" + inv + " --snapshot FILE" + restore.declaredLost().stream().sorted()
                    .map(name -> " --declare-lost " + name).collect(Collectors.joining());
        }
        if (intent instanceof Intent.RestoreFromSurvivor) {
            return "quorum restore" + inv + " --from-survivor HOST";
        }
        if (intent instanceof Intent.Replace replace) {
            return "quorum replace" + inv + " --member " + replace.member() + " --with NEWHOST";
        }
        if (intent instanceof Intent.Remove remove) {
            return "quorum remove" + inv + " --member " + remove.memberOrHost();
        }
        if (intent instanceof Intent.Add add) {
            return "quorum add" + inv + " --host " + add.host();
        }
        if (intent instanceof Intent.RenewCertificates) {
            return "quorum certs renew" + inv;
        }
        if (intent instanceof Intent.RotateCa) {
            return "quorum certs rotate-ca" + inv;
        }
        if (intent instanceof Intent.SaveSnapshot) {
            return "quorum snapshot save" + inv;
        }
        return ((Intent.Manual) intent).command();
    }
}
