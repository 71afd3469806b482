package dev.quorum.app.shell;

import dev.quorum.app.cluster.ClusterSource;
import javafx.scene.control.Alert;

/** The stand-in while no wizard is in the build: says so and names the CLI command that does it. */
final class UnwiredShellActions implements ShellActions {
    private final ShellContext context;

    UnwiredShellActions(ShellContext context) {
        this.context = context;
    }

    @Override
    public void installNewCluster() {
        tell("The install wizard is not in this build.", "quorum install -i INVENTORY");
    }

    @Override
    public void addMember(ClusterSource cluster) {
        tell("The add-member wizard is not in this build.", "quorum add -i " + cluster.inventoryFile() + " --host HOST");
    }

    @Override
    public void replaceMember(ClusterSource cluster, String memberName) {
        tell("The replace wizard is not in this build.",
                "quorum replace -i " + cluster.inventoryFile() + " --member " + memberName + " --with HOST");
    }

    private void tell(String what, String command) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "Meanwhile the command line does it:\n" + command);
        alert.setHeaderText(what);
        alert.initOwner(context.window());
        alert.show();
    }
}
