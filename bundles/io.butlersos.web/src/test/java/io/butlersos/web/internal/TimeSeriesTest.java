package io.butlersos.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeSeriesTest {

    @Test
    void aFullRingDropsItsOldestValue() {
        TimeSeries s = new TimeSeries(3);
        for (int i = 1; i <= 5; i++) {
            s.add(i * 1000L, i);
        }
        assertThat(s.points(10)).extracting(p -> p[1]).containsExactly(3.0, 4.0, 5.0);
    }

    @Test
    void trimDropsValuesOlderThanTheWindowAndLateValuesAreIgnored() {
        TimeSeries s = new TimeSeries(10);
        s.add(1000, 1);
        s.add(2000, 2);
        s.add(1500, 99);
        s.add(3000, 3);
        s.trim(2000);
        assertThat(s.points(10)).extracting(p -> p[0]).containsExactly(2000.0, 3000.0);
    }

    @Test
    void manyValuesAreAveragedDownToWhatAChartCanDraw() {
        TimeSeries s = new TimeSeries(1000);
        for (int i = 0; i < 1000; i++) {
            s.add(i, i % 2 == 0 ? 0 : 10);
        }
        assertThat(s.points(100)).hasSize(100).allSatisfy(p -> assertThat(p[1]).isEqualTo(5.0));
    }
}
