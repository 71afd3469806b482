package dev.quorum.app.schedule;

import dev.quorum.core.ActionableException;
import dev.quorum.core.lifecycle.backup.BackupException;
import dev.quorum.core.lifecycle.backup.Durations;
import dev.quorum.core.lifecycle.backup.ScheduleRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the Schedule page asks, as {@code quorum backup schedule} takes it: --every, --keep, and optionally
 * --copy-to with --s3-endpoint. Checked as typed, without the AWS key: the key is read from this workstation only
 * when the plan is built (in the background), and never shown.
 */
public final class ScheduleChoices {
    private final StringProperty every = new SimpleStringProperty("1h");
    private final StringProperty keep = new SimpleStringProperty("24");
    private final StringProperty copyTo = new SimpleStringProperty("");
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final StringBinding reason = Bindings.createStringBinding(this::reasonNow, every, keep, copyTo, endpoint);
    private final BooleanBinding complete = reason.isEmpty();

    /** Starts from the schedule the hosts have, when they have one: a re-run changes it in place. */
    public ScheduleChoices(Optional<Duration> current, OptionalInt currentKeep) {
        current.ifPresent(d -> every.set(Durations.words(d)));
        currentKeep.ifPresent(k -> keep.set(Integer.toString(k)));
    }

    /** The request, checked in form; throws with what to do when a value is not valid. */
    public ScheduleRequest request() {
        int kept;
        try {
            kept = Integer.parseInt(keep.get().strip());
        } catch (NumberFormatException e) {
            throw new BackupException("keep is '" + keep.get() + "'",
                    "give a whole number of backups per host, 1 to 1000");
        }
        ScheduleRequest request = new ScheduleRequest(Durations.parse(every.get()), kept, text(copyTo), text(endpoint));
        request.withoutKey();
        return request;
    }

    private String reasonNow() {
        try {
            request();
            return "";
        } catch (ActionableException e) {
            return e.getMessage() + ": " + e.hint();
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }

    private static Optional<String> text(StringProperty value) {
        String text = value.get() == null ? "" : value.get().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    public StringProperty everyProperty() {
        return every;
    }

    public StringProperty keepProperty() {
        return keep;
    }

    public StringProperty copyToProperty() {
        return copyTo;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    /** Why the values cannot be scheduled, or empty. */
    public StringBinding reason() {
        return reason;
    }

    public BooleanBinding complete() {
        return complete;
    }
}
