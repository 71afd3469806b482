package dev.quorum.core.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A host's addresses as Kubespray picks them for etcd by IP stack ({@code ipv4_stack}, default true;
 * {@code ipv6_stack}, default {@code enable_dual_stack_networks}, default false): on IPv4 others use
 * {@code access_ip}, else {@code ip}, and etcd listens on {@code ip}; on an IPv6-only stack the same with
 * {@code access_ip6} and {@code ip6}; a dual-stack host's IPv6 addresses go into its certificates too.
 * Where Kubespray falls back to a fact Quorum does not gather (the default route's address), Quorum uses
 * {@code ansible_host}, then the inventory name, and listens where others connect.
 */
final class StackAddresses {
    private static final List<String> IPV6 = List.of("access_ip6", "ip6");

    private StackAddresses() {
    }

    record Picked(String address, String bindAddress, List<String> otherAddresses) {
    }

    static Picked of(VariableScope scope, String name, Optional<String> sshHost) {
        boolean ipv4 = scope.bool("ipv4_stack").orElse(true);
        boolean ipv6 = scope.bool("ipv6_stack").or(() -> scope.bool("enable_dual_stack_networks")).orElse(false);
        String owner = "of host " + name + " ";
        for (String variable : IPV6) {
            scope.text(variable).ifPresent(value -> scope.checked(variable, owner, value, InventoryRules::ipv6Address,
                    "Give the host's IPv6 address, for example fd00:10::11"));
        }
        if (!ipv4 && !ipv6) {
            throw scope.problem("ipv4_stack", "is false and ipv6_stack is not true, so the host has no IP stack",
                    "Set ipv4_stack: true (Kubespray's default), or ipv6_stack: true for an IPv6-only cluster");
        }
        Optional<String> v6bind = scope.text("ip6");
        Optional<String> v6access = scope.text("access_ip6").or(() -> v6bind);
        if (!ipv4) {
            String address = v6access.or(() -> sshHost).orElse(name);
            return new Picked(address, v6bind.orElse(address), List.of());
        }
        Optional<String> bind = scope.text("ip");
        String address = scope.text("access_ip").or(() -> bind).or(() -> sshHost).orElse(name);
        List<String> others = new ArrayList<>();
        if (ipv6) {
            Stream.of(v6access, v6bind).flatMap(Optional::stream).forEach(others::add);
        }
        return new Picked(address, bind.orElse(address), others);
    }
}
