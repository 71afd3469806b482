package dev.quorum.app.certificates;

import dev.quorum.core.certinventory.InventoryReport;
import java.time.Duration;

/** Where the tab's inventory comes from: core's certificate inventory over SSH (tests give hand-made reports). Blocking. */
@FunctionalInterface
public interface CertificateSource {
    InventoryReport read(Duration warn) throws Exception;
}
