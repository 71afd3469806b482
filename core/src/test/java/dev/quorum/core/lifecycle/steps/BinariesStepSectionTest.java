package dev.quorum.core.lifecycle.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The binaries step reads one exchange's output by its marker lines. */
class BinariesStepSectionTest {
    private static final String OUT = "stat line\nquorum-binaries-record\nrecord line\nquorum-binaries-version\n"
            + "etcd Version: 3.6.14\n";

    @Test
    void sectionsRunFromAMarkerLineToTheNextOrTheEnd() {
        assertThat(BinariesStep.section(OUT, "", "quorum-binaries-record")).isEqualTo("stat line\n");
        assertThat(BinariesStep.section(OUT, "quorum-binaries-record", "quorum-binaries-version"))
                .isEqualTo("record line\n");
        assertThat(BinariesStep.section(OUT, "quorum-binaries-version", "")).isEqualTo("etcd Version: 3.6.14\n");
    }

    @Test
    void aMissingMarkerIsAnEmptySection() {
        assertThat(BinariesStep.section("cut short\n", "quorum-binaries-record", "")).isEmpty();
    }
}
