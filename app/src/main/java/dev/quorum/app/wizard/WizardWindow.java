package dev.quorum.app.wizard;

import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/** Shows a wizard in its own window. Closing it during a run only cancels the run (safely); it closes once the run has stopped. */
public final class WizardWindow {
    private WizardWindow() {
    }

    public static Stage open(Window owner, WizardModel model) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(model.title());
        stage.setScene(new Scene(new WizardFrame(model, stage::close).build(), 980, 640));
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        // Handlers, not setOn...: a caller's own onHidden must not drop the release of connections.
        stage.addEventHandler(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
            if (!model.cancel()) {
                e.consume();
            }
        });
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> model.close());
        stage.show();
        return stage;
    }
}
