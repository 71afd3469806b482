package dev.quorum.app.kubernetes;

import dev.quorum.core.kubeclients.KubeClientStatus;
import java.util.List;

/** Where the tab's statuses come from: core's reading over SSH (tests give hand-made ones). Blocking. */
@FunctionalInterface
public interface KubeClientsSource {
    List<KubeClientStatus> read() throws Exception;
}
