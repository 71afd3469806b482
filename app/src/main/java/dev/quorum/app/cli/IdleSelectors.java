package dev.quorum.app.cli;

import io.grpc.internal.SharedResourceHolder;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ends the threads a finished CLI command leaves waiting in a selector, so that its JVM exits at once (decision 0060).
 *
 * <p>HotSpot 17 does not exit while a thread runs native code: it waits up to 300 ms for each such thread to leave it
 * ({@code VM_Exit::wait_for_threads_in_native_to_block}; JDK 22 added a flag for it, 17 has none), and a thread
 * blocked in {@code epoll_wait} never does. After a command's session is closed two kinds are still there: the
 * selector of the JDK's HTTP client (the members' /version reads; Java 17's {@code HttpClient} has no close), and
 * gRPC's shared netty event loops, which gRPC keeps for a second after the last etcd channel closed. Both only wait
 * for work that will not come once the command has returned; the exit would end them anyway, 0.3 s later.
 */
public final class IdleSelectors {
    /** gRPC names its shared client event loop threads after the resource that made them ({@code io.grpc.netty.Utils}). */
    private static final Map<String, String> GRPC_WORKER_GROUPS = Map.of(
            "grpc-nio-worker-ELG", "NIO_WORKER_EVENT_LOOP_GROUP",
            "grpc-default-worker-ELG", "DEFAULT_WORKER_EVENT_LOOP_GROUP");
    private static final long WAIT_MILLIS = 500;

    private IdleSelectors() {
    }

    /** Call only when the command has returned: whatever still waits on these selectors is cut off. */
    public static void end() {
        List<Thread> threads = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).toList();
        List<Thread> httpSelectors = threads.stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")).toList();
        // an interrupt ends the JDK client's selector loop (it runs while its thread is not interrupted)
        httpSelectors.forEach(Thread::interrupt);
        GRPC_WORKER_GROUPS.forEach((prefix, field) -> {
            if (threads.stream().anyMatch(t -> t.getName().startsWith(prefix))) {
                shutDownGrpcGroup(field);
            }
        });
        for (Thread selector : httpSelectors) {
            try {
                selector.join(WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Takes gRPC's shared group (it exists: its threads run), shuts it down without netty's quiet period, and hands it
     * back. Anything unexpected (another gRPC version without the field) leaves it as it is: the exit then only waits.
     */
    @SuppressWarnings("unchecked")
    private static void shutDownGrpcGroup(String field) {
        try {
            // a public field of a package-private class: readable from the class path once made accessible
            var declared = Class.forName("io.grpc.netty.Utils").getDeclaredField(field);
            declared.setAccessible(true);
            var resource = (SharedResourceHolder.Resource<EventLoopGroup>) declared.get(null);
            EventLoopGroup group = SharedResourceHolder.get(resource);
            try {
                group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } finally {
                SharedResourceHolder.release(resource, group);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // the JVM's exit ends these threads too, only later
        }
    }
}
