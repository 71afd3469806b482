package dev.quorum.core.lifecycle.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.core.etcd.HostFiles;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.core.release.EtcdVersion;
import dev.quorum.core.remote.CommandResult;
import dev.quorum.core.remote.RemoteHost;
import dev.quorum.core.remote.Shell;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * etcd's downgrade as one member on 3.6 or later reports it in its endpoint status: the version of its storage
 * schema ("3.6.0", "3.5.0" once a downgrade to 3.5 migrated it) and the downgrade enabled in the cluster, if any.
 * jetcd's status lacks both fields, so the member's own etcdctl asks it over SSH (decision 0068).
 *
 * @param read           the member answered; false when its state is unknown (and a downgrade refuses)
 * @param storageVersion its storage version ("3.5.0"); empty when not read
 * @param enabledTarget  the downgrade's target version ("3.5.0") while one is enabled; empty when none is
 * @param unread         why it was not read
 */
public record DowngradeStatus(boolean read, String storageVersion, Optional<String> enabledTarget, String unread) {
    public static final DowngradeStatus NOT_READ = new DowngradeStatus(false, "", Optional.empty(), "not asked");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
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

    static DowngradeStatus read(RemoteHost remote, EtcdSettings settings) {
        try {
            CommandResult result = remote.run(Shell.quote(HostFiles.etcdctlWrapperPath(settings))
                    + " --command-timeout=5s endpoint status -w json", TIMEOUT);
            if (!result.ok()) {
                return notRead("etcdctl endpoint status failed: " + result.stderrTail());
            }
            return parse(result.stdout());
        } catch (Exception e) {
            return notRead("SSH: " + e.getMessage());
        }
    }

    /** Reads etcdctl's {@code endpoint status -w json}: one endpoint, its status's storage and downgrade fields. */
    static DowngradeStatus parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            return notRead("etcdctl answered no JSON");
        }
        JsonNode status = root == null ? null : root.path(0).path("Status");
        if (status == null || !status.isObject()) {
            return notRead("etcdctl answered no endpoint status");
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
