package dev.quorum.core.labtest;

import dev.quorum.core.etcd.TlsFiles;
import io.etcd.jetcd.api.AlarmRequest;
import io.etcd.jetcd.api.MaintenanceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Raises and clears an alarm through etcd's gRPC Maintenance.Alarm call, which etcdctl and jetcd
 * do not offer for activation: how a test gets a CORRUPT alarm without corrupting a member.
 * jetcd 0.8.7's proto has no CORRUPT constant, so the wire value is used.
 */
public final class RawAlarms {
    /** etcdserverpb.AlarmType.CORRUPT. */
    public static final int CORRUPT = 2;

    private RawAlarms() {
    }

    public static void activate(String endpoint, TlsFiles tls, long memberId, int alarm) throws Exception {
        send(endpoint, tls, memberId, alarm, AlarmRequest.AlarmAction.ACTIVATE);
    }

    public static void deactivate(String endpoint, TlsFiles tls, long memberId, int alarm) throws Exception {
        send(endpoint, tls, memberId, alarm, AlarmRequest.AlarmAction.DEACTIVATE);
    }

    private static void send(String endpoint, TlsFiles tls, long memberId, int alarm, AlarmRequest.AlarmAction action)
            throws Exception {
        URI uri = URI.create(endpoint);
        ManagedChannel channel = NettyChannelBuilder.forAddress(uri.getHost(), uri.getPort())
                .sslContext(GrpcSslContexts.forClient().trustManager(tls.caCertificate().toFile())
                        .keyManager(tls.certificate().toFile(), tls.privateKey().toFile()).build())
                .build();
        try {
            MaintenanceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .alarm(AlarmRequest.newBuilder().setAction(action).setMemberID(memberId).setAlarmValue(alarm).build());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
