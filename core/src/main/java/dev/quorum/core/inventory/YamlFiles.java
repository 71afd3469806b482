package dev.quorum.core.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads YAML files into plain maps, lists and scalars (Jackson keeps booleans and numbers typed). */
final class YamlFiles {
    /**
     * Duplicate keys are an error: YAML would keep only the last, so a host defined twice or a variable set twice
     * in one file silently loses one of its values. Ansible only warns; Quorum refuses.
     */
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);
    private static final TypeReference<Object> ANY = new TypeReference<>() {
    };

    private YamlFiles() {
    }

    static String readText(Path file, String label) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InventoryException(label + " cannot be read (" + e.getMessage()
                    + "). Check that the file exists and that you may read it.", e);
        }
    }

    /** The document as a tree, or null for an empty document (only comments or nothing). */
    static Object parse(String text, String label) {
        if (text.isBlank()) {
            return null;
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() == null) {
                return null;
            }
            return MAPPER.readValue(parser, ANY);
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.lookingAt()) {
                throw new InventoryException(label + " sets `" + InventoryRules.shown(duplicate.group(1))
                        + "` twice in the same mapping" + location(e) + ". Keep one of them: YAML would keep only the "
                        + "last and silently drop the other.", e);
            }
            throw new InventoryException(label + " is not valid YAML (" + e.getOriginalMessage()
                    + location(e) + "). Fix the YAML syntax there; "
                    + "`ansible-inventory -i FILE --list` shows the same problem.", e);
        } catch (IOException e) {
            throw new InventoryException(label + " cannot be read (" + e.getMessage() + "). Check the file.", e);
        }
    }

    /** A variables file (group_vars / host_vars): a mapping, or nothing. */
    static Map<String, Object> readVarsFile(Path file, String label) {
        Object tree = parse(readText(file, label), label);
        if (tree == null) {
            return Map.of();
        }
        if (!(tree instanceof Map<?, ?> map)) {
            throw new InventoryException(label + " must be a mapping of variable names to values, but it is a "
                    + Values.typeName(tree) + ". Write one `name: value` per line.");
        }
        return Values.stringKeyed(map);
    }

    private static String location(JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
            return "";
        }
        return " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
