package de.kimgraph.queries.analytics.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Schammann's interface kinds for pairs of actors. */
class InterfaceKindsTest {

    private static ActorGraph.Actor actor(@Nullable String sector, @Nullable String level, List<String> areaLevels) {
        return new ActorGraph.Actor("k", "n", sector, level, areaLevels, List.of(), true);
    }

    @Test
    void differentSectorsAreIntersectoralWhateverTheLevel() {
        assertThat(InterfaceKinds.of(actor("PUBLIC", "DISTRICT", List.of()), actor("THIRD_SECTOR", "DISTRICT", List.of())))
                .isEqualTo("INTERSECTORAL");
        assertThat(InterfaceKinds.of(actor("THIRD_SECTOR", "DISTRICT", List.of()), actor("CIVIL_SOCIETY", "LOCAL", List.of())))
                .isEqualTo("INTERSECTORAL");
    }

    @Test
    void sameSectorAtDifferentLevelsIsVertical() {
        assertThat(InterfaceKinds.of(actor("PUBLIC", "DISTRICT", List.of("MUNICIPALITY")),
                actor("PUBLIC", "MUNICIPAL", List.of("MUNICIPALITY")))).isEqualTo("VERTICAL");
    }

    @Test
    void theExplicitLevelWinsOverTheAreaAndTheAreaStandsInWhereALevelIsMissing() {
        // Kreis units based in the Kreisstadt: same level, horizontal
        assertThat(InterfaceKinds.of(actor("PUBLIC", "DISTRICT", List.of("MUNICIPALITY")),
                actor("PUBLIC", "DISTRICT", List.of("DISTRICT")))).isEqualTo("HORIZONTAL");
        // no levels: a Kreis-based and a Gemeinde-based actor are vertical
        assertThat(InterfaceKinds.of(actor("THIRD_SECTOR", null, List.of("DISTRICT")),
                actor("THIRD_SECTOR", null, List.of("MUNICIPALITY")))).isEqualTo("VERTICAL");
        assertThat(InterfaceKinds.of(actor(null, null, List.of()), actor(null, null, List.of("MUNICIPALITY"))))
                .isEqualTo("HORIZONTAL");
    }

    @Test
    void theMostFrequentKindWinsWithPrecedenceOnTies() {
        assertThat(InterfaceKinds.dominant(List.of("VERTICAL", "HORIZONTAL", "VERTICAL"))).isEqualTo("VERTICAL");
        assertThat(InterfaceKinds.dominant(List.of("VERTICAL", "INTERSECTORAL"))).isEqualTo("INTERSECTORAL");
        assertThat(InterfaceKinds.dominant(List.of())).isEqualTo("HORIZONTAL");
    }
}
