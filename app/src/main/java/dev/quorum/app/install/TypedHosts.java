package dev.quorum.app.install;

import dev.quorum.core.inventory.NewHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Hosts typed in instead of an inventory: a cluster name and one {@code NAME ADDRESS} a line, the
 * SSH user and key. Each field has its reason, recomputed as typed.
 */
public final class TypedHosts {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final Pattern CLUSTER = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:\\[\\]_-]+");

    private final StringProperty clusterName = new SimpleStringProperty("");
    private final StringProperty lines = new SimpleStringProperty("");
    private final StringProperty sshUser = new SimpleStringProperty("root");
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final StringBinding clusterReason = Bindings.createStringBinding(
            () -> clusterReason(clusterName.get()), clusterName);
    private final StringBinding hostsReason = Bindings.createStringBinding(() -> hostsReason(lines.get()), lines);
    private final StringBinding sshReason = Bindings.createStringBinding(
            () -> sshReason(sshUser.get(), keyFile.get()), sshUser, keyFile);

    static String clusterReason(String name) {
        if (name == null || name.isBlank()) {
            return "Name the cluster (its folder under ~/.quorum/clusters).";
        }
        return CLUSTER.matcher(name.strip()).matches() ? ""
                : "Use lower-case letters, digits, dot, dash and underscore, starting with a letter or digit.";
    }

    static String hostsReason(String text) {
        List<String[]> parsed = parse(text);
        if (parsed.isEmpty()) {
            return "Type one host a line: NAME ADDRESS (e.g. node1 10.0.0.11).";
        }
        Set<String> names = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < parsed.size(); i++) {
            String[] fields = parsed.get(i);
            String line = "Line " + (i + 1) + ": ";
            if (fields.length != 2) {
                return line + "write a name and an address, separated by a space.";
            }
            if (!NAME.matcher(fields[0]).matches()) {
                return line + "the name " + fields[0] + " may use only letters, digits, dot, dash and underscore.";
            }
            if (!ADDRESS.matcher(fields[1]).matches()) {
                return line + fields[1] + " is not an IP address or host name.";
            }
            if (!names.add(fields[0])) {
                return line + "the name " + fields[0] + " is used twice.";
            }
            if (!addresses.add(fields[1])) {
                return line + "the address " + fields[1] + " is used twice; each member needs its own.";
            }
        }
        return "";
    }

    static String sshReason(String user, String key) {
        if (user == null || user.isBlank()) {
            return "Give the SSH user (root, or a user with sudo).";
        }
        if (key != null && !key.isBlank() && !Files.isRegularFile(Path.of(key.strip()))) {
            return "No such key file: " + key.strip() + ". Leave it empty to use ~/.ssh keys or the ssh-agent.";
        }
        return "";
    }

    private static List<String[]> parse(String text) {
        List<String[]> parsed = new ArrayList<>();
        if (text == null) {
            return parsed;
        }
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                parsed.add(line.strip().split("[\\s,]+"));
            }
        }
        return parsed;
    }

    /** The hosts as typed; call only when every reason is empty. */
    public List<NewHost> hosts() {
        Optional<Path> key = keyFile.get().isBlank() ? Optional.empty()
                : Optional.of(Path.of(keyFile.get().strip()).toAbsolutePath());
        return parse(lines.get()).stream()
                .map(f -> new NewHost(f[0], f[1], sshUser.get().strip(), 22, key)).toList();
    }

    public StringProperty clusterNameProperty() {
        return clusterName;
    }

    public StringProperty linesProperty() {
        return lines;
    }

    public StringProperty sshUserProperty() {
        return sshUser;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public StringBinding clusterReason() {
        return clusterReason;
    }

    public StringBinding hostsReason() {
        return hostsReason;
    }

    public StringBinding sshReason() {
        return sshReason;
    }
}
