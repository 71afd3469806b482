package dev.quorum.app.backups;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Opens the Schedule and Unschedule wizards (the shell's actions): the tab knows no wizard. */
public interface ScheduleOpener {
    /** For a view that offers no scheduling (tests of other parts). */
    ScheduleOpener NONE = new ScheduleOpener() {
        @Override
        public void schedule(Optional<Duration> every, OptionalInt keep, Runnable afterRun) {
        }

        @Override
        public void unschedule(Runnable afterRun) {
        }
    };

    /** @param every, keep the hosts' current schedule, if any: the wizard starts from it */
    void schedule(Optional<Duration> every, OptionalInt keep, Runnable afterRun);

    void unschedule(Runnable afterRun);
}
