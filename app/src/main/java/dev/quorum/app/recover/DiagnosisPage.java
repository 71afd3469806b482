package dev.quorum.app.recover;

import dev.quorum.app.wizard.Fields;
import dev.quorum.app.wizard.WizardPage;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** The wizard's first page: the diagnosis, refreshed on demand; Next reviews the recover plan. */
final class DiagnosisPage implements WizardPage {
    private final DiagnosisModel model;
    private Runnable recover = () -> { };
    private Node view;

    DiagnosisPage(DiagnosisModel model) {
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
    public String title() {
        return "Diagnosis";
    }

    @Override
    public ObservableBooleanValue complete() {
        return model.complete();
    }

    @Override
    public void shown() {
        model.refresh();
    }

    @Override
    public Node view() {
        if (view == null) {
            view = Fields.page(DiagnosisView.create(model, () -> recover.run()),
                    Fields.reason("diagnosisReason", model.nextReason()));
        }
        return view;
    }
}
