package dev.quorum.core.etcd;

import dev.quorum.core.inventory.EtcdMember;
import dev.quorum.core.release.EtcdVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads a {@link ClusterStatus}: every call in parallel, each bounded by the same timeout. */
public final class ClusterProbe {
    private static final String NO_ANSWER = "no answer in time";

    private ClusterProbe() {
    }

    /** Only each endpoint's own status (no cluster-wide calls): who answers, and with which view. */
    public static ClusterStatus probeEndpoints(EtcdAdmin admin, List<EtcdMember> members, Duration timeout,
                                               SilentEndpoints silent) {
        return new ClusterStatus(statuses(admin, members, timeout, silent, List.of()), List.of(), List.of(), false, "not asked");
    }

    public static ClusterStatus probe(EtcdAdmin admin, List<EtcdMember> members, Duration timeout) {
        return probe(admin, members, timeout, new SilentEndpoints());
    }

    /** Members that stayed silent earlier in this command get a short wait; the cluster-wide calls the full one. */
    public static ClusterStatus probe(EtcdAdmin admin, List<EtcdMember> members, Duration timeout,
                                      SilentEndpoints silent) {
        return probe(admin, members, timeout, silent, List.of());
    }

    /**
     * Like {@link #probe(EtcdAdmin, List, Duration, SilentEndpoints)}, with each member's own status taken from
     * {@code answered} where it holds one for that member's client URL: answers this same command got moments before
     * ({@link #probeEndpoints}, as {@code LiveCluster.read} does), so one command asks each member once (issue 18,
     * decision 0058). Only answers with a leader and no errors are taken: a member without one is asked again, with
     * the same timeout and words as ever. For one look right after the read, never for a wait that asks again and
     * again.
     */
    public static ClusterStatus probe(EtcdAdmin admin, List<EtcdMember> members, Duration timeout,
                                      SilentEndpoints silent, List<EndpointStatus> answered) {
        return probe(admin, members, timeout, silent, true, answered);
    }

    /**
     * Like {@link #probe(EtcdAdmin, List, Duration, SilentEndpoints)} without asking each member's /version: enough
     * to tell health ({@link ClusterStatus#healthy()} does not read the cluster version), with one TLS handshake
     * less per member, for a wait that asks again and again (issue 18). The cluster version is then unknown.
     */
    public static ClusterStatus probeHealth(EtcdAdmin admin, List<EtcdMember> members, Duration timeout,
                                            SilentEndpoints silent) {
        return probe(admin, members, timeout, silent, false, List.of());
    }

    private static ClusterStatus probe(EtcdAdmin admin, List<EtcdMember> members, Duration timeout,
                                       SilentEndpoints silent, boolean withVersions, List<EndpointStatus> answered) {
        CompletableFuture<List<MemberInfo>> list = admin.members().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<List<String>> alarms = admin.alarms().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<Long> read = admin.linearizableRevision().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);

        List<CompletableFuture<ServedVersions>> versions = members.stream().map(m -> withVersions
                ? admin.versions(m.clientUrl()).orTimeout(silent.timeoutFor(m.clientUrl(), timeout).toMillis(),
                        TimeUnit.MILLISECONDS)
                : CompletableFuture.<ServedVersions>failedFuture(new IllegalStateException("not asked"))).toList();
        List<MemberStatus> memberStatuses = statuses(admin, members, timeout, silent, answered);
        Outcome<Long> readOutcome = await(read);
        return new ClusterStatus(memberStatuses,
                await(list).value().orElse(List.of()),
                await(alarms).value().orElse(List.of()),
                readOutcome.value().isPresent(), readOutcome.error(), clusterVersion(memberStatuses, versions));
    }

    /**
     * The leader decides the cluster version and the others learn it from the log, so the leader's
     * answer comes first; any other member's serves when the leader did not answer.
     */
    private static Optional<EtcdVersion> clusterVersion(List<MemberStatus> members,
                                                        List<CompletableFuture<ServedVersions>> versions) {
        Optional<EtcdVersion> fromOthers = Optional.empty();
        for (int i = 0; i < members.size(); i++) {
            Optional<EtcdVersion> told = await(versions.get(i)).value().flatMap(ServedVersions::cluster);
            boolean leader = members.get(i).status().map(EndpointStatus::isLeader).orElse(false);
            if (leader && told.isPresent()) {
                return told;
            }
            fromOthers = fromOthers.or(() -> told);
        }
        return fromOthers;
    }

    private static List<MemberStatus> statuses(EtcdAdmin admin, List<EtcdMember> members, Duration timeout,
                                               SilentEndpoints silent, List<EndpointStatus> answered) {
        List<CompletableFuture<EndpointStatus>> statuses = new ArrayList<>();
        for (EtcdMember member : members) {
            Optional<EndpointStatus> earlier = answered.stream()
                    .filter(a -> a.endpoint().equals(member.clientUrl()) && healthy(a)).findFirst();
            long millis = silent.timeoutFor(member.clientUrl(), timeout).toMillis();
            statuses.add(earlier.map(CompletableFuture::completedFuture).orElseGet(() ->
                    admin.status(member.clientUrl()).orTimeout(millis, TimeUnit.MILLISECONDS)));
        }
        List<MemberStatus> memberStatuses = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            EtcdMember member = members.get(i);
            Outcome<EndpointStatus> outcome = await(statuses.get(i));
            if (outcome.value().isPresent()) {
                silent.answered(member.clientUrl());
            } else if (outcome.timedOut()) {
                silent.timedOut(member.clientUrl());
            }
            memberStatuses.add(new MemberStatus(member.hostName(), member.memberName(), member.clientUrl(),
                    outcome.value(), outcome.error(), outcome.refused()));
        }
        return memberStatuses;
    }

    /**
     * Only an answer with a leader and no errors is taken from earlier: anything less (an election under way, an
     * alarm's error) may have changed within the moment, and is asked again.
     */
    private static boolean healthy(EndpointStatus answer) {
        return answer.hasLeader() && answer.errors().isEmpty();
    }

    /** @param refused the member's port refused the connection: nothing listens there */
    private record Outcome<T>(Optional<T> value, String error, boolean refused) {
        Outcome(Optional<T> value, String error) {
            this(value, error, false);
        }

        boolean timedOut() {
            return error.equals(NO_ANSWER);
        }
    }

    private static <T> Outcome<T> await(CompletableFuture<T> future) {
        try {
            return new Outcome<>(Optional.ofNullable(future.get()), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome<>(Optional.empty(), "interrupted");
        } catch (ExecutionException | CompletionException e) {
            return new Outcome<>(Optional.empty(), describe(e.getCause()), RefusedPort.isRefusal(e.getCause()));
        }
    }

    static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (cause instanceof TimeoutException || root instanceof TimeoutException) {
            return NO_ANSWER;
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
