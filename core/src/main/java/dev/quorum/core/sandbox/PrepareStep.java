package dev.quorum.core.sandbox;

import dev.quorum.core.engine.Check;
import dev.quorum.core.engine.StepContext;
import dev.quorum.core.release.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sandbox's inventory file and, for a tarball, its unpacked etcd binary. */
final class PrepareStep implements dev.quorum.core.engine.Step {
    private final SandboxContext sandbox;

    PrepareStep(SandboxContext sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public String title() {
        return "Write the sandbox inventory and pick the etcd binary";
    }

    @Override
    public List<String> preview(String target) {
        List<String> lines = new ArrayList<>();
        lines.add("# inventory: " + sandbox.layout().inventoryFile());
        sandbox.etcdSource().tarball().ifPresent(t -> lines.add("tar -xzf " + t + " --strip-components=1 -C "
                + sandbox.layout().binDir() + " --wildcards '*/etcd'"));
        lines.add("# runs " + sandbox.etcdSource().describe());
        return lines;
    }

    @Override
    public Check check(StepContext context) throws Exception {
        List<String> needed = new ArrayList<>();
        if (!SandboxInventory.upToDate(sandbox.layout())) {
            needed.add("the inventory " + sandbox.layout().inventoryFile() + " is missing or out of date");
        }
        if (sandbox.etcdSource().tarball().isPresent() && !unpacked()) {
            needed.add("etcd is not yet unpacked from " + sandbox.etcdSource().tarball().get());
        }
        return needed.isEmpty() ? Check.done("inventory written; " + sandbox.etcdSource().describe())
                : Check.needed(String.join("; ", needed));
    }

    private boolean unpacked() throws Exception {
        Path binary = sandbox.executable();
        Path stamp = stamp();
        return Files.isExecutable(binary) && Files.isRegularFile(stamp)
                && Files.readString(stamp).strip().equals(Sha256.of(sandbox.etcdSource().tarball().orElseThrow()));
    }

    /** The sha256 of the tarball the binary came from, so a newer tarball is unpacked again. */
    private Path stamp() {
        return sandbox.layout().binDir().resolve("etcd.source-sha256");
    }

    @Override
    public void apply(StepContext context) throws Exception {
        SandboxInventory.write(sandbox.layout());
        context.info("inventory: " + sandbox.layout().inventoryFile());
        if (sandbox.etcdSource().tarball().isPresent() && !unpacked()) {
            Path tarball = sandbox.etcdSource().tarball().get();
            TarballBinary.unpackEtcd(tarball, sandbox.executable());
            Files.writeString(stamp(), Sha256.of(tarball) + "\n");
            context.info("unpacked etcd from " + tarball);
        }
    }
}
