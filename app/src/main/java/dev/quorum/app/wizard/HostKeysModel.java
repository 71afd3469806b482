package dev.quorum.app.wizard;

import dev.quorum.core.inventory.InventoryHost;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.core.remote.HostKeyScan;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The host keys of the hosts a member change will join, for the add and replace pages: read as
 * soon as the hosts are chosen; new ones trusted only when the user ticks the consent box, and
 * then exactly the keys shown.
 */
public final class HostKeysModel {
    private final WizardServices services;
    private final ObservableList<HostKeyReport.Entry> entries = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper allKnown = new ReadOnlyBooleanWrapper();
    private final KeyTrust trust = new KeyTrust(this::scan);
    private final StringBinding reason;
    private Path inventory;
    private List<String> hosts = List.of();
    private int generation;

    public HostKeysModel(WizardServices services) {
        this.services = services;
        this.reason = Bindings.createStringBinding(() -> hosts.isEmpty() || allKnown.get() ? ""
                : checking.get() ? "Reading the host keys..." : !trust.unknownKeys().isEmpty()
                ? "New host key: check its fingerprint and tick \"Trust the new host keys\" below."
                : entries.stream().map(HostKeyReport.Entry::problem).filter(p -> !p.isEmpty()).findFirst().orElse(""),
                checking, allKnown, trust.unknownKeys(), entries);
    }

    /** Reads the keys of these inventory hosts (none: nothing to check). */
    public void check(Path inventoryFile, List<String> hostNames) {
        inventory = inventoryFile;
        hosts = List.copyOf(hostNames);
        scan(List.of());
    }

    private void scan(List<HostKeyScan> consented) {
        int mine = ++generation;
        allKnown.set(false);
        if (hosts.isEmpty()) {
            entries.clear();
            trust.unknownKeys().clear();
            allKnown.set(true);
            return;
        }
        checking.set(true);
        Path file = inventory;
        List<String> names = hosts;
        services.executor().submit(() -> {
            var read = new InventoryReader().read(file);
            List<InventoryHost> targets = names.stream().map(n -> read.host(n).orElseThrow(
                    () -> new IllegalArgumentException(n + " is not in the inventory's hosts"))).toList();
            return HostKeyReport.scan(services.ssh(), targets, consented);
        }, report -> {
            if (mine == generation) {
                entries.setAll(report.entries());
                trust.found(report.unknownKeys());
                allKnown.set(report.allKnown());
                checking.set(false);
            }
        }, error -> {
            if (mine == generation) {
                entries.setAll(new HostKeyReport.Entry(String.join(", ", names), java.util.Optional.empty(),
                        String.valueOf(error.getMessage())));
                trust.unknownKeys().clear();
                checking.set(false);
            }
        });
    }

    public ObservableList<HostKeyReport.Entry> entries() {
        return entries;
    }

    /** New keys and the consent to trust them. */
    public KeyTrust trust() {
        return trust;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** Every chosen host's key is in known_hosts: the plan may connect. */
    public ReadOnlyBooleanProperty allKnownProperty() {
        return allKnown.getReadOnlyProperty();
    }

    /** Empty when all keys are known; else what stands in the way. */
    public StringBinding reason() {
        return reason;
    }
}
