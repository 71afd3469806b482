package dev.quorum.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeMemoryDiffTest {

    @Test
    void namesTheTotalAndTheCategoriesThatMovedLargestFirst() {
        String diff = """
                Native Memory Tracking:

                Total: reserved=1843307KB +40612KB, committed=343307KB +30720KB

                -                 Java Heap (reserved=262144KB, committed=122880KB +20480KB)
                                            (mmap: reserved=262144KB, committed=122880KB +20480KB)

                -                     Class (reserved=1048576KB, committed=10240KB +512KB)

                -                      Code (reserved=65536KB, committed=40960KB +9216KB)

                -                    Thread (reserved=30720KB -2048KB, committed=3072KB -2048KB)
                """;

        assertThat(NativeMemoryDiff.describe(diff)).isEqualTo("committed 335.3 MiB (+30.0 MiB); by category (MiB): "
                + "Java Heap +20.0, Code +9.0, Thread -2.0");
    }
}
