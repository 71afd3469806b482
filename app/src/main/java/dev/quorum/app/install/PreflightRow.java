package dev.quorum.app.install;

import dev.quorum.app.wizard.Cell;
import dev.quorum.core.engine.report.TargetState;

/**
 * What preflight found on one host: its host key against known_hosts, then the plan's own
 * preflight checks (OS, architecture, disk, ports, existing etcd data).
 */
public record PreflightRow(String host, String address, String hostKey, Cell result) {
    public boolean ok() {
        return result.state() == TargetState.OK;
    }
}
