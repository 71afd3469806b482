package dev.quorum.app;

import atlantafx.base.theme.PrimerLight;
import dev.quorum.app.add.AddMemberWizard;
import dev.quorum.app.adopt.AdoptClusterWizard;
import dev.quorum.app.common.FxTaskExecutor;
import dev.quorum.app.install.InstallWizard;
import dev.quorum.app.remove.RemoveMemberWizard;
import dev.quorum.app.replace.ReplaceMemberWizard;
import dev.quorum.app.restore.RestoreWizard;
import dev.quorum.app.wizard.WizardServices;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Opens one wizard on its own, without the main window, to try it by hand:
 * {@code install}, {@code add INVENTORY}, {@code replace INVENTORY MEMBER}, {@code remove INVENTORY MEMBER},
 * {@code adopt INVENTORY} or {@code restore INVENTORY [SNAPSHOT]}.
 */
public final class WizardDemo extends Application {

    public static void main(String[] args) {
        launch(WizardDemo.class, args);
    }

    @Override
    public void start(Stage ignored) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        FxTaskExecutor executor = new FxTaskExecutor(4);
        WizardServices services = WizardServices.defaults(executor);
        List<String> args = getParameters().getRaw();
        String which = args.isEmpty() ? "install" : args.get(0);
        Path inventory = args.size() > 1 ? Path.of(args.get(1)) : null;
        Stage stage = switch (which) {
            case "add" -> AddMemberWizard.open(null, services, inventory);
            case "replace" -> ReplaceMemberWizard.open(null, services, inventory, args.size() > 2 ? args.get(2) : null);
            case "remove" -> RemoveMemberWizard.open(null, services, inventory, args.size() > 2 ? args.get(2) : null);
            case "adopt" -> AdoptClusterWizard.open(null, services, inventory, () -> { });
            case "restore" -> RestoreWizard.open(null, services, inventory,
                    args.size() > 2 ? java.util.Optional.of(Path.of(args.get(2))) : java.util.Optional.empty());
            default -> InstallWizard.open(null, services);
        };
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> executor.shutdown());
    }
}
