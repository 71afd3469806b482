package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.internal.SharedResourceHolder;
import io.netty.channel.EventLoopGroup;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link IdleSelectors} ends every HTTP client's selector and gRPC's shared event loops of its JVM, so it runs in a JVM
 * of its own here ({@link Probe}): in the tests' JVM it would cut off other tests' clients.
 */
class IdleSelectorsTest {

    @Test
    void theHttpClientsSelectorEndsAndGrpcsIdleEventLoopsShutDown() throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Probe.class.getName()).redirectErrorStream(true).start();
        probe.getOutputStream().close();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).contains("before: http selector alive=true, grpc group terminated=false",
                "after: http selector alive=false, grpc group terminated=true");
    }

    /** A CLI command's leftovers: an HTTP client still referenced, gRPC's group just released by its last channel. */
    static final class Probe {
        public static void main(String[] args) throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            Thread selector = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
                    .findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            var resource = (SharedResourceHolder.Resource<EventLoopGroup>) grpcWorkerResource();
            EventLoopGroup group = SharedResourceHolder.get(resource);
            group.submit(() -> { }).sync(); // its first thread starts with its first task, as with an etcd channel
            SharedResourceHolder.release(resource, group); // gRPC keeps it a second after its last channel closed
            print("before", selector, group);
            IdleSelectors.end();
            print("after", selector, group);
            System.out.println(List.of(client).size()); // the client stays referenced: only end() stopped its selector
        }

        private static void print(String when, Thread selector, EventLoopGroup group) {
            System.out.println(when + ": http selector alive=" + selector.isAlive() + ", grpc group terminated="
                    + group.isTerminated());
        }

        private static Object grpcWorkerResource() throws Exception {
            var field = Class.forName("io.grpc.netty.Utils").getDeclaredField("NIO_WORKER_EVENT_LOOP_GROUP");
            field.setAccessible(true);
            return field.get(null);
        }
    }
}
