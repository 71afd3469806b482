package dev.quorum.app.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --warn-days}, as quorum certs and certs renew take it: how near an expiry counts as expiring. */
final class WarnDaysOption {
    @Option(names = "--warn-days", paramLabel = "DAYS", defaultValue = "30",
            description = "Certificates expiring within this many days count as expiring: certs reports them, certs "
                    + "renew renews them (default: ${DEFAULT-VALUE}).")
    int days;

    /** The window; refused when negative, before anything is read. */
    Duration window() {
        if (days < 0) {
            throw new UserError("--warn-days must not be negative: " + days, "give a number of days, e.g. 30");
        }
        return Duration.ofDays(days);
    }
}
