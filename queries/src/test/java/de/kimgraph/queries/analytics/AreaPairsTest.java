package de.kimgraph.queries.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AreaPairsTest {

    // Gemeinde A and B in Kreis K in Land L
    private static final Map<String, Object> IN_A = Map.of("area", "A", "chain", List.of("A", "K", "L"));
    private static final Map<String, Object> IN_B = Map.of("area", "B", "chain", List.of("B", "K", "L"));
    private static final Map<String, Object> IN_K = Map.of("area", "K", "chain", List.of("K", "L"));

    @Test
    void pairsServicesWhoseAreasOverlapAndShareAKey() {
        List<String> key = List.of("BERATUNG|GEFLUECHTETE");
        var a = new AreaPairs.Service("s-a", List.of(IN_A), key, key);
        var b = new AreaPairs.Service("s-b", List.of(IN_B), key, key);
        var k = new AreaPairs.Service("s-k", List.of(IN_K), key, key);
        var a2 = new AreaPairs.Service("s-a2", List.of(IN_A), key, key);
        var otherKey = new AreaPairs.Service("s-x", List.of(IN_A), List.of("KURS|GEFLUECHTETE"), List.of("KURS|GEFLUECHTETE"));

        assertThat(AreaPairs.of(List.of(k, b, a, a2, otherKey))).containsExactly(
                List.of("s-a", "s-a2"), // same Gemeinde
                List.of("s-a", "s-k"), // Gemeinde inside the Kreis, whichever side is listed first
                List.of("s-a2", "s-k"),
                List.of("s-b", "s-k"));
        // A and B do not overlap; s-x shares no key
    }

    @Test
    void asymmetricKeysPairAlongTheProbe() {
        // filed under its own domain, looking for the adjacent one (SGB II next to SGB III, not next to itself)
        var jobcentre = new AreaPairs.Service("s-1", List.of(IN_A), List.of("SGB2|G"), List.of("SGB3|G"));
        var agency = new AreaPairs.Service("s-2", List.of(IN_K), List.of("SGB3|G"), List.of("SGB2|G"));
        var sameDomain = new AreaPairs.Service("s-3", List.of(IN_A), List.of("SGB2|G"), List.of("SGB3|G"));

        assertThat(AreaPairs.of(List.of(jobcentre, agency, sameDomain)))
                .containsExactly(List.of("s-1", "s-2"), List.of("s-2", "s-3"));
    }

    @Test
    void combinationsJoinEveryPair() {
        assertThat(AreaPairs.combinations(List.of("a", "b"), List.of("x", "y")))
                .containsExactly("a|x", "a|y", "b|x", "b|y");
        assertThat(AreaPairs.combinations(List.of("a"), List.of())).isEmpty();
    }
}
