package dev.quorum.core.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.cluster.Member;
import io.etcd.jetcd.maintenance.AlarmMember;
import io.etcd.jetcd.maintenance.AlarmType;
import io.etcd.jetcd.maintenance.StatusResponse;
import io.etcd.jetcd.options.CompactOption;
import io.etcd.jetcd.options.GetOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;

/** {@link EtcdAdmin} over jetcd with mutual TLS. */
public final class JetcdAdmin implements EtcdAdmin {
    private static final ByteSequence HEALTH_KEY = ByteSequence.from("health", StandardCharsets.UTF_8);

    private static final ByteSequence ALL_KEYS = ByteSequence.from(new byte[] {0});

    private final Client client;
    private final VersionEndpoint versionEndpoint;
    private final MaintenanceGateway gateway;
    private final UnaryOperator<String> dial;

    private JetcdAdmin(Client client, TlsFiles tls, Duration timeout, UnaryOperator<String> dial) {
        this.client = client;
        this.versionEndpoint = new VersionEndpoint(tls, timeout);
        this.gateway = new MaintenanceGateway(tls, timeout);
        this.dial = dial;
    }

    public static JetcdAdmin connect(List<String> endpoints, TlsFiles tls, Duration connectTimeout) {
        return connect(endpoints, tls, connectTimeout, UnaryOperator.identity());
    }

