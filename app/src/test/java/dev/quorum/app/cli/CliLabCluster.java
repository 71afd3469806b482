package dev.quorum.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.app.labtest.LabClusterSetUp;
import dev.quorum.app.labtest.LabField;
import dev.quorum.lab.ExecResult;
import dev.quorum.lab.Lab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The set-up the CLI lab tests share (issue 17): before the class's tests, an inventory with the lab's first hosts
 * in the etcd group ({@code inventory/hosts.yaml}), the lab's known_hosts, Quorum's home in a folder of its own
 * ({@code home/}) and the cluster installed through the CLI; after them, the home cleared and the folder removed.
 * Register it on a static field of a {@code @LabHosts} class, beside its {@code static Lab lab}: {@code @LabHosts}'
 * extension is registered on the class, so it boots the lab and fills that field before this one's
 * {@code beforeAll} reads it ({@link LabField}). The class's own {@code @BeforeAll} methods run after this set-up, its
 * {@code @AfterAll} ones before the clean-up. The {@code with...} options change the set-up before it runs.
 */
final class CliLabCluster extends LabClusterSetUp {
    /** Writes a cluster's inventory of the lab's hosts into {@code folder} (say as Kubespray's INI) and returns it. */
    @FunctionalInterface
    interface InventoryWriter {
        Path write(Lab lab, Path folder) throws IOException;
    }

    private InventoryWriter writer;
    private UnaryOperator<String> inventoryEdit;
    private boolean emptyKnownHosts;
    private String inventory;
    private String knownHosts;

    private CliLabCluster(int etcdCount, boolean install) {
        super(etcdCount, install, "quorum-cli-lab");
    }

    /** The lab's first {@code etcdCount} hosts as the etcd group, installed. */
    static CliLabCluster installed(int etcdCount) {
        return new CliLabCluster(etcdCount, true);
    }

    /** Installed with more inventory variables, e.g. {@code etcd_quota_backend_bytes}. */
    static CliLabCluster installed(int etcdCount, Map<String, ?> moreVars) {
        return installed(etcdCount).withVars(moreVars);
    }

    /** Inventory, known_hosts and home set up, nothing installed: for tests of the install, or of an adoption. */
    static CliLabCluster notInstalled(int etcdCount) {
        return new CliLabCluster(etcdCount, false);
    }

    /** More inventory variables. */
    CliLabCluster withVars(Map<String, ?> vars) {
        addVars(vars);
        return this;
    }

    /** With Kubespray's events cluster: {@code etcd_events_cluster_enabled: true}. */
    CliLabCluster withEventsCluster() {
        return withVars(Map.of("etcd_events_cluster_enabled", Boolean.TRUE));
    }

    /** etcd of this release line ({@code 3.5}...) instead of the lab's default; the class is skipped without it. */
    CliLabCluster withEtcd(String line) {
        useEtcd(line);
        return this;
    }

    /** The inventory {@code writer} writes instead of the lab's YAML one (the etcd count and variables then unused). */
    CliLabCluster withInventory(InventoryWriter writer) {
        this.writer = writer;
        return this;
    }

    /** The inventory's text changed by {@code edit} before the install (a group added, say). */
    CliLabCluster withInventoryEdit(UnaryOperator<String> edit) {
        inventoryEdit = edit;
        return this;
    }

    /** An empty known_hosts file ({@code known_hosts} in the folder) instead of the lab's: no host key known. */
    CliLabCluster withEmptyKnownHosts() {
        emptyKnownHosts = true;
        return this;
    }

    @Override
    protected void setUp() throws Exception {
        inventory = (writer != null ? writer.write(lab, dir().resolve("inventory"))
                : Path.of(writeInventory("inventory", Map.of()))).toString();
        if (inventoryEdit != null) {
            editInventory(inventoryEdit);
        }
        knownHosts = emptyKnownHosts ? Files.writeString(dir().resolve("known_hosts"), "").toString()
                : lab.knownHosts().toString();
        System.setProperty("quorum.home", dir().resolve("home").toString());
        if (install) {
            install();
        }
    }

    @Override
    protected void tearDown() {
        System.clearProperty("quorum.home");
    }

    /** {@code quorum install --yes}, which must succeed (done before the tests unless {@link #notInstalled}). */
    void install() {
        CliContractTest.Run install = quorum("install", "--yes");
        assertThat(install.exit()).as(install.out() + install.err()).isZero();
    }

    /** {@code quorum WORDS... -i INVENTORY --known-hosts FILE}. */
    CliContractTest.Run quorum(String... words) {
        return CliLab.run(inventory, knownHosts, words);
    }

    /** {@link #quorum}, which must exit 0. */
    CliContractTest.Run ok(String... words) {
        CliContractTest.Run run = quorum(words);
        assertThat(run.exit()).as(String.join(" ", words) + "\n" + run.out() + run.err()).isZero();
        return run;
    }

    /** {@code quorum status --json MORE...}, which must exit 0. */
    JsonNode statusJson(String... more) throws IOException {
        List<String> words = new ArrayList<>(List.of("status", "--json"));
        words.addAll(List.of(more));
        return new ObjectMapper().readTree(ok(words.toArray(String[]::new)).out());
    }

    /** etcdctl on the lab's first host with its admin certificate, against one cluster's member on loopback. */
    ExecResult etcdctl(int port, String args) {
        return CliLab.etcdctl(lab, port, args);
    }

    /**
     * The lab's YAML inventory with this cluster's hosts and variables but for {@code changedVars}, written to
     * {@code folder} (relative to {@link #dir()}; {@code "inventory"} rewrites the cluster's own); returns its file.
     */
    String writeInventory(String folder, Map<String, ?> changedVars) {
        return writeLabInventory(folder, changedVars).toString();
    }

    /** Rewrites the cluster's inventory file as {@code edit} changes its text. */
    void editInventory(UnaryOperator<String> edit) throws IOException {
        Path file = Path.of(inventory);
        Files.writeString(file, edit.apply(Files.readString(file)));
    }

    String inventory() {
        return inventory;
    }

    String knownHosts() {
        return knownHosts;
    }
}
