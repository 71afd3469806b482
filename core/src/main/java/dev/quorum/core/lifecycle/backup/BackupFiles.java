package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.resources.Templates;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The four files a scheduled backup is on a host, rendered from the inventory and the request alone. */
public final class BackupFiles {
    public static final String SCRIPT = "/usr/local/bin/quorum-backup";
    public static final String ENV_FILE = "/etc/quorum-backup.env";
    public static final String SERVICE = "quorum-backup.service";
    public static final String TIMER = "quorum-backup.timer";
    public static final String SERVICE_FILE = "/etc/systemd/system/" + SERVICE;
    public static final String TIMER_FILE = "/etc/systemd/system/" + TIMER;
    /** etcd's own client URL on loopback (Kubespray's env lists it): the member on this host, whatever its address. */
    static final String LOCAL_ENDPOINT = "https://127.0.0.1:2379";
    private static final Duration LONGEST_DELAY = Duration.ofMinutes(1);

    private BackupFiles() {
    }

    public static String script() {
        return Templates.render("quorum-backup.sh", Map.of());
    }

    public static String serviceUnit() {
        return Templates.render(SERVICE, Map.of("env_file", ENV_FILE, "script", SCRIPT));
    }

    public static String timerUnit(BackupSchedule schedule) {
        long every = schedule.every().toSeconds();
        long delay = Math.min(LONGEST_DELAY.toSeconds(), every / 10);
        return Templates.render(TIMER, Map.of("every", Durations.words(schedule.every()),
                "every_seconds", Long.toString(every), "delay_seconds", Long.toString(delay)));
    }

    /** {@code /etc/quorum-backup.env} for one member: the only place its S3 secret is written (mode 0600). */
    public static String envFile(EtcdMember member, EtcdSettings settings, BackupSchedule schedule) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("QUORUM_BACKUP_DIR", schedule.dir());
        values.put("QUORUM_BACKUP_KEEP", Integer.toString(schedule.keep()));
        values.put("QUORUM_BACKUP_MEMBER", member.memberName());
        values.put("QUORUM_BACKUP_ENDPOINT", LOCAL_ENDPOINT);
        values.put("QUORUM_BACKUP_CACERT", settings.certDir() + "/ca.pem");
        values.put("QUORUM_BACKUP_CERT", settings.certDir() + "/admin-" + member.hostName() + ".pem");
        values.put("QUORUM_BACKUP_KEY", settings.certDir() + "/admin-" + member.hostName() + "-key.pem");
        values.put("QUORUM_BACKUP_ETCDCTL", settings.binDir() + "/etcdctl");
        // used when present: releases with etcdutl (3.5+) check snapshots with it, 3.4 with etcdctl
        values.put("QUORUM_BACKUP_ETCDUTL", settings.binDir() + "/etcdutl");
        schedule.offsite().ifPresent(copy -> {
            values.put("QUORUM_BACKUP_S3_ENDPOINT", copy.endpoint());
            values.put("QUORUM_BACKUP_S3_BUCKET", copy.bucket());
            values.put("QUORUM_BACKUP_S3_PREFIX", copy.prefix());
            values.put("QUORUM_BACKUP_S3_REGION", copy.region());
            values.put("AWS_ACCESS_KEY_ID", copy.accessKeyId());
            values.put("AWS_SECRET_ACCESS_KEY", copy.secretAccessKey());
        });
        StringBuilder text = new StringBuilder("# Managed by Quorum (quorum backup schedule); read by "
                + SCRIPT + " and " + SERVICE + ". Root only.\n");
        values.forEach((name, value) -> text.append(name).append('=').append(quoted(name, value)).append('\n'));
        return text.toString();
    }

    /**
     * systemd's EnvironmentFile= and sh both read a single-quoted value literally, but they disagree on how
     * to write a quote inside one; a value that would need that is refused instead.
     */
    static String quoted(String name, String value) {
        for (char c : value.toCharArray()) {
            if (c == '\'' || c == '\\' || Character.isISOControl(c)) {
                throw new BackupException("refusing to write " + name + " into " + ENV_FILE + ": its value holds "
                        + (Character.isISOControl(c) ? "a control character or line break" : "the character " + c),
                        "use a value without quotes, backslashes or line breaks");
            }
        }
        return "'" + value + "'";
    }
}
