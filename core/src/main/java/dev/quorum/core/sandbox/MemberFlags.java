package dev.quorum.core.sandbox;

import java.nio.file.Path;
import java.util.List;

/** etcd's command line for one sandbox member: TLS everywhere, quick elections (loopback). */
final class MemberFlags {
    static final int HEARTBEAT_MILLIS = 100;
    static final int ELECTION_MILLIS = 1000;

    private MemberFlags() {
    }

    static List<String> of(SandboxLayout layout, SandboxMember member, boolean newCluster) {
        Path ssl = layout.certDir(member);
        String ca = ssl.resolve("ca.pem").toString();
        String cert = CertificatesStep.certificateFile(layout, member).toString();
        String key = CertificatesStep.keyFile(layout, member).toString();
        return List.of(
                "--name=" + member.memberName(),
                "--data-dir=" + layout.dataDir(member),
                "--listen-client-urls=" + member.clientUrl(),
                "--advertise-client-urls=" + member.clientUrl(),
                "--listen-peer-urls=" + member.peerUrl(),
                "--initial-advertise-peer-urls=" + member.peerUrl(),
                "--initial-cluster=" + layout.initialCluster(),
                "--initial-cluster-token=quorum-sandbox",
                "--initial-cluster-state=" + (newCluster ? "new" : "existing"),
                "--client-cert-auth", "--trusted-ca-file=" + ca, "--cert-file=" + cert, "--key-file=" + key,
                "--peer-client-cert-auth", "--peer-trusted-ca-file=" + ca,
                "--peer-cert-file=" + cert, "--peer-key-file=" + key,
                "--heartbeat-interval=" + HEARTBEAT_MILLIS, "--election-timeout=" + ELECTION_MILLIS,
                "--pre-vote=true", "--logger=zap");
    }
}
