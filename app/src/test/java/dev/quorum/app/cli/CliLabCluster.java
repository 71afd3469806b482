package dev.quorum.app.cli;

import dev.quorum.lab.Lab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The set-up the CLI lab tests share (issue 17): before the class's tests, an inventory with the lab's first hosts
 * in the etcd group, the lab's known_hosts, Quorum's home in a folder of its own and the cluster installed through
 * the CLI; after them, the home cleared and the folder removed. Register it on a static field of a
 * {@code @LabHosts} class, beside its {@code static Lab lab}: {@code @LabHosts}' extension is registered on the
 * class, so it boots the lab and fills that field before this one's {@code beforeAll} reads it.
 */
final class CliLabCluster implements BeforeAllCallback, AfterAllCallback {
    private final int etcdCount;
    private final Map<String, String> moreVars;
    private Path dir;
    private String inventory;
    private String knownHosts;

    private CliLabCluster(int etcdCount, Map<String, String> moreVars) {
        this.etcdCount = etcdCount;
        this.moreVars = Map.copyOf(moreVars);
    }

    /** The lab's first {@code etcdCount} hosts as the etcd group, installed. */
    static CliLabCluster installed(int etcdCount) {
        return installed(etcdCount, Map.of());
    }

    /** Installed with more inventory variables, e.g. {@code etcd_quota_backend_bytes}. */
    static CliLabCluster installed(int etcdCount, Map<String, String> moreVars) {
        return new CliLabCluster(etcdCount, moreVars);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Lab lab = lab(context.getRequiredTestClass());
        dir = Files.createTempDirectory("quorum-cli-lab");
        inventory = CliLab.inventory(lab, dir, etcdCount, moreVars);
        knownHosts = lab.knownHosts().toString();
        CliLab.install(dir, inventory, knownHosts);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        CliLab.clearHome();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(CliLabCluster::delete);
            }
        }
    }

    /** {@code quorum WORDS... -i INVENTORY --known-hosts FILE}. */
    CliContractTest.Run quorum(String... words) {
        return CliLab.run(inventory, knownHosts, words);
    }

    /** The folder holding the inventory ({@code inventory/}) and Quorum's home ({@code home/}). */
    Path dir() {
        return dir;
    }

    String inventory() {
        return inventory;
    }

    String knownHosts() {
        return knownHosts;
    }

    private static Lab lab(Class<?> testClass) throws IllegalAccessException {
        List<Field> fields = ReflectionSupport.findFields(testClass,
                f -> f.getType() == Lab.class && Modifier.isStatic(f.getModifiers()), HierarchyTraversalMode.TOP_DOWN);
        if (fields.isEmpty()) {
            throw new IllegalStateException(testClass.getSimpleName() + " needs @LabHosts and a static Lab field");
        }
        Field field = fields.get(0);
        field.setAccessible(true);
        Lab lab = (Lab) field.get(null);
        if (lab == null) {
            throw new IllegalStateException("no lab in " + testClass.getSimpleName() + "." + field.getName()
                    + " yet: register " + CliLabCluster.class.getSimpleName() + " on a static field of a @LabHosts class");
        }
        return lab;
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + path, e);
        }
    }
}
