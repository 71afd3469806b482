package dev.quorum.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueWordsTest {
    @Test
    void valueAxisLabelsStayShort() {
        assertThat(ValueWords.compact(0)).isEqualTo("0");
        assertThat(ValueWords.compact(0.5)).isEqualTo("0.5");
        assertThat(ValueWords.compact(12.5)).isEqualTo("12.5");
        assertThat(ValueWords.compact(250)).isEqualTo("250");
        assertThat(ValueWords.compact(1500)).isEqualTo("1.5k");
        assertThat(ValueWords.compact(12_345_678)).isEqualTo("12.3M");
        assertThat(ValueWords.compact(250_000)).isEqualTo("250k");
        assertThat(ValueWords.compact(999_999)).isEqualTo("1.0M");
        assertThat(ValueWords.compact(-2000)).isEqualTo("-2.0k");
        assertThat(ValueWords.compact(0.05)).isEqualTo("0.05");
        assertThat(ValueWords.compact(0.00116)).isEqualTo("1.2e-3");
        assertThat(ValueWords.compact(0.0009999)).isEqualTo("1.0e-3");
        assertThat(ValueWords.compact(0.00095)).hasSizeLessThanOrEqualTo(6);
    }
}
