package dev.quorum.app.shell;

import dev.quorum.app.cluster.ClusterSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the window asked the wizards to do. */
public final class RecordingShellActions implements ShellActions {
    public final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void installNewCluster() {
        calls.add("install");
    }

    @Override
    public void addMember(ClusterSource cluster) {
        calls.add("add " + cluster.name());
    }

    @Override
    public void replaceMember(ClusterSource cluster, String memberName) {
        calls.add("replace " + cluster.name() + " " + memberName);
    }

    @Override
    public void removeMember(ClusterSource cluster, String memberName) {
        calls.add("remove " + cluster.name() + " " + memberName);
    }

    @Override
    public void adoptCluster(ClusterSource cluster, Runnable afterAdopted) {
        calls.add("adopt " + cluster.name());
    }

    @Override
    public void renewCertificates(ClusterSource cluster, int warnDays, Runnable afterRun) {
        calls.add("renew " + cluster.name() + " " + warnDays);
    }

    @Override
    public void rotateCa(ClusterSource cluster, Runnable afterRun) {
        calls.add("rotate-ca " + cluster.name());
    }

    @Override
    public void recover(ClusterSource cluster) {
        calls.add("recover " + cluster.name());
    }

    @Override
    public void maintain(ClusterSource cluster) {
        calls.add("maintain " + cluster.name());
    }

    @Override
    public void upgrade(ClusterSource cluster) {
        calls.add("upgrade " + cluster.name());
    }

    @Override
    public void restore(ClusterSource cluster, Optional<Path> snapshot) {
        calls.add("restore " + cluster.name() + snapshot.map(f -> " " + f.getFileName()).orElse(""));
    }

    @Override
    public void scheduleBackups(ClusterSource cluster, Optional<java.time.Duration> every, java.util.OptionalInt keep,
                                Runnable afterRun) {
        calls.add("schedule backups " + cluster.name());
    }

    @Override
    public void unscheduleBackups(ClusterSource cluster, Runnable afterRun) {
        calls.add("unschedule backups " + cluster.name());
    }
}
