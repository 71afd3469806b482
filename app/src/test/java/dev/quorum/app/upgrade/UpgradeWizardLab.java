package dev.quorum.app.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.app.labtest.DesktopLabCluster;
import dev.quorum.app.labtest.EtcdVars;
import dev.quorum.core.inventory.InventoryReader;
import dev.quorum.lab.EtcdTarball;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the Upgrade wizard's lab tests do to their cluster's inventory, and read of its runs. */
final class UpgradeWizardLab {
    private UpgradeWizardLab() {
    }

    /** What an operator does to ask for an upgrade: the inventory names another release. */
    static void point(DesktopLabCluster app, EtcdTarball tarball) throws Exception {
        String text = Files.readString(app.inventory());
        for (Map.Entry<String, Object> e : EtcdVars.of(tarball).entrySet()) {
            text = Pattern.compile("(?m)^(\\s*" + e.getKey() + ":).*$").matcher(text)
                    .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + e.getValue()));
        }
        Files.writeString(app.inventory(), text);
        assertThat(new InventoryReader().read(app.inventory()).etcd().version()).isEqualTo(tarball.version());
    }

    /** The last lines of the newest run log: what failed, as the Tasks tab would show it. */
    static String runLogTail(DesktopLabCluster app) throws Exception {
        Path runs = app.home().runs(new InventoryReader().read(app.inventory()).clusterName());
        try (var files = Files.list(runs)) {
            Path newest = files.max(Comparator.comparing(Path::getFileName)).orElseThrow();
            List<String> lines = Files.readAllLines(newest);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        }
    }
}
