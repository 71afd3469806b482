package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.cluster.ClusterSession;
import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.lifecycle.backup.offsite.AwsWorkstation;
import dev.quorum.core.lifecycle.backup.offsite.OffsiteBackup;
import dev.quorum.core.lifecycle.backup.offsite.OffsiteException;
import dev.quorum.core.lifecycle.backup.offsite.OffsiteStore;
import dev.quorum.core.lifecycle.backup.offsite.S3Endpoint;
import dev.quorum.core.lifecycle.backup.offsite.S3Location;
import dev.quorum.core.lifecycle.backup.offsite.S3OffsiteStore;
import dev.quorum.core.remote.CommandResult;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The off-site copies of every member whose schedule has one, listed from the store with this workstation's key:
 * where each host uploads is read from its env file (never the secret: only the S3_ lines), and each member's
 * objects are one group, {@code s3://BUCKET/PREFIX/MEMBER/}. A copy is verified when the object carries the
 * sha256 its host's job set and is named and tagged as that job names and tags them; a store or host that
 * cannot be asked is unknown, never "no backups".
 */
public final class OffsiteListing {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    /** Opens the store at an off-site location, with the endpoint and region the hosts use. */
    @FunctionalInterface
    public interface Stores {
        OffsiteStore open(S3Location location, String endpoint, String region);
    }

    private OffsiteListing() {
    }

    /** With this workstation's AWS key (decision 0023), not the hosts': listing needs only s3:ListBucket and HEAD. */
    public static Stores workstation() {
        return (location, endpoint, region) -> {
            AwsWorkstation aws = new AwsWorkstation();
            return S3OffsiteStore.open(location, S3Endpoint.parse(endpoint, region), aws.credentials());
        };
    }

    static String command() {
        return command(BackupUnits.MAIN);
    }

    static String command(BackupUnits units) {
        return "[ -r " + units.envFile() + " ] && sed -n \"s/^QUORUM_BACKUP_S3_\\(ENDPOINT\\|BUCKET\\|PREFIX\\|REGION\\)="
                + "'\\([^']*\\)'$/\\1=\\2/p\" " + units.envFile() + "; true";
    }

    public static List<HostBackups> read(ClusterSession cluster, Stores stores) {
        List<HostBackups> groups = new ArrayList<>();
        for (EtcdMember member : cluster.inventory().etcdMembers()) {
            CommandResult result;
            try {
                result = cluster.remote(member.hostName()).run(command(BackupUnits.of(cluster)));
            } catch (Exception e) {
                continue; // the host's own line already says it is unknown; its off-site setting is not known here
            }
            Map<String, String> settings = settings(result.stdout());
            if (result.ok() && settings.containsKey("BUCKET") && settings.containsKey("ENDPOINT")) {
                groups.add(list(member, settings, stores));
            }
        }
        return groups;
    }

    /**
     * The endpoint the hosts upload to for the store that holds {@code location} ({@code s3://BUCKET/PREFIX/MEMBER/NAME},
     * as listed), read from the members' env files (never the key); empty when no readable member's schedule copies
     * there. The app pulls an off-site copy with it, as {@code backup pull --s3-endpoint} would.
     */
    public static Optional<String> endpointOf(ClusterSession cluster, String location) {
        for (EtcdMember member : cluster.inventory().etcdMembers()) {
            try {
                CommandResult result = cluster.remote(member.hostName()).run(command(BackupUnits.of(cluster)));
                Map<String, String> settings = settings(result.stdout());
                Optional<String> endpoint = result.ok() ? endpointOf(member, settings, location) : Optional.empty();
                if (endpoint.isPresent()) {
                    return endpoint;
                }
            } catch (Exception e) {
                // this host cannot say; another member's settings may
            }
        }
        return Optional.empty();
    }

    /** This member's endpoint when {@code location} lies in its own off-site folder, from its settings alone. */
    static Optional<String> endpointOf(EtcdMember member, Map<String, String> settings, String location) {
        return settings.containsKey("BUCKET") && settings.containsKey("ENDPOINT")
                && location.startsWith(where(member, settings)) && location.indexOf('/', where(member, settings).length()) < 0
                ? Optional.of(settings.get("ENDPOINT")) : Optional.empty();
    }

    private static String where(EtcdMember member, Map<String, String> settings) {
        String prefix = settings.getOrDefault("PREFIX", "");
        return "s3://" + settings.get("BUCKET") + "/" + (prefix.isEmpty() ? "" : prefix + "/") + member.memberName() + "/";
    }

    static Map<String, String> settings(String output) {
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] pair = line.strip().split("=", 2);
            if (pair.length == 2) {
                values.putIfAbsent(pair[0], pair[1]);
            }
        }
        return values;
    }

    private static HostBackups list(EtcdMember member, Map<String, String> settings, Stores stores) {
        String where = where(member, settings);
        try {
            S3Location location = S3Location.parse(where);
            try (OffsiteStore store = stores.open(location, settings.get("ENDPOINT"),
                    settings.getOrDefault("REGION", "us-east-1"))) {
                List<BackupEntry> entries = store.list().stream().filter(o -> o.name().endsWith(".db"))
                        .map(o -> entry(where, member.memberName(), o))
                        .sorted(Comparator.comparing((BackupEntry b) -> b.time().orElse(Instant.EPOCH))).toList();
                return new HostBackups(where, entries, Optional.empty());
            }
        } catch (OffsiteException e) {
            return HostBackups.unknown(where, e.getMessage() + "; " + e.hint());
        } catch (RuntimeException e) {
            return HostBackups.unknown(where, "cannot be listed: " + e.getMessage());
        }
    }

    static BackupEntry entry(String where, String member, OffsiteBackup object) {
        Matcher name = Pattern.compile(Pattern.quote("quorum-backup-" + member + "-") + "(\\d{8}T\\d{6}Z)\\.db")
                .matcher(object.name());
        Optional<String> problem = !name.matches() ? Optional.of("not named as quorum-backup names its copies")
                : object.metadata().sha256().isEmpty() ? Optional.of("the object carries no x-amz-meta-sha256")
                : !object.metadata().member().equals(Optional.of(member)) ? Optional.of("not tagged as " + member + "'s copy")
                : Optional.empty();
        Optional<Instant> time = name.matches()
                ? Optional.of(LocalDateTime.parse(name.group(1), STAMP).toInstant(ZoneOffset.UTC))
                : Optional.ofNullable(object.lastModified());
        return new BackupEntry(where, where + object.name(), time, object.metadata().revision().orElse(0),
                object.size(), object.metadata().sha256().orElse(""), problem.isEmpty(), problem);
    }
}
