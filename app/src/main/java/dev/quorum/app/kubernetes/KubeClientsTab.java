package dev.quorum.app.kubernetes;

import dev.quorum.app.cluster.ClusterSource;
import dev.quorum.app.common.TaskExecutor;
import dev.quorum.core.workspace.QuorumHome;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The Kubernetes tab of an open cluster, added only when its inventory has Kubernetes hosts (the sandbox has none);
 * read when first shown and on Refresh.
 */
public final class KubeClientsTab {
    private final KubeClientsViewModel model;

    private KubeClientsTab(KubeClientsViewModel model) {
        this.model = model;
    }

    public static KubeClientsTab addTo(TabPane tabs, ClusterSource source, TaskExecutor executor, QuorumHome home) {
        if (source.sandbox() || source.inventory().kubernetesHosts().isEmpty()) {
            return new KubeClientsTab(null);
        }
        KubeClientsViewModel model = new KubeClientsViewModel(executor, new SshKubeClientsSource(source, home),
                source.inventory().source().toString());
        Tab tab = new Tab("Kubernetes", new KubeClientsView(model));
        tab.setId("kubernetes-tab");
        tab.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                model.shown();
            }
        });
        tabs.getTabs().add(tab);
        return new KubeClientsTab(model);
    }

    public void dispose() {
        if (model != null) {
            model.dispose();
        }
    }
}