    /**
     * A client whose connections go where {@code dial} sends each member's client URL (an SSH tunnel's
     * loopback URL, or the URL itself). Callers keep naming members by their client URLs; every result
     * does too.
     */
    public static JetcdAdmin connect(List<String> endpoints, TlsFiles tls, Duration connectTimeout,
                                     UnaryOperator<String> dial) {
        PemTls.Parsed parsed = PemTls.read(tls);
        javax.net.ssl.KeyManagerFactory identity;
        try {
            identity = parsed.keyManagers();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS to etcd with " + tls + ": " + e.getMessage(), e);
        }
        try {
            // the key managers built here, not by netty from the key: netty's way costs 20,000 PBKDF2 rounds (ClientIdentity)
            Client client = Client.builder()
                    .target(GrpcTarget.of(endpoints.stream().map(dial).map(URI::create).toList()))
                    .sslContext(b -> TlsSessionTickets.noneKept(b.trustManager(parsed.casArray()).keyManager(identity)))
                    .connectTimeout(connectTimeout)
                    .retryMaxDuration(connectTimeout)
                    .retryMaxAttempts(2)
                    .build();
            return new JetcdAdmin(client, tls, connectTimeout, dial);
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS to etcd with " + tls + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<List<MemberInfo>> members() {
        return client.getClusterClient().listMember()
                .thenApply(response -> response.getMembers().stream().map(JetcdAdmin::toInfo).toList());
    }

    private static MemberInfo toInfo(Member member) {
        return new MemberInfo(member.getId(), member.getName(),
                member.getPeerURIs().stream().map(URI::toString).toList(),
                member.getClientURIs().stream().map(URI::toString).toList(),
                member.isLearner());
    }

    @Override
    public CompletableFuture<EndpointStatus> status(String endpointUrl) {
        return dialed(endpointUrl).thenCompose(url -> RefusedPort.failingFast(url,
                        client.getMaintenanceClient().statusMember(url)))
                .thenApply(response -> toStatus(endpointUrl, response));
    }

    private static EndpointStatus toStatus(String endpoint, StatusResponse response) {
        return new EndpointStatus(endpoint, response.getHeader().getMemberId(), response.getVersion(),
                response.getLeader(), response.getRaftTerm(), response.getRaftIndex(),
                response.getRaftAppliedIndex(), response.getDbSize(), response.getDbSizeInUse(),
                response.isLearner(), response.getErrorList());
    }

    @Override
    public CompletableFuture<ServedVersions> versions(String endpointUrl) {
        return dialed(endpointUrl).thenCompose(versionEndpoint::read);
    }

    @Override
    public CompletableFuture<String> maintenanceStatus(String endpointUrl) {
        return dialed(endpointUrl).thenCompose(gateway::status);
    }

    @Override
    public CompletableFuture<String> downgrade(String endpointUrl, DowngradeAction action, String version) {
        return dialed(endpointUrl).thenCompose(url -> gateway.downgrade(url, action, version));
    }

    @Override
    public CompletableFuture<List<String>> alarms() {
        return alarmList().thenApply(alarms -> alarms.stream().map(EtcdAlarm::toString).toList());
    }

    @Override
    public CompletableFuture<List<EtcdAlarm>> alarmList() {
        return client.getMaintenanceClient().listAlarms()
                .thenApply(response -> response.getAlarms().stream().map(JetcdAdmin::toAlarm).toList());
    }

    /** jetcd 0.8.7 knows NONE and NOSPACE only; the one other alarm etcd 3.4 raises (CORRUPT) arrives unrecognized. */
    private static EtcdAlarm toAlarm(AlarmMember alarm) {
        return new EtcdAlarm(alarm.getMemberId(), alarm.getAlarmType() == AlarmType.NOSPACE
                ? EtcdAlarm.Kind.NOSPACE : EtcdAlarm.Kind.CORRUPT);
    }

    @Override
    public CompletableFuture<Void> disarmNospace(long memberId) {
        return client.getMaintenanceClient().alarmDisarm(new AlarmMember(memberId, AlarmType.NOSPACE))
                .thenApply(response -> null);
    }

    @Override
    public CompletableFuture<Void> compact(long revision) {
        return client.getKVClient().compact(revision, CompactOption.newBuilder().withCompactPhysical(true).build())
                .thenApply(response -> null);
    }

    @Override
    public CompletableFuture<Void> defragment(String endpointUrl) {
        return dialed(endpointUrl).thenCompose(url -> RefusedPort.failingFast(url,
                        client.getMaintenanceClient().defragmentMember(url)))
                .thenApply(response -> null);
    }

    /** Where to connect for this member; a tunnel that cannot be opened fails this call only. */
    private CompletableFuture<String> dialed(String endpointUrl) {
        try {
            return CompletableFuture.completedFuture(dial.apply(endpointUrl));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Long> linearizableRevision() {
        return client.getKVClient().get(HEALTH_KEY, GetOption.newBuilder().withCountOnly(true).build())
                .thenApply(response -> response.getHeader().getRevision());
    }

    @Override
    public CompletableFuture<MemberInfo> addMember(List<String> peerUrls, boolean learner) {
        return client.getClusterClient().addMember(peerUrls.stream().map(URI::create).toList(), learner)
                .thenApply(response -> toInfo(response.getMember()));
    }

    @Override
    public CompletableFuture<Void> removeMember(long memberId) {
        return client.getClusterClient().removeMember(memberId).thenApply(response -> null);
    }

    @Override
    public CompletableFuture<Void> promoteMember(long memberId) {
        return client.getClusterClient().promoteMember(memberId).thenApply(response -> null);
    }

    @Override
    public CompletableFuture<Long> snapshot(java.io.OutputStream out) {
        return client.getMaintenanceClient().snapshot(out);
    }

    @Override
    public CompletableFuture<KeyCount> keyCount() {
        return countKeys(GetOption.newBuilder());
    }

    @Override
    public CompletableFuture<KeyCount> keyCountAt(long revision) {
        return countKeys(GetOption.newBuilder().withRevision(revision))
                .thenApply(counted -> new KeyCount(counted.count(), revision));
    }

    /** The whole key space: from "\0" to the range end "\0", as etcdctl's --from-key with an empty key. */
    private CompletableFuture<KeyCount> countKeys(GetOption.Builder option) {
        return client.getKVClient().get(ALL_KEYS, option.withRange(ALL_KEYS).withCountOnly(true).build())
                .thenApply(response -> new KeyCount(response.getCount(), response.getHeader().getRevision()));
    }

    @Override
    public CompletableFuture<Void> moveLeader(long targetMemberId) {
        return client.getMaintenanceClient().moveLeader(targetMemberId).thenApply(response -> null);
    }

    @Override
    public void close() {
        client.close();
    }
}
