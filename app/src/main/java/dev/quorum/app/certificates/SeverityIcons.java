package dev.quorum.app.certificates;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/** One icon per severity, shown beside its word, so a problem is not told by colour alone. */
final class SeverityIcons {
    private SeverityIcons() {
    }

    static Ikon of(RowSeverity severity) {
        return switch (severity) {
            case ERROR -> MaterialDesignA.ALERT_OCTAGON_OUTLINE;
            case WARNING -> MaterialDesignA.ALERT_OUTLINE;
            case NOTE -> MaterialDesignI.INFORMATION_OUTLINE;
            case OK -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
        };
    }
}
