package dev.quorum.app.upgrade;

import dev.quorum.core.lifecycle.upgrade.UpgradeRequest;
import java.nio.file.Path;

/** Reads the cluster and core's decision for the pages; blocks on etcd and SSH, so never on the UI thread. */
@FunctionalInterface
public interface UpgradeReading {

    UpgradeOutlook read(Path inventory, UpgradeRequest request) throws Exception;
}
