package dev.quorum.app.install;

import dev.quorum.core.engine.PlanRuns;
import dev.quorum.app.wizard.Cell;
import dev.quorum.app.wizard.HostKeyReport;
import dev.quorum.app.wizard.SessionPlanSource;
import dev.quorum.app.wizard.WizardServices;
import dev.quorum.core.ActionableError;
import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.engine.RunEvent;
import dev.quorum.core.engine.StepStatus;
import dev.quorum.core.engine.report.TargetState;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.install.InstallPlan;
import dev.quorum.core.remote.HostKeyScan;
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
        try (ClusterSession session = SessionPlanSource.open(inventory, services)) {
            List<EtcdMember> members = session.inventory().etcdMembers();
            // The keys the user saw and agreed to are trusted byte for byte; one that differs now shows as changed.
            HostKeyReport keys = HostKeyReport.scan(services.ssh(), members.stream().map(EtcdMember::host).toList(),
                    consented);
            List<String> checkable = members.stream().map(EtcdMember::hostName)
                    .filter(h -> keys.entry(h).map(HostKeyReport.Entry::known).orElse(false)).toList();
            Map<String, Cell> checked = checkable.isEmpty() ? Map.of() : preflight(session, checkable);
            List<PreflightRow> rows = new ArrayList<>();
            for (EtcdMember member : members) {
                HostKeyReport.Entry key = keys.entry(member.hostName()).orElseThrow();
                Cell result = key.known() ? checked.getOrDefault(member.hostName(),
                        new Cell(TargetState.FAILED, "not checked"))
                        : new Cell(key.unknown() ? TargetState.WAITING : TargetState.FAILED, key.problem());
                rows.add(new PreflightRow(member.hostName(), member.address(), key.describe(), result));
            }
            return new Result(inventory, rows, keys.unknownKeys());
        }
    }

    /** The install plan's preflight step, on these hosts only, in preview mode: it changes nothing. */
    private static Map<String, Cell> preflight(ClusterSession session, List<String> hosts) {
        Map<String, Cell> cells = Collections.synchronizedMap(new LinkedHashMap<>());
        PlanRuns.preview(InstallPlan.preflight(session, hosts), event -> {
            if (event instanceof RunEvent.TargetFinished f) {
                cells.put(f.target(), f.status() == StepStatus.FAILED ? new Cell(TargetState.FAILED,
                        f.message() + (f.hint().isBlank() ? "" : ". What to do: " + f.hint()))
                        : new Cell(TargetState.OK, f.message()));
            }
        });
        return cells;
    }

    static String message(Throwable e) {
        String hint = e instanceof ActionableError a ? a.hint() : "";
        return e.getMessage() + (hint.isBlank() ? "" : " " + hint);
    }
}
