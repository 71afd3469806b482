package dev.quorum.core.lifecycle.recover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads the output of {@link InspectionScript} into a {@link HostReport}. */
final class HostReportParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostReportParser() {
    }

    static HostReport parse(String host, String address, String output) {
        Map<String, List<String>> sections = sections(output);
        String service = first(sections.get("service"));
        String statusText = text(sections.get("status"));
        Optional<LocalStatus> status = status(statusText);
        return new HostReport(host, address, "", service.isEmpty() ? "unknown" : service, status,
                status.isPresent() ? "" : firstLine(statusText), members(text(sections.get("members"))),
                alarms(sections.get("alarms")), peers(sections.get("peers")), dataDir(first(sections.get("datadir"))),
                nonBlank(sections.get("log")), new RestoreLeftover(dropIn(first(sections.get("dropin"))),
                        marker(first(sections.get("restore")))), ProcessState.of(first(sections.get("process"))),
                first(sections.get("enabled")), nonBlank(sections.get("expired")).stream()
                        .flatMap(line -> ExpiredCertificate.parse(line).stream()).toList(),
                kib(first(sections.get("datafree"))));
    }

    private static Map<String, List<String>> sections(String output) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : output.split("\n", -1)) {
            if (line.startsWith(InspectionScript.MARKER)) {
                current = new ArrayList<>();
                sections.put(line.substring(InspectionScript.MARKER.length()).trim(), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return sections;
    }

    static Optional<LocalStatus> status(String text) {
        JsonNode root = json(text);
        if (root == null || !root.isArray() || root.isEmpty() || !root.get(0).has("Status")) {
            return Optional.empty();
        }
        JsonNode s = root.get(0).get("Status");
        JsonNode header = s.path("header");
        List<String> errors = new ArrayList<>();
        s.path("errors").forEach(e -> errors.add(e.asText()));
        return Optional.of(new LocalStatus(hex(header.path("member_id")), hex(header.path("cluster_id")),
                hex(s.path("leader")), s.path("raftTerm").asLong(), s.path("raftIndex").asLong(),
                s.path("dbSize").asLong(), s.path("version").asText(""), s.path("isLearner").asBoolean(false),
                errors));
    }

    static List<ListedMember> members(String text) {
        JsonNode root = json(text);
        List<ListedMember> members = new ArrayList<>();
        if (root == null) {
            return members;
        }
        for (JsonNode m : root.path("members")) {
            List<String> peers = new ArrayList<>();
            m.path("peerURLs").forEach(p -> peers.add(p.asText()));
            members.add(new ListedMember(hex(m.path("ID")), m.path("name").asText(""), peers,
                    m.path("isLearner").asBoolean(false)));
        }
        return members;
    }

    /** {@code memberID:8211f1d0f64f3269 alarm:NOSPACE} lines; anything else (a timeout) is not an alarm. */
    private static List<String> alarms(List<String> lines) {
        List<String> alarms = new ArrayList<>();
        for (String line : nonBlank(lines)) {
            int at = line.indexOf("alarm:");
            if (line.startsWith("memberID:") && at > 0) {
                String id = line.substring("memberID:".length(), at).trim();
                alarms.add(hexId(id) + " " + line.substring(at + "alarm:".length()).trim());
            }
        }
        return alarms;
    }

    private static Map<String, Boolean> peers(List<String> lines) {
        Map<String, Boolean> reach = new LinkedHashMap<>();
        for (String line : nonBlank(lines)) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2) {
                reach.put(parts[0], parts[1].equals("ok"));
            }
        }
        return reach;
    }

    /** A whole number of KiB as df printed it; anything else is not known. */
    private static OptionalLong kib(String word) {
        return word.matches("[0-9]{1,18}") ? OptionalLong.of(Long.parseLong(word)) : OptionalLong.empty();
    }

    private static DataDirState dataDir(String word) {
        return switch (word) {
            case "present" -> DataDirState.PRESENT;
            case "incomplete" -> DataDirState.INCOMPLETE;
            case "missing" -> DataDirState.MISSING;
            default -> DataDirState.UNKNOWN;
        };
    }

    /** Anything but the two words (no answer, an error message) is unknown: never taken for absent. */
    static RestoreLeftover.DropIn dropIn(String word) {
        return switch (word) {
            case "present" -> RestoreLeftover.DropIn.PRESENT;
            case "absent" -> RestoreLeftover.DropIn.ABSENT;
            default -> RestoreLeftover.DropIn.UNKNOWN;
        };
    }

    static RestoreLeftover.Marker marker(String word) {
        return switch (word) {
            case "none" -> RestoreLeftover.Marker.NONE;
            case "unfinished" -> RestoreLeftover.Marker.UNFINISHED;
            case "completed" -> RestoreLeftover.Marker.COMPLETED;
            default -> RestoreLeftover.Marker.UNKNOWN;
        };
    }

    /** etcd prints IDs as unsigned 64-bit decimals; people and logs know them in hex. */
    private static String hex(JsonNode node) {
        if (node == null || node.isMissingNode() || node.asText().isEmpty()) {
            return "0";
        }
        return new BigInteger(node.asText()).toString(16);
    }

    private static String hexId(String decimal) {
        try {
            return new BigInteger(decimal).toString(16);
        } catch (NumberFormatException e) {
            return decimal;
        }
    }

    private static JsonNode json(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || !(trimmed.startsWith("[") || trimmed.startsWith("{"))) {
            return null;
        }
        try {
            return JSON.readTree(trimmed);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static List<String> nonBlank(List<String> lines) {
        return lines == null ? List.of() : lines.stream().filter(l -> !l.isBlank()).toList();
    }

    private static String text(List<String> lines) {
        return lines == null ? "" : String.join("\n", lines);
    }

    private static String first(List<String> lines) {
        List<String> all = nonBlank(lines);
        return all.isEmpty() ? "" : all.get(0).trim();
    }

    private static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("no answer").trim();
    }
}
