package dev.quorum.app.cluster;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A member in the cluster picture: a circle (dashed for a learner) with the state's icon, the
 * member's name and its state in words. Bound once to its view model; a refresh only changes
 * property values.
 */
final class MemberNode extends VBox {
    static final double RADIUS = 34;

    private final MemberViewModel member;
    private final Circle circle = new Circle(RADIUS);

    MemberNode(MemberViewModel member) {
        this.member = member;
        getStyleClass().add("member-node");
        setAlignment(Pos.CENTER);
        setSpacing(4);
        circle.getStyleClass().add("member-circle");
        FontIcon icon = new FontIcon();
        icon.getStyleClass().add("member-icon");
        MemberIcons.follow(icon, member.stateProperty());
        StackPane badge = new StackPane(circle, icon);
        Label name = new Label(member.name());
        name.getStyleClass().add("member-name");
        Label state = new Label();
        state.getStyleClass().add("member-state");
        state.textProperty().bind(member.stateProperty().map(MemberState::words));
        Label host = new Label();
        host.getStyleClass().add("member-host");
        host.textProperty().bind(member.hostProperty());
        getChildren().addAll(badge, name, state, host);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(member.endpointProperty().map(e -> member.name() + " at " + e + " - click for details"));
        Tooltip.install(this, tip);
        followState(member.stateProperty().get());
        member.stateProperty().addListener((obs, old, now) -> followState(now));
    }

    private void followState(MemberState state) {
        getStyleClass().removeIf(c -> c.startsWith("state-"));
        getStyleClass().add("state-" + state.styleName());
        circle.getStrokeDashArray().setAll(state == MemberState.LEARNER ? java.util.List.of(6.0, 5.0) : java.util.List.of());
    }

    MemberViewModel member() {
        return member;
    }

    void selected(boolean selected) {
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), selected);
    }
}
