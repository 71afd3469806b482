package dev.quorum.core.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CappedBufferTest {

    @Test
    void aShownLogKeepsOnlyTheNewestLines() {
        List<Integer> list = new ArrayList<>();
        CappedBuffer.appendKeepingNewest(list, List.of(1, 2), 3);
        CappedBuffer.appendKeepingNewest(list, List.of(3, 4), 3);
        assertThat(list).containsExactly(2, 3, 4);
        long dropped = CappedBuffer.appendKeepingNewest(list, List.of(5, 6, 7, 8), 3);
        assertThat(list).containsExactly(6, 7, 8);
        assertThat(dropped).as("three of the list and the first of the batch").isEqualTo(4);
    }

    @Test
    void theBufferDropsTheOldestAndCountsThem() {
        CappedBuffer<String> buffer = new CappedBuffer<>(2);
        buffer.add("a");
        buffer.add("b");
        buffer.add("c");

        assertThat(buffer.drain()).containsExactly("b", "c");
        assertThat(buffer.dropped()).isEqualTo(1);
        assertThat(buffer.drain()).isEmpty();
    }

    @Test
    void addSaysWhenAHandOverIsNeeded() {
        CappedBuffer<String> buffer = new CappedBuffer<>(10);

        assertThat(buffer.add("a")).as("the first since the last drain").isTrue();
        assertThat(buffer.add("b")).as("the hand-over already asked for carries it").isFalse();
        buffer.drain();
        assertThat(buffer.add("c")).isTrue();
    }
}
