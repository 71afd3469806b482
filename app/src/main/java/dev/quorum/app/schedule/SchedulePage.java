package dev.quorum.app.schedule;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.LazyViewPage;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Schedule page: how often, how many kept, and optionally where the off-site copy goes. */
final class SchedulePage extends LazyViewPage {
    private final ScheduleChoices choices;

    SchedulePage(ScheduleChoices choices) {
        super("Schedule", choices.complete());
        this.choices = choices;
    }

    @Override
    protected Node build() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Every"), field("scheduleEvery", choices, choices.everyProperty(), "1h"),
                Fields.note("90s, 30m, 1h, 1d; at least 1m"));
        grid.addRow(1, new Label("Keep"), field("scheduleKeep", choices, choices.keepProperty(), "24"),
                Fields.note("backups per host (and per member off-site), 1 to 1000"));
        grid.addRow(2, new Label("Copy to"), field("scheduleCopyTo", choices, choices.copyToProperty(),
                "s3://BUCKET/PREFIX (optional)"), Fields.note("also upload each verified backup there"));
        grid.addRow(3, new Label("S3 endpoint"), field("scheduleEndpoint", choices, choices.endpointProperty(),
                "https://HOST:PORT (optional)"), Fields.note("an S3-compatible store, path-style; empty: AWS S3"));
        return Fields.page(Fields.heading("How often, and how many kept?"), grid,
                Fields.reason("scheduleReason", choices.reason()),
                Fields.note("Each member's host snapshots its own member from a systemd timer, checks the snapshot and "
                        + "keeps the newest N; scheduling again changes the schedule in place. With Copy to, the key is "
                        + "this workstation's AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) and AWS_REGION: "
                        + "the store is checked with it first, then it is written only to /etc/quorum-backup.env "
                        + "(root only) on each host. Leaving Copy to empty on a re-run stops the copies and removes "
                        + "the key from the hosts. Nothing changes before the review's Run."));
    }

    private static TextField field(String id, ScheduleChoices choices, javafx.beans.property.StringProperty value,
                                   String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(28);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
