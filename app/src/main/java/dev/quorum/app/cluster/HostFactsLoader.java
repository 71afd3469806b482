package dev.quorum.app.cluster;

import dev.quorum.app.common.TaskExecutor;
import java.util.HashSet;
import java.util.Set;
import javafx.beans.value.ChangeListener;

/**
 * Reads the selected member's host side (service, served certificate) in the background when
 * it is selected and on Refresh; one read per member at a time. These cost an SSH round trip,
 * so they are not part of the once-a-second status. UI thread only.
 */
public final class HostFactsLoader {
    private final TaskExecutor executor;
    private final StatusSource source;
    private final ClusterViewModel model;
    private final Set<MemberViewModel> reading = new HashSet<>();
    private final ChangeListener<MemberViewModel> selectionChanged = (obs, old, now) -> load(now);
    private boolean stopped;

    public HostFactsLoader(TaskExecutor executor, StatusSource source, ClusterViewModel model) {
        this.executor = executor;
        this.source = source;
        this.model = model;
        model.selectedProperty().addListener(selectionChanged);
    }

    /** Reads the selected member again (Refresh). */
    public void refresh() {
        load(model.selectedProperty().get());
    }

    private void load(MemberViewModel member) {
        if (member == null || stopped || !reading.add(member)) {
            return;
        }
        if (member.serviceProperty().get().isEmpty()) {
            member.hostFacts(new HostFacts("reading...", "reading..."));
        }
        String host = member.hostProperty().get();
        String endpoint = member.endpointProperty().get();
        executor.submit(() -> source.hostFacts(host, endpoint), facts -> {
            reading.remove(member);
            if (!stopped) {
                member.hostFacts(facts);
            }
        }, error -> {
            reading.remove(member);
            if (!stopped) {
                String why = "not read: " + (error.getMessage() == null ? error.getClass().getSimpleName()
                        : error.getMessage());
                member.hostFacts(new HostFacts(why, why));
            }
        });
    }

    /** No more reads or updates; the selection listener is removed. */
    public void stop() {
        stopped = true;
        model.selectedProperty().removeListener(selectionChanged);
    }
}
