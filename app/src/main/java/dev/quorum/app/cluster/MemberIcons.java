package dev.quorum.app.cluster;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** One icon per member state, so a state is told by shape and words, not by colour alone. */
public final class MemberIcons {
    private MemberIcons() {
    }

    public static Ikon of(MemberState state) {
        return switch (state) {
            case LEADER -> MaterialDesignC.CROWN;
            case FOLLOWER -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
            case LEARNER -> MaterialDesignS.SCHOOL_OUTLINE;
            case NO_LEADER -> MaterialDesignA.ALERT_OUTLINE;
            case UNREACHABLE -> MaterialDesignL.LAN_DISCONNECT;
            case NOT_LISTED -> MaterialDesignA.ACCOUNT_QUESTION_OUTLINE;
            case UNKNOWN -> MaterialDesignH.HELP_CIRCLE_OUTLINE;
        };
    }

    /** Keeps an icon in step with a state, including its style class ("state-leader"). */
    public static void follow(FontIcon icon, javafx.beans.value.ObservableValue<MemberState> state) {
        apply(icon, state.getValue());
        state.addListener((obs, old, now) -> apply(icon, now));
    }

    private static void apply(FontIcon icon, MemberState state) {
        icon.setIconCode(of(state));
        icon.getStyleClass().removeIf(c -> c.startsWith("state-"));
        icon.getStyleClass().add("state-" + state.styleName());
    }
}
