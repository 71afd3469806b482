package dev.quorum.app.certificates;

import java.util.Optional;

/** Days until a certificate's not-after, in words: "45 days", "1 day", "expires today", "expired 3 days ago". */
final class DaysLeft {
    private DaysLeft() {
    }

    static String words(Optional<Long> daysLeft) {
        if (daysLeft.isEmpty()) {
            return "";
        }
        long days = daysLeft.get();
        if (days > 0) {
            return days + (days == 1 ? " day" : " days");
        }
        if (days == 0) {
            return "expires today";
        }
        long ago = -days;
        return "expired " + ago + (ago == 1 ? " day" : " days") + " ago";
    }
}
