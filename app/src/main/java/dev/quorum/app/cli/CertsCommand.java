package dev.quorum.app.cli;

import dev.quorum.core.certinventory.CertificateInventory;
import dev.quorum.core.certinventory.InventoryReport;
import dev.quorum.core.certinventory.WorkstationStore;
import dev.quorum.core.cluster.ClusterSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "certs",
        description = {"List every etcd certificate and key on the hosts and this workstation, with its problems.",
                "Problems: expired or expiring, wrong CA, SANs not covering the host, key missing, mismatched or readable by "
                        + "others, usages etcd needs, a CA key left on a host.",
                "Ends with what to do next: quorum certs renew, or quorum certs rotate-ca when the CA itself expires "
                        + "within --warn-days (the certificates it signs end with it).",
                "Exit status 0 when nothing needs action (notes do not count), 1 otherwise."},
        subcommands = {CertsRenewCommand.class, CertsRotateCaCommand.class})
final class CertsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // Not the ClusterOptions mixin: picocli would then demand -i before `renew` too.
    @Option(names = {"-i", "--inventory"}, paramLabel = "INVENTORY",
            description = "Kubespray inventory, YAML (hosts.yaml) or INI (inventory.ini); group_vars/ and host_vars/ beside it are read too. Required.")
    Path inventory;

    @Option(names = "--accept-new-host-keys",
            description = "Trust and record host keys not yet in known_hosts. A changed key is always refused.")
    boolean acceptNewHostKeys;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "known_hosts file to check host keys against (default: ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = {"-J", "--jump"}, paramLabel = "USER@HOST[:PORT]",
            description = "Reach every host through this bastion (SSH jump host), instead of the inventory's.")
    String jump;

    @Option(names = "--cluster", paramLabel = "main|events", defaultValue = "main",
            description = "Whose env file names the files in use: main (/etc/etcd.env, the default) or events "
                    + "(/etc/etcd-events.env). Both clusters use the same certificates; quorum certs renew covers both.")
    String clusterWord = "main";

    @Option(names = "--json", description = "Print one JSON object: {\"certificates\": [...]}.")
    boolean json;

    @Mixin
    WarnDaysOption warnDays;

    @Override
    public Integer call() {
        Duration warning = warnDays.window();
        if (inventory == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--inventory=INVENTORY'");
        }
        ClusterOptions cluster = new ClusterOptions();
        cluster.inventory = inventory;
        cluster.acceptNewHostKeys = acceptNewHostKeys;
        cluster.knownHosts = knownHosts;
        cluster.jump = jump;
        cluster.clusterWord = clusterWord;
        InventoryReport report;
        CertReaders readers;
        try (ClusterSession session = cluster.open()) {
            report = new CertificateInventory(session.inventory(), session::remote, warning,
                    Clock.systemUTC())
                    .collect(WorkstationStore.read(session.home().pki(session.inventory().pkiName())));
            readers = CertReaders.of(session.inventory());
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(CertsJson.render(report, readers, inventory.toString()));
        } else {
            CertsText.print(report, inventory.toString(), out);
            readers.note().ifPresent(out::println);
        }
        out.flush();
        return report.clean() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
