package dev.quorum.core.sandbox;

import dev.quorum.core.etcd.ClusterStatus;
import java.util.List;
import java.util.Optional;

/** The sandbox's processes and, when any runs, etcd's own view of the cluster. */
public record SandboxStatus(List<Process> processes, Optional<ClusterStatus> cluster) {
    public SandboxStatus {
        processes = List.copyOf(processes);
    }

    public long runningCount() {
        return processes.stream().filter(p -> p.pid().isPresent()).count();
    }

    /** In words: "not running", or etcd's health sentence. */
    public String sentence() {
        if (runningCount() == 0) {
            return "not running";
        }
        String health = cluster.map(ClusterStatus::sentence).orElse("no answer from etcd");
        return runningCount() + " of " + processes.size() + " members running; " + health;
    }

    /** A member and its etcd process id, if it runs. */
    public record Process(SandboxMember member, Optional<Long> pid) {
    }
}
