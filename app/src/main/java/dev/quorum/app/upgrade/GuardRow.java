package dev.quorum.app.upgrade;

import dev.quorum.core.lifecycle.upgrade.Gate;
import dev.quorum.core.lifecycle.upgrade.UpgradeRefusal;

/** One guard that refuses, in words: which guard, why, and what to do. */
public record GuardRow(String guard, String reason, String hint) {

    static GuardRow of(UpgradeRefusal refusal) {
        return new GuardRow(title(refusal.gate()), refusal.reason(), refusal.hint());
    }

    static String title(Gate gate) {
        return switch (gate) {
            case UNREACHABLE -> "Every member answers";
            case UNHEALTHY -> "Every member healthy";
            case ALARMS -> "No alarms";
            case DOWNGRADE -> "Older versions: one minor back, by etcd's downgrade";
            case ONE_MINOR_AT_A_TIME -> "One minor at a time";
            case AUTH_ENABLED -> "3.4 -> 3.5 without authentication";
            case MINIMUM_PATCH -> "3.5 -> 3.6 from a recent enough 3.5";
            case V2_STORE -> "3.5 -> 3.6 with a clean v2 store";
            case REMOVED_MARKS -> "3.5 -> 3.6 with no current member marked removed";
            case DISK -> "Room on disk";
            case ROLLBACK -> "Rollback possible";
            case EVENTS_CLUSTER -> "The events cluster can take the shared binary";
        };
    }
}
