package dev.quorum.lab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Last-resort teardown: one JVM shutdown hook closes every lab still open (a test run killed
 * with Ctrl-C, a crashed extension), then runs cleanups that the teardown itself still needs
 * until then. JVM hooks run concurrently, hence a single hook with an explicit order.
 */
final class ShutdownGuard {

    private static final Set<Lab> OPEN = new LinkedHashSet<>();
    private static final List<Runnable> AFTER = new ArrayList<>();
    private static boolean hooked;

    private ShutdownGuard() {
    }

    static synchronized void register(Lab lab) {
        hook();
        OPEN.add(lab);
    }

    static synchronized void unregister(Lab lab) {
        OPEN.remove(lab);
    }

    static synchronized void afterLabs(Runnable cleanup) {
        hook();
        AFTER.add(cleanup);
    }

    private static void hook() {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownGuard::runAll, "quorum-lab-shutdown"));
        }
    }

    private static void runAll() {
        List<Lab> labs;
        List<Runnable> after;
        synchronized (ShutdownGuard.class) {
            labs = new ArrayList<>(OPEN);
            after = new ArrayList<>(AFTER);
        }
        for (Lab lab : labs) {
            try {
                lab.close();
            } catch (RuntimeException e) {
                System.err.println("quorum-lab: teardown at JVM exit failed: " + e.getMessage());
            }
        }
        after.forEach(Runnable::run);
    }
}
