package dev.quorum.core.lifecycle.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.OptionalLong;

/** What {@code etcdutl snapshot status -w json} (etcdctl on 3.4) says of a snapshot file: its revision. */
final class SnapshotStatus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotStatus() {
    }

    /** Empty when the output is not the tool's JSON or names no revision. */
    static OptionalLong revision(String output) {
        String text = output.strip();
        int start = text.indexOf('{');
        if (start < 0) {
            return OptionalLong.empty();
        }
        try {
            JsonNode revision = JSON.readTree(text.substring(start)).path("revision");
            return revision.canConvertToLong() && revision.asLong() > 0 ? OptionalLong.of(revision.asLong())
                    : OptionalLong.empty();
        } catch (java.io.IOException notJson) {
            return OptionalLong.empty();
        }
    }
}
