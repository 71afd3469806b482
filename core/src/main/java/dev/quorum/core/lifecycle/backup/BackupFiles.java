package dev.quorum.core.lifecycle.backup;

import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.inventory.EtcdSettings;
import dev.quorum.resources.Templates;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The four files a scheduled backup is on a host, rendered from the inventory and the request alone. The constants
 * are the main cluster's names; {@link BackupUnits} gives each cluster's.
 */
public final class BackupFiles {
    public static final String SCRIPT = BackupUnits.MAIN.script();
    public static final String ENV_FILE = BackupUnits.MAIN.envFile();
    public static final String SERVICE = BackupUnits.MAIN.service();
    public static final String TIMER = BackupUnits.MAIN.timer();
    public static final String SERVICE_FILE = BackupUnits.MAIN.serviceFile();
    public static final String TIMER_FILE = BackupUnits.MAIN.timerFile();
    private static final Duration LONGEST_DELAY = Duration.ofMinutes(1);

    private BackupFiles() {
    }

    public static String script() {
        return Templates.render("quorum-backup.sh", Map.of());
    }

    public static String serviceUnit() {
        return serviceUnit(BackupUnits.MAIN);
    }

    public static String serviceUnit(BackupUnits units) {
        return Templates.render(SERVICE, Map.of("env_file", units.envFile(), "script", units.script(),
                "timer", units.timer(), "etcd_unit", units.etcdUnit()));
    }

    public static String timerUnit(BackupSchedule schedule) {
        return timerUnit(BackupUnits.MAIN, schedule);
    }

    public static String timerUnit(BackupUnits units, BackupSchedule schedule) {
        long every = schedule.every().toSeconds();
        long delay = Math.min(LONGEST_DELAY.toSeconds(), every / 10);
        return Templates.render(TIMER, Map.of("every", Durations.words(schedule.every()),
                "every_seconds", Long.toString(every), "delay_seconds", Long.toString(delay),
                "service", units.service()));
    }

    /** {@code /etc/quorum-backup.env} for one member of the main cluster. */
    public static String envFile(EtcdMember member, EtcdSettings settings, BackupSchedule schedule) {
        return envFile(BackupUnits.MAIN, member, settings, schedule);
    }

    /** The cluster's env file for one member: the only place its S3 secret is written (mode 0600). */
    public static String envFile(BackupUnits units, EtcdMember member, EtcdSettings settings,
                                 BackupSchedule schedule) {
        Map<String, String> values = new LinkedHashMap<>();
        if (units.namesItsEnvFile()) {
            // systemd's EnvironmentFile= exports it, so the script reads this file instead of the main cluster's
            values.put("QUORUM_BACKUP_ENV", units.envFile());
        }
        values.put("QUORUM_BACKUP_DIR", schedule.dir());
        values.put("QUORUM_BACKUP_KEEP", Integer.toString(schedule.keep()));
        values.put("QUORUM_BACKUP_MEMBER", member.memberName());
        values.put("QUORUM_BACKUP_ENDPOINT", units.endpoint());
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
                + units.script() + " and " + units.service() + ". Root only.\n");
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
