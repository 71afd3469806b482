package dev.quorum.core.inventory;

import dev.quorum.core.remote.JumpHost;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the one ProxyCommand Quorum can honour without running it: {@code ssh -W %h:%p} to a single bastion,
 * with {@code -p PORT}, {@code -i KEY}, {@code -l USER}, {@code -q} and the like, options before or after the
 * destination (as OpenSSH allows; Kubespray writes {@code ... -W %h:%p -p PORT USER@HOST -i KEY}). Quorum
 * then opens that bastion itself. Anything else (another program, a pipe, a second hop, an option that
 * changes where ssh goes) is refused: the message says what to write instead.
 */
final class ProxyCommands {
    /** What a shell would act on; a command holding one is not a plain ssh call. */
    private static final String SHELL = "$`;&|<>()!\\{}\n\r";
    private static final Set<Character> PLAIN_FLAGS = Set.of('q', 'C', 'A', 'a', 'x', 'X', 'T', 'N', '4', '6', 'v', 'n');
    /** -o options that do not change which host ssh reaches or as whom; Quorum's own policy applies instead. */
    private static final Set<String> IGNORED_OPTIONS = Set.of("stricthostkeychecking", "userknownhostsfile",
            "globalknownhostsfile", "loglevel", "forwardagent", "serveraliveinterval", "serveralivecountmax",
            "connecttimeout", "compression", "identitiesonly", "batchmode", "controlmaster", "controlpath",
            "controlpersist", "tcpkeepalive", "addkeystoagent");
    static final String INSTEAD = "Quorum runs no ProxyCommand; it reads only ssh -W %h:%p [-p PORT] [-i KEY] "
            + "USER@HOST. Write the bastion as -J USER@HOST:PORT (or -o ProxyJump=USER@HOST:PORT) in "
            + "ansible_ssh_common_args, or use Kubespray's [bastion] group";

    private final String defaultUser;
    private final LocalPaths paths;

    ProxyCommands(String defaultUser, LocalPaths paths) {
        this.defaultUser = defaultUser;
        this.paths = paths;
    }

    /** The bastion the command goes through; {@link Refused} says why when it is not a plain jump. */
    JumpHost read(String command) {
        for (char c : command.toCharArray()) {
            if (SHELL.indexOf(c) >= 0) {
                throw new Refused("contains the shell character " + InventoryRules.shown(String.valueOf(c)));
            }
        }
        List<String> words;
        try {
            words = IniTokens.words(command);
        } catch (IniTokens.Unsplittable e) {
            throw new Refused(e.getMessage());
        }
        if (words.isEmpty() || !(words.get(0).equals("ssh") || words.get(0).endsWith("/ssh"))) {
            throw new Refused("runs " + (words.isEmpty() ? "nothing" : words.get(0)) + ", not ssh");
        }
        return parse(words.subList(1, words.size()).iterator());
    }

    private JumpHost parse(Iterator<String> words) {
        Optional<String> destination = Optional.empty();
        Optional<String> user = Optional.empty();
        Optional<Integer> port = Optional.empty();
        Optional<Path> key = Optional.empty();
        boolean forwards = false;
        while (words.hasNext()) {
            String word = words.next();
            if (!word.startsWith("-") || word.length() < 2) {
                if (destination.isPresent()) {
                    throw new Refused("has more than one destination (" + destination.get() + ", " + word
                            + "); after the bastion it would run a command there");
                }
                destination = Optional.of(word);
                continue;
            }
            char flag = word.charAt(1);
            if (word.substring(1).chars().allMatch(c -> PLAIN_FLAGS.contains((char) c))) {
                continue;
            }
            String value = word.length() > 2 ? word.substring(2) : argument(words, word);
            switch (flag) {
                case 'W' -> {
                    if (!value.equals("%h:%p")) {
                        throw new Refused("forwards to " + value + " instead of %h:%p, the host being reached");
                    }
                    forwards = true;
                }
                case 'p' -> port = Optional.of(port(value));
                case 'i' -> key = Optional.of(paths.resolve(value));
                case 'l' -> user = Optional.of(value);
                case 'F' -> {
                    if (!value.equals("/dev/null")) {
                        throw new Refused("reads the ssh config file " + value + ", which Quorum does not read");
                    }
                }
                case 'o' -> {
                    String[] option = value.split("[=\\s]", 2);
                    String name = option[0].toLowerCase(Locale.ROOT);
                    if (option.length < 2 || option[1].isBlank()) {
                        throw new Refused("sets the ssh option " + option[0] + " with no value");
                    }
                    String optionValue = option[1].strip();
                    switch (name) {
                        case "port" -> port = Optional.of(port(optionValue));
                        case "user" -> user = Optional.of(optionValue);
                        case "identityfile" -> key = Optional.of(paths.resolve(optionValue));
                        default -> {
                            if (!IGNORED_OPTIONS.contains(name)) {
                                throw new Refused("sets the ssh option " + option[0]
                                        + ", which Quorum cannot honour for a bastion");
                            }
                        }
                    }
                }
                default -> throw new Refused("uses the ssh option " + word.substring(0, 2)
                        + ", which Quorum cannot honour for a bastion");
            }
        }
        if (!forwards) {
            throw new Refused("has no -W %h:%p, so it is not a plain jump through a bastion");
        }
        if (destination.isEmpty()) {
            throw new Refused("names no bastion (USER@HOST)");
        }
        return bastion(destination.get(), user, port, key);
    }

    private JumpHost bastion(String destination, Optional<String> user, Optional<Integer> port, Optional<Path> key) {
        Optional<String> fault = JumpSpecs.fault(destination);
        if (fault.isPresent()) {
            throw new Refused("goes to \"" + InventoryRules.shown(destination) + "\", which " + fault.get());
        }
        JumpHost spec = JumpSpecs.parse(destination, defaultUser);
        if (destination.contains("@") && user.isPresent() && !user.get().equals(spec.user())) {
            throw new Refused("names two users for the bastion (" + spec.user() + " and " + user.get() + ")");
        }
        String login = user.orElse(spec.user());
        Optional<String> badUser = InventoryRules.userName(login);
        if (badUser.isPresent()) {
            throw new Refused("logs in as \"" + InventoryRules.shown(login) + "\", which " + badUser.get());
        }
        return new JumpHost(spec.address(), port.orElse(spec.port()), login, key);
    }

    private static String argument(Iterator<String> words, String option) {
        if (!words.hasNext()) {
            throw new Refused("ends with " + option + " and no value for it");
        }
        return words.next();
    }

    private static int port(String value) {
        if (!value.matches("\\d{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535) {
            throw new Refused("gives the port \"" + InventoryRules.shown(value) + "\", which is not 1 to 65535");
        }
        return Integer.parseInt(value);
    }

    /** Why the ProxyCommand is not one Quorum can read, phrased to follow the command in a message. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
