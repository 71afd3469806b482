package dev.quorum.app.renew;

import dev.quorum.core.lifecycle.renew.RotateCaRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The renew page's CA rotation choice: whether to replace the CA ({@code quorum certs rotate-ca}) and, one explicit
 * checkbox per Kubernetes host outside the etcd group, whether the user accepts to cut that host off if it cannot be
 * reached ({@code --accept-unreached-kubernetes-hosts}). Nothing is accepted by default.
 */
public final class RotationChoices {
    private final BooleanProperty rotate = new SimpleBooleanProperty(false);
    private final Map<String, BooleanProperty> accept = new LinkedHashMap<>();

    /** @param kubernetesHosts the inventory's Kubernetes hosts that are not etcd members */
    public RotationChoices(List<String> kubernetesHosts) {
        kubernetesHosts.forEach(host -> accept.put(host, new SimpleBooleanProperty(false)));
    }

    public BooleanProperty rotateProperty() {
        return rotate;
    }

    public List<String> kubernetesHosts() {
        return List.copyOf(accept.keySet());
    }

    /** Checked: go on although {@code host} cannot be reached, cutting it off etcd. */
    public BooleanProperty acceptProperty(String host) {
        BooleanProperty property = accept.get(host);
        if (property == null) {
            throw new IllegalArgumentException(host + " is not a Kubernetes host outside the etcd group");
        }
        return property;
    }

    /** The request {@code quorum certs rotate-ca [--accept-unreached-kubernetes-hosts H,...]} makes. */
    public RotateCaRequest request() {
        Set<String> accepted = accept.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return new RotateCaRequest(false, accepted);
    }
}
