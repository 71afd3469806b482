package dev.quorum.app.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnSharesTest {

    @Test
    void everyColumnGetsItsNeedAndTheLastOneTheRest() {
        assertThat(ColumnShares.of(List.of(60.0, 200.0, 90.0), List.of(40.0, 40.0, 40.0), 500))
                .containsExactly(60.0, 200.0, 240.0);
    }

    @Test
    void onlyTheWidestColumnsGiveUpWidthWhenTheRoomIsShort() {
        List<Double> widths = ColumnShares.of(List.of(60.0, 400.0, 300.0, 80.0), List.of(40.0, 40.0, 40.0, 40.0), 500);

        assertThat(widths.get(0)).as("short columns stay whole").isEqualTo(60.0);
        assertThat(widths.get(3)).isEqualTo(80.0);
        assertThat(widths.get(1)).as("the two wide ones are cut to one width").isEqualTo(widths.get(2));
        assertThat(widths.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(500.0);
    }

    @Test
    void noColumnGoesBelowItsMinimum() {
        assertThat(ColumnShares.of(List.of(100.0, 100.0), List.of(40.0, 40.0), 50)).containsExactly(40.0, 40.0);
    }

    @Test
    void noColumnsNoWidths() {
        assertThat(ColumnShares.of(List.of(), List.of(), 300)).isEmpty();
    }

    @Test
    void wrappingCellsTakeTwoLinesWhereThatFits() {
        List<Double> widths = ColumnShares.wrapping(List.of(100.0, 400.0, 300.0), List.of(60.0, 90.0, 80.0),
                List.of(50.0, 50.0, 50.0), 500);

        assertThat(widths.get(0)).as("short column whole").isEqualTo(100.0);
        assertThat(widths.get(1)).as("at least half its text's width").isGreaterThanOrEqualTo(200.0);
        assertThat(widths.get(2)).isGreaterThanOrEqualTo(150.0);
        assertThat(widths.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(500.0);
    }

    @Test
    void wrappingKeepsTheLongestWordsWholeWhenLinesRunShort() {
        List<Double> widths = ColumnShares.wrapping(List.of(900.0, 900.0), List.of(200.0, 100.0),
                List.of(50.0, 50.0), 320);

        assertThat(widths.get(0)).as("its longest word, an address").isGreaterThanOrEqualTo(200.0);
        assertThat(widths.get(1)).isGreaterThanOrEqualTo(100.0);
    }

    @Test
    void wrappingBreaksWordsDownToTheHeadersWhenEvenWordsDoNotFit() {
        assertThat(ColumnShares.wrapping(List.of(300.0, 300.0), List.of(200.0, 200.0), List.of(60.0, 60.0), 200))
                .containsExactly(100.0, 100.0);
    }
}
