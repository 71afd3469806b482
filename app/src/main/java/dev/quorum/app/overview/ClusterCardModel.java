package dev.quorum.app.overview;

import dev.quorum.core.known.CertificateExpiry;
import dev.quorum.core.known.KnownCluster;
import dev.quorum.core.known.LastRun;
import dev.quorum.core.lifecycle.backup.BackupHealth;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One card: what the workstation's files say at once, the health and versions once the quick read answers, the
 * backups' freshness after that.
 */
public final class ClusterCardModel {
    static final String READING = "reading status...";
    static final String READING_BACKUPS = "backups: reading...";

    private final KnownCluster cluster;
    private final String expiry;
    private static final Path HOME = Path.of(System.getProperty("user.home"));

    private final StringProperty health = new SimpleStringProperty(READING);
    private final StringProperty healthInFull = new SimpleStringProperty("");
    private final StringProperty versions = new SimpleStringProperty("");
    private final StringProperty backups = new SimpleStringProperty("");

    ClusterCardModel(KnownCluster cluster, Instant now) {
        this.cluster = cluster;
        this.expiry = expiryWords(cluster.soonestExpiry(), now);
        if (cluster.inventory().isEmpty()) {
            health.set("unknown: Quorum did not record this cluster's inventory; open it once with Open an inventory...");
        }
    }

    /** "certificates: ca.pem expires 2036-12-01 (in 3649 days)"; "expired" when past. */
    static String expiryWords(Optional<CertificateExpiry> soonest, Instant now) {
        return soonest.map(e -> {
            long days = Duration.between(now, e.notAfter()).toDays();
            String date = e.notAfter().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            return "certificates: " + e.file() + (e.notAfter().isBefore(now) ? " EXPIRED " + date
                    : " expires " + date + " (in " + days + (days == 1 ? " day)" : " days)"));
        }).orElse("certificates: none on this workstation");
    }

    public String name() {
        return cluster.name();
    }

    public Optional<Path> inventory() {
        return cluster.inventory();
    }

    public String expiry() {
        return expiry;
    }

    public String lastRun() {
        return cluster.lastRun().map(LastRun::words).map(w -> "last run: " + w).orElse("last run: none");
    }

    public ReadOnlyStringProperty healthProperty() {
        return health;
    }

    /** Empty, or the health with whole paths where the card writes them short: the card's tooltip. */
    public ReadOnlyStringProperty healthInFullProperty() {
        return healthInFull;
    }

    public ReadOnlyStringProperty versionsProperty() {
        return versions;
    }

    /** Empty until the status is read, then "reading backups...", then their freshness. */
    public ReadOnlyStringProperty backupsProperty() {
        return backups;
    }

    void read(QuickStatus.Reading reading) {
        health.set(reading.health());
        healthInFull.set("");
        versions.set(reading.versions());
        backups.set(READING_BACKUPS);
    }

    /** The card shows the inventory's path short ({@link ShortPath}); {@link #healthInFull} keeps it whole. */
    void unknown(String why) {
        healthInFull.set("unknown: " + why);
        health.set("unknown: " + cluster.inventory().map(p -> ShortPath.in(why, p, HOME)).orElse(why));
        versions.set("");
        backups.set("");
    }

    void backups(Optional<BackupHealth> read, Instant now) {
        backups.set(BackupFreshnessWords.words(read, now));
    }

    void backupsUnknown(String why) {
        backups.set("backups: unknown: " + why);
    }
}
