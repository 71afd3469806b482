package dev.quorum.app.install;

import dev.quorum.app.common.PlanRuns;
import dev.quorum.app.wizard.Cell;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.ActionableError;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.StepStatus;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.install.InstallPlan;
import dev.quorum.core.remote.HostKeyScan;
import dev.quorum.core.remote.HostKeyScanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The background part of the preflight page: resolves the inventory (writing it for typed-in
 * hosts), reads each host's key, trusts exactly the keys the user consented to, then runs the
 * install plan's own preflight step, read-only, on the hosts whose key is known.
 */
final class PreflightCheck implements Callable<PreflightCheck.Result> {

    /** @param unknownKeys host keys nobody has trusted yet: the user is asked about these */
    record Result(Path inventory, List<PreflightRow> rows, List<HostKeyScan> unknownKeys) {
        boolean allOk() {
            return !rows.isEmpty() && rows.stream().allMatch(PreflightRow::ok) && unknownKeys.isEmpty();
        }
    }

    private final InstallTarget target;
    private final WizardServices services;
    private final List<HostKeyScan> consented;

    PreflightCheck(InstallTarget target, WizardServices services, List<HostKeyScan> consented) {
        this.target = target;
        this.services = services;
        this.consented = List.copyOf(consented);
    }

    @Override
    public Result call() {
        Path inventory = target.resolve();
        // The keys the user saw and agreed to, byte for byte; a key that differs now shows as changed.
        consented.forEach(HostKeyScan::trust);
        try (ClusterSession session = SessionPlanSource.open(inventory, services)) {
            HostKeyScanner scanner = new HostKeyScanner(services.ssh());
            Map<String, String> keyText = new LinkedHashMap<>();
            Map<String, Cell> blocked = new LinkedHashMap<>();
            List<HostKeyScan> unknown = new ArrayList<>();
            List<String> checkable = new ArrayList<>();
            for (EtcdMember member : session.inventory().etcdMembers()) {
                String host = member.hostName();
                try {
                    HostKeyScan scan = scanner.scan(host, member.host().ssh());
                    keyText.put(host, describe(scan));
                    switch (scan.verdict()) {
                        case KNOWN -> checkable.add(host);
                        case UNKNOWN -> {
                            unknown.add(scan);
                            blocked.put(host, new Cell(Cell.Mark.WAITING, "waiting for you to trust its host key"));
                        }
                        case CHANGED -> blocked.put(host, new Cell(Cell.Mark.FAILED, "the host key differs from the "
                                + "one in " + scan.knownHosts() + ": never trusted automatically. If the host was "
                                + "reinstalled, remove the old key (ssh-keygen -R " + scan.knownHostsName()
                                + ") and check again"));
                    }
                } catch (RuntimeException e) {
                    keyText.put(host, "not read");
                    blocked.put(host, new Cell(Cell.Mark.FAILED, message(e)));
                }
            }
            Map<String, Cell> checked = checkable.isEmpty() ? Map.of() : preflight(session, checkable);
            List<PreflightRow> rows = new ArrayList<>();
            for (EtcdMember member : session.inventory().etcdMembers()) {
                String host = member.hostName();
                rows.add(new PreflightRow(host, member.address(), keyText.get(host),
                        blocked.containsKey(host) ? blocked.get(host) : checked.getOrDefault(host,
                                new Cell(Cell.Mark.FAILED, "not checked"))));
            }
            return new Result(inventory, rows, unknown);
        }
    }

    /** The install plan's preflight step, on these hosts only, in preview mode: it changes nothing. */
    private static Map<String, Cell> preflight(ClusterSession session, List<String> hosts) {
        Map<String, Cell> cells = Collections.synchronizedMap(new LinkedHashMap<>());
        PlanRuns.preview(InstallPlan.preflight(session, hosts), event -> {
            if (event instanceof RunEvent.TargetFinished f) {
                cells.put(f.target(), f.status() == StepStatus.FAILED ? new Cell(Cell.Mark.FAILED,
                        f.message() + (f.hint().isBlank() ? "" : ". What to do: " + f.hint()))
                        : new Cell(Cell.Mark.OK, f.message()));
            }
        });
        return cells;
    }

    private static String describe(HostKeyScan scan) {
        return switch (scan.verdict()) {
            case KNOWN -> "known (" + scan.key().fingerprint() + ")";
            case UNKNOWN -> "NEW: " + scan.key().type() + " " + scan.key().fingerprint();
            case CHANGED -> "CHANGED: now " + scan.key().fingerprint();
        };
    }

    static String message(Throwable e) {
        String hint = e instanceof ActionableError a ? a.hint() : "";
        return e.getMessage() + (hint.isBlank() ? "" : " " + hint);
    }
}
