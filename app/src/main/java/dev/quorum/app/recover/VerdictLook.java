package dev.quorum.app.recover;

import dev.quorum.core.lifecycle.recover.Verdict;

/** How a verdict is shown: a word and an icon, so it never rests on colour alone. */
public enum VerdictLook {
    HEALTHY("Healthy", "mdi2c-check-circle-outline", "success"),
    DEGRADED("Degraded", "mdi2a-alert-outline", "warning"),
    QUORUM_LOST("Quorum lost", "mdi2c-close-octagon-outline", "danger"),
    CANNOT_TELL("Cannot tell", "mdi2h-help-circle-outline", "warning"),
    UNKNOWN("Not diagnosed yet", "mdi2h-help-circle-outline", "muted");

    private final String word;
    private final String icon;
    private final String styleClass;

    VerdictLook(String word, String icon, String styleClass) {
        this.word = word;
        this.icon = icon;
        this.styleClass = styleClass;
    }

    public static VerdictLook of(Verdict verdict) {
        return verdict == null ? UNKNOWN : switch (verdict) {
            case HEALTHY -> HEALTHY;
            case DEGRADED -> DEGRADED;
            case QUORUM_LOST -> QUORUM_LOST;
            case UNKNOWN -> CANNOT_TELL;
        };
    }

    public String word() {
        return word;
    }

    /** An Ikonli literal. */
    public String icon() {
        return icon;
    }

    /** AtlantaFX style class (success / warning / danger) on top of the word and icon. */
    public String styleClass() {
        return styleClass;
    }
}
