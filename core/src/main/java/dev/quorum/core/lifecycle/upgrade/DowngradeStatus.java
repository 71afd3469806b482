package dev.quorum.core.lifecycle.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.core.engine.StepFailedException;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.steps.LifecycleSession;
import dev.quorum.core.release.EtcdVersion;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * etcd's downgrade as one member on 3.6 or later reports it in its endpoint status: the version of its storage
 * schema ("3.6.0", "3.5.0" once a downgrade to 3.5 migrated it) and the downgrade enabled in the cluster, if any.
 * jetcd's status lacks both fields, so the member is asked through etcd's JSON gateway (decision 0068); not through
 * its host's etcdctl, which is older than the member once the host got the older binary and then omits both.
 *
 * @param read           the member answered; false when its state is unknown (and a downgrade refuses)
 * @param storageVersion its storage version ("3.5.0"); empty when not read
 * @param enabledTarget  the downgrade's target version ("3.5.0") while one is enabled; empty when none is
 * @param unread         why it was not read
 */
public record DowngradeStatus(boolean read, String storageVersion, Optional<String> enabledTarget, String unread) {
    public static final DowngradeStatus NOT_READ = new DowngradeStatus(false, "", Optional.empty(), "not asked");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final EtcdVersion FIRST_WITH_DOWNGRADE = new EtcdVersion(3, 6, 0);

    /** etcd's downgrade API, storage version and downgrade state exist from 3.6 on. */
    static boolean reportedBy(EtcdVersion version) {
        return version.compareTo(FIRST_WITH_DOWNGRADE) >= 0;
    }

    /** The members whose state was not read, each with why: "etcd-h1 (SSH: timeout), ...". */
    static String unreadOf(List<ObservedMember> members) {
        return members.stream().filter(m -> !m.downgrade().read())
                .map(m -> m.memberName() + " (" + m.downgrade().unread() + ")").collect(Collectors.joining(", "));
    }

    public static DowngradeStatus notRead(String why) {
        return new DowngradeStatus(false, "", Optional.empty(), why);
    }

    /** The storage schema is on {@code line} ("3.5"): a binary of that line can start on the data dir. */
    public boolean storageOn(String line) {
        return read && (storageVersion.equals(line) || storageVersion.startsWith(line + "."));
    }

    /** A downgrade to {@code line} is enabled in the cluster. */
    public boolean downgradingTo(String line) {
        return read && enabledTarget.map(t -> t.equals(line) || t.startsWith(line + ".")).orElse(false);
    }

    /**
     * Positive evidence from the member itself that a binary of the target's minor can start on its data dir: its
     * storage migrated and the downgrade to that minor enabled; otherwise the member's restart must not happen.
     */
    void requireReadyFor(EtcdVersion target, String memberName) throws StepFailedException {
        if (!storageOn(target.line()) || !downgradingTo(target.line())) {
            throw new StepFailedException(memberName + " is not ready for " + target + ": " + (read
                    ? "storage version " + storageVersion + ", downgrade " + enabledTarget
                    .map(t -> "to " + t + " enabled").orElse("not enabled") : unread)
                    + "; nothing was changed on it", "run the same command again: its first steps enable etcd's "
                    + "downgrade and wait for the storage to follow");
        }
    }

    /** The member's own answer (of the main or the events cluster, as {@code session} is). */
    static DowngradeStatus read(LifecycleSession session, EtcdMember member) {
        try {
            return parse(session.cluster().sharedEtcd().maintenanceStatus(member.clientUrl())
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notRead("interrupted");
        } catch (Exception e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return notRead("its status at " + member.clientUrl() + "/v3/maintenance/status: "
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
        }
    }

    /**
     * Reads a member's status in JSON, as etcd's gateway answers it (the StatusResponse) or as {@code etcdctl endpoint
     * status -w json} prints it (a list of endpoints, each with its Status): its storage and downgrade fields.
     */
    static DowngradeStatus parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            return notRead("the member answered no JSON");
        }
        JsonNode status = root == null ? null : root.isArray() ? root.path(0).path("Status") : root;
        if (status == null || !status.isObject() || !status.has("version")) {
            return notRead("the member answered no endpoint status");
        }
        String storage = status.path("storageVersion").asText("");
        if (storage.isEmpty()) {
            return notRead("the member reports no storage version (etcd before 3.6 does not)");
        }
        JsonNode info = status.path("downgradeInfo");
        Optional<String> target = info.path("enabled").asBoolean(false)
                ? Optional.of(info.path("targetVersion").asText("")).filter(t -> !t.isEmpty()) : Optional.empty();
        return new DowngradeStatus(true, storage, target, "");
    }
}
