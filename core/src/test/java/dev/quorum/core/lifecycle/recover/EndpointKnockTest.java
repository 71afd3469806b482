package dev.quorum.core.lifecycle.recover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inspection skips etcdctl only when every endpoint of ETCDCTL_ENDPOINTS refuses, run with the local sh on
 * loopback ports (one with a listener, others closed) and on an endpoint that would run a command if parsed twice.
 */
class EndpointKnockTest {
    @TempDir
    Path dir;

    private boolean everyEndpointRefuses(String envLines) throws Exception {
        Path env = dir.resolve("etcd.env");
        Files.writeString(env, envLines);
        Process process = new ProcessBuilder("sh", "-c", InspectionScript.everyEndpointRefuses(env.toString()))
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the knock finishes").isTrue();
        return process.exitValue() == 0;
    }

    @Test
    void closedPortsOnEveryEndpointRefuse() throws Exception {
        assertThat(everyEndpointRefuses("ETCDCTL_ENDPOINTS=https://127.0.0.1:" + freePort() + ",https://127.0.0.1:"
                + freePort() + "\n")).isTrue();
    }

    @Test
    void oneListeningEndpointMeansEtcdctlIsAsked() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(everyEndpointRefuses("ETCDCTL_ENDPOINTS=https://127.0.0.1:" + freePort()
                    + ",https://127.0.0.1:" + listening.getLocalPort() + "\n")).isFalse();
        }
    }

    @Test
    void noEnvFileNoVariableOrNoEndpointIsNoEvidence() throws Exception {
        assertThat(everyEndpointRefuses("ETCD_NAME=etcd1\n")).isFalse();
        assertThat(everyEndpointRefuses("ETCDCTL_ENDPOINTS=,\n")).isFalse();
        assertThat(everyEndpointRefuses("ETCDCTL_ENDPOINTS=https://127.0.0.1\n")).isFalse();
        Process process = new ProcessBuilder("sh", "-c",
                InspectionScript.everyEndpointRefuses(dir.resolve("missing.env").toString())).start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
    }

    @Test
    void anEndpointIsKnockedOnAsTextNeverRun() throws Exception {
        Path pwned = dir.resolve("pwned");
        assertThat(everyEndpointRefuses("ETCDCTL_ENDPOINTS='https://$(touch " + pwned + "):2379'\n")).isFalse();
        assertThat(pwned).doesNotExist();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
