package dev.quorum.app.labtest;

import dev.quorum.lab.EtcdTarball;
import dev.quorum.lab.Lab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the CLI's ({@code CliLabCluster}) and the desktop app's ({@link DesktopLabCluster}) shared lab set-ups have in
 * common (issue 17): the lab read from the class's {@code static Lab} field ({@link LabField}), a folder of their own
 * for the inventory and Quorum's home, removed after the class's tests even when the set-up failed, and the inventory
 * of the lab's first hosts with the variables of the chosen etcd release and the test's own.
 */
public abstract class LabClusterSetUp implements BeforeAllCallback, AfterAllCallback {
    /** How many of the lab's first hosts form the etcd group. */
    protected final int etcdCount;
    /** Whether the cluster is installed before the class's tests. */
    protected final boolean install;
    private final String folderPrefix;
    private final Map<String, Object> moreVars = new LinkedHashMap<>();
    private String etcdLine;
    /** The class's lab, once {@link #beforeAll} has read it. */
    protected Lab lab;
    private Path dir;

    protected LabClusterSetUp(int etcdCount, boolean install, String folderPrefix) {
        this.etcdCount = etcdCount;
        this.install = install;
        this.folderPrefix = folderPrefix;
    }

    /** The rest of the set-up, once the lab is read and the folder made. */
    protected abstract void setUp() throws Exception;

    /** The clean-up before the folder is removed (it is removed even when this throws). */
    protected abstract void tearDown() throws Exception;

    /** More inventory variables (or other values for the lab's). */
    protected final void addVars(Map<String, ?> vars) {
        moreVars.putAll(vars);
    }

    /** etcd of this release line ({@code 3.5}...) instead of the lab's default; the class is skipped without it. */
    protected final void useEtcd(String line) {
        etcdLine = line;
    }

    @Override
    public final void beforeAll(ExtensionContext context) throws Exception {
        lab = LabField.of(context.getRequiredTestClass(), getClass());
        dir = Files.createTempDirectory(folderPrefix);
        setUp();
    }

    @Override
    public final void afterAll(ExtensionContext context) throws Exception {
        try {
            tearDown();
        } finally {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(LabClusterSetUp::delete);
                }
            }
        }
    }

    /**
     * The lab's YAML inventory of the first {@link #etcdCount} hosts with the chosen release's variables, the ones
     * added and {@code changedVars}, written to {@code folder} (relative to {@link #dir()}); returns its file.
     */
    protected final Path writeLabInventory(String folder, Map<String, ?> changedVars) {
        Map<String, Object> vars = EtcdVars.of(etcdLine == null ? EtcdTarball.get() : EtcdTarball.require(etcdLine));
        vars.putAll(moreVars);
        vars.putAll(changedVars);
        return lab.writeInventory(dir.resolve(folder), vars, etcdCount);
    }

    /** The folder holding the inventory ({@code inventory/}) and Quorum's home ({@code home/}). */
    public Path dir() {
        return dir;
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + path, e);
        }
    }
}
