package dev.quorum.core.inventory;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Kubespray YAML inventory for typed-in hosts: every host under {@code all.hosts}, all of
 * them in the etcd group, {@code vars} (cluster_name, etcd settings) under {@code all.vars}. Kubespray
 * and Quorum's CLI read the file as it is. An existing different file is moved aside, never lost.
 */
public final class InventoryWriter {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private InventoryWriter() {
    }

    public static String render(List<NewHost> hosts, Map<String, Object> vars) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("an inventory needs at least one host");
        }
        Map<String, Object> all = new LinkedHashMap<>();
        Map<String, Object> hostMap = new LinkedHashMap<>();
        Map<String, Object> etcdHosts = new LinkedHashMap<>();
        for (NewHost host : hosts) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("ansible_host", host.address());
            v.put("ip", host.address());
            v.put("ansible_user", host.sshUser());
            if (host.sshPort() != 22) {
                v.put("ansible_port", host.sshPort());
            }
            host.privateKey().ifPresent(key -> v.put("ansible_ssh_private_key_file", key.toString()));
            hostMap.put(host.name(), v);
            etcdHosts.put(host.name(), Map.of());
        }
        all.put("hosts", hostMap);
        all.put("children", Map.of("etcd", Map.of("hosts", etcdHosts)));
        all.put("vars", new LinkedHashMap<>(vars));
        try {
            return "# Written by Quorum for typed-in hosts; Kubespray and `quorum -i` read it as is.\n"
                    + YAML.writeValueAsString(Map.of("all", all));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the inventory", e);
        }
    }

    /** Writes {@code file}; returns it. An existing file with other content is first renamed aside. */
    public static Path write(Path file, List<NewHost> hosts, Map<String, Object> vars) {
        String text = render(hosts, vars);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (Files.exists(file)) {
                if (Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                    return file;
                }
                Files.move(file, file.resolveSibling(file.getFileName() + ".old-"
                        + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC))), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write inventory " + file, e);
        }
    }
}
