package dev.quorum.app.replace;

import dev.quorum.app.wizard.ClusterMembers;
import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.HostKeysView;
import dev.quorum.app.wizard.LazyViewPage;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** Replace page: the member to replace (preselected from the picture) and the host to take its place. */
final class MemberPage extends LazyViewPage {
    private final ReplaceChoices choices;

    MemberPage(ReplaceChoices choices) {
        super("Member and new host", Bindings.createBooleanBinding(() -> choices.memberReason().get().isEmpty()
                        && choices.hostReason().get().isEmpty() && choices.leaving().cluster().loadedProperty().get()
                        && choices.keys().allKnownProperty().get() && !choices.keys().checkingProperty().get(),
                choices.memberReason(), choices.hostReason(), choices.leaving().cluster().loadedProperty(),
                choices.keys().allKnownProperty(), choices.keys().checkingProperty()));
        this.choices = choices;
    }

    @Override
    public void shown() {
        choices.loadMembers();
    }

    @Override
    protected Node build() {
        ComboBox<ClusterMembers.Member> member = new ComboBox<>(choices.leaving().cluster().leavable());
        member.setId("oldMember");
        member.valueProperty().bindBidirectional(choices.leaving().memberProperty());
        ComboBox<String> host = new ComboBox<>(choices.leaving().cluster().freeHosts());
        host.setId("newHost");
        host.valueProperty().bindBidirectional(choices.newHostProperty());
        CheckBox keepName = new CheckBox("Give the new member the old member's name (--keep-name)");
        keepName.setId("keepName");
        keepName.selectedProperty().bindBidirectional(choices.keepNameProperty());
        Label status = new Label();
        status.setId("clusterStatus");
        status.textProperty().bind(choices.leaving().cluster().statusProperty());

        Label outlook = Fields.said("replaceOutlook", choices.outlook());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Member to replace"), member, Fields.reason("oldMemberReason", choices.memberReason()));
        grid.addRow(1, new Label("New host"), host, Fields.reason("newHostReason", choices.hostReason()));
        grid.add(keepName, 1, 2);
        return Fields.page(Fields.heading("Which member, by which host?"), status, grid,
                outlook, HostKeysView.create(choices.keys()), Fields.reason("hostKeysReason", choices.keys().reason()),
                Fields.note("The old member is removed FIRST (after a snapshot), then the new host joins as a learner "
                        + "and is promoted once caught up: quorum never rises while a member is missing. Only hosts "
                        + "that are not members are offered; members removed earlier whose host is still in the etcd "
                        + "group are listed too, so their host is cleaned up."));
    }
}
