package dev.quorum.app.recover;

import dev.quorum.app.common.MemberStateWords;
import dev.quorum.core.lifecycle.recover.MemberDiagnosis;
import dev.quorum.core.lifecycle.recover.Problem;
import java.util.List;

/** One member on the diagnosis page: who, its state in a word or two, and its problems in words. */
public record MemberRow(String host, String name, String state, String lag, List<String> problems) {
    public MemberRow {
        problems = List.copyOf(problems);
    }

    static MemberRow of(MemberDiagnosis m) {
        return new MemberRow(m.host(), m.name(), MemberStateWords.of(m), m.lag().map(String::valueOf).orElse("-"),
                m.problems().stream().map(Problem::text).toList());
    }

    public String line() {
        return host + " (" + name + "): " + state + (problems.isEmpty() ? "" : " - " + String.join("; ", problems));
    }
}
