package dev.quorum.app.renew;

import dev.quorum.core.lifecycle.renew.RenewalRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** What the renew page asks: every member or one, every certificate ({@code --all}) or those with problems. */
public final class RenewChoices {
    /** The first target: every etcd host of the inventory. */
    public static final String ALL_MEMBERS = "All members";

    private final ObservableList<String> targets;
    private final ObjectProperty<String> target = new SimpleObjectProperty<>(ALL_MEMBERS);
    private final BooleanProperty everyCertificate = new SimpleBooleanProperty(false);
    private final IntegerProperty warnDays = new SimpleIntegerProperty();

    /** @param hosts the inventory's etcd hosts */
    public RenewChoices(List<String> hosts, int warnDays) {
        List<String> all = new ArrayList<>(List.of(ALL_MEMBERS));
        all.addAll(hosts);
        this.targets = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(all));
        this.warnDays.set(warnDays);
    }

    public ObservableList<String> targets() {
        return targets;
    }

    public ObjectProperty<String> targetProperty() {
        return target;
    }

    /** True: {@code --all}, every member, admin and node certificate; false: only those with problems. */
    public BooleanProperty everyCertificateProperty() {
        return everyCertificate;
    }

    public IntegerProperty warnDaysProperty() {
        return warnDays;
    }

    /** The request {@code quorum certs renew [--member H] [--all] [--warn-days N]} makes. */
    public RenewalRequest request() {
        String chosen = target.get();
        Optional<String> host = chosen == null || chosen.equals(ALL_MEMBERS) ? Optional.empty() : Optional.of(chosen);
        return new RenewalRequest(host, everyCertificate.get(), Duration.ofDays(Math.max(0, warnDays.get())));
    }
}
