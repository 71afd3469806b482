package dev.quorum.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code quorum gui [-i INVENTORY] [--known-hosts FILE]}: which cluster to open at start.
 *
 * @param error why the arguments were refused, if they were
 */
public record LaunchOptions(Optional<Path> inventory, Optional<Path> knownHosts, Optional<String> error) {
    public static final String USAGE = "quorum gui [-i INVENTORY] [--known-hosts FILE]";

    public static LaunchOptions parse(List<String> args) {
        Path inventory = null;
        Path knownHosts = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean hasValue = i + 1 < args.size();
            if (arg.equals("-h") || arg.equals("--help")) {
                return refused("usage: " + USAGE + "\n  -i, --inventory FILE   open this Kubespray inventory at start"
                        + "\n  --known-hosts FILE     known_hosts to check its hosts' keys against");
            } else if ((arg.equals("-i") || arg.equals("--inventory")) && hasValue) {
                inventory = Path.of(args.get(++i));
            } else if (arg.startsWith("--inventory=")) {
                inventory = Path.of(arg.substring("--inventory=".length()));
            } else if (arg.equals("--known-hosts") && hasValue) {
                knownHosts = Path.of(args.get(++i));
            } else if (arg.startsWith("--known-hosts=")) {
                knownHosts = Path.of(arg.substring("--known-hosts=".length()));
            } else {
                return refused("unknown or incomplete option for gui: " + arg + " (usage: " + USAGE + ")");
            }
        }
        return new LaunchOptions(Optional.ofNullable(inventory), Optional.ofNullable(knownHosts), Optional.empty());
    }

    private static LaunchOptions refused(String why) {
        return new LaunchOptions(Optional.empty(), Optional.empty(), Optional.of(why));
    }
}
