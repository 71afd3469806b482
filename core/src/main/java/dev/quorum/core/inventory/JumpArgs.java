package dev.quorum.core.inventory;

import dev.quorum.core.remote.JumpHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The jump host an {@code ansible_ssh_common_args} declares: {@code -J SPEC}, {@code -o ProxyJump=SPEC} or
 * {@code -o ProxyCommand="ssh -W %h:%p ... USER@HOST"} (see {@link ProxyCommands}); {@code none} for either
 * option means "directly", as in OpenSSH. Other options are not Quorum's business and are left alone; in
 * particular {@code StrictHostKeyChecking=no} and {@code UserKnownHostsFile=/dev/null} are not honoured: the
 * bastion's host key is checked like every host's.
 */
final class JumpArgs {
    static final String VARIABLE = "ansible_ssh_common_args";

    /** What the arguments say: nothing about a jump, or a jump (empty for an explicit {@code none}). */
    record Declared(Optional<JumpHost> jump) {
    }

    private final String defaultUser;
    private final ProxyCommands proxyCommands;

    JumpArgs(String defaultUser, LocalPaths paths) {
        this.defaultUser = defaultUser;
        this.proxyCommands = new ProxyCommands(defaultUser, paths);
    }

    /** The jump {@code ansible_ssh_common_args} declares in {@code scope}, if it declares one. */
    Optional<Declared> read(VariableScope scope, String owner) {
        Optional<String> args = scope.text(VARIABLE);
        if (args.isEmpty()) {
            return Optional.empty();
        }
        List<String> words;
        try {
            words = IniTokens.words(args.get());
        } catch (IniTokens.Unsplittable e) {
            throw scope.problem(VARIABLE, owner + "cannot be split into words: it " + e.getMessage(),
                    "Quote the value as ssh expects, for example -o ProxyCommand=\"ssh -W %h:%p -q ops@bastion\"");
        }
        List<Declared> declared = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("-J") || word.equals("-o")) {
                if (i + 1 == words.size()) {
                    throw scope.problem(VARIABLE, owner + "ends with " + word + " and no value for it",
                            "Give the bastion, for example -J ops@203.0.113.5:22");
                }
                String value = words.get(++i);
                (word.equals("-J") ? jump(scope, owner, value) : option(scope, owner, value)).ifPresent(declared::add);
            } else if (word.startsWith("-J")) {
                declared.add(jump(scope, owner, word.substring(2)).orElseThrow());
            } else if (word.startsWith("-o")) {
                option(scope, owner, word.substring(2)).ifPresent(declared::add);
            }
        }
        if (declared.size() > 1) {
            throw scope.problem(VARIABLE, owner + "declares the jump host " + declared.size() + " times",
                    "Keep one: -J USER@HOST:PORT, -o ProxyJump=USER@HOST:PORT or one ssh -W %h:%p ProxyCommand");
        }
        return declared.stream().findFirst();
    }

    private Optional<Declared> option(VariableScope scope, String owner, String option) {
        String[] parts = option.split("[=\\s]", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        if (!name.equals("proxyjump") && !name.equals("proxycommand")) {
            return Optional.empty();
        }
        String value = parts.length > 1 ? parts[1].strip() : "";
        if (value.equalsIgnoreCase("none")) {
            return Optional.of(new Declared(Optional.empty()));
        }
        if (name.equals("proxyjump")) {
            return jump(scope, owner, value);
        }
        try {
            return Optional.of(new Declared(Optional.of(proxyCommands.read(value))));
        } catch (ProxyCommands.Refused e) {
            throw scope.problem(VARIABLE, owner + "has the ProxyCommand \"" + InventoryRules.shown(value) + "\", which "
                    + e.getMessage(), ProxyCommands.INSTEAD);
        }
    }

    private Optional<Declared> jump(VariableScope scope, String owner, String spec) {
        if (spec.equalsIgnoreCase("none")) {
            return Optional.of(new Declared(Optional.empty()));
        }
        Optional<String> fault = JumpSpecs.fault(spec);
        if (fault.isPresent()) {
            throw scope.problem(VARIABLE, owner + "has the jump host \"" + InventoryRules.shown(spec) + "\", which "
                    + fault.get(), "Write one bastion as -J USER@HOST:PORT, for example -J ops@203.0.113.5:22");
        }
        return Optional.of(new Declared(Optional.of(JumpSpecs.parse(spec, defaultUser))));
    }
}
