package de.kimgraph.queries.analytics.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The age arithmetic behind status and age gaps. */
class AgeBandTest {

    private static AgeBand band(int from, int to) {
        return new AgeBand(from, to);
    }

    private static AgeBand from(int from) {
        return new AgeBand(from, AgeBand.OPEN);
    }

    @Test
    void aServiceWithoutLimitsCoversEveryAge() {
        assertThat(AgeBand.of(null, null)).isEqualTo(from(0));
        assertThat(AgeBand.of(12, 27)).isEqualTo(band(12, 27));
    }

    @Test
    void unionMergesOverlappingAndAdjacentBands() {
        assertThat(AgeBand.union(List.of(from(27), band(12, 27), band(6, 11)))).containsExactly(from(6));
        assertThat(AgeBand.union(List.of(band(6, 15), band(8, 15), from(18)))).containsExactly(band(6, 15), from(18));
    }

    @Test
    void holesAreTheAgesBetweenCoveredBandsOnly() {
        assertThat(AgeBand.holes(AgeBand.union(List.of(band(6, 15), from(18))))).containsExactly(band(16, 17));
        assertThat(AgeBand.holes(AgeBand.union(List.of(band(0, 5), band(7, 17), from(18))))).containsExactly(band(6, 6));
        assertThat(AgeBand.holes(List.of(from(18)))).isEmpty();
    }

    @Test
    void minusLeavesTheAgesNotCoveredByTheSecond() {
        assertThat(AgeBand.minus(List.of(from(12)), List.of(band(12, 27)))).containsExactly(from(28));
        assertThat(AgeBand.minus(List.of(from(12)), List.of())).containsExactly(from(12));
        assertThat(AgeBand.minus(List.of(band(12, 60)), List.of(band(20, 30), band(40, 70))))
                .containsExactly(band(12, 19), band(31, 39));
        assertThat(AgeBand.minus(List.of(from(18)), List.of(from(0)))).isEmpty();
    }

    @Test
    void fromCutsTheBandsBelowAnAge() {
        assertThat(AgeBand.from(List.of(from(0)), 12)).containsExactly(from(12));
        assertThat(AgeBand.from(List.of(band(0, 5), band(7, 30)), 12)).containsExactly(band(12, 30));
    }

    @Test
    void bandsReadAsAges() {
        assertThat(from(28).de()).isEqualTo("ab 28 Jahren");
        assertThat(band(16, 17).en()).isEqualTo("aged 16 to 17");
        assertThat(band(12, 27).range(true)).isEqualTo("12–27");
        assertThat(from(0).range(false)).isEqualTo("no age limit");
    }
}
