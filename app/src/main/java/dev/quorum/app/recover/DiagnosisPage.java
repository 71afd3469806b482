package dev.quorum.app.recover;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.LazyViewPage;
import javafx.scene.Node;

/** The wizard's first page: the diagnosis, refreshed on demand; Next reviews the recover plan. */
final class DiagnosisPage extends LazyViewPage {
    private final DiagnosisModel model;
    private Runnable recover = () -> { };

    DiagnosisPage(DiagnosisModel model) {
        super("Diagnosis", model.complete());
        this.model = model;
    }

    /** What the recommended "Recover" button does: the wizard's Next. */
    void onRecover(Runnable action) {
        this.recover = action;
    }

    DiagnosisModel model() {
        return model;
    }

    @Override
    public void shown() {
        model.refresh();
    }

    @Override
    protected Node build() {
        return Fields.page(DiagnosisView.create(model, () -> recover.run()),
                Fields.reason("diagnosisReason", model.nextReason()));
    }
}
