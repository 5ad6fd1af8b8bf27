package de.kimgraph.queries.analytics.interfaces;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Schammann's three kinds of interface (DOMAIN.md §4), decided for a pair of actors:
 * <ol>
 *   <li>{@code INTERSECTORAL} when both sectors are known and differ (administration, professional social work,
 *   civil society, private economy: PUBLIC / THIRD_SECTOR / CIVIL_SOCIETY / PRIVATE);</li>
 *   <li>else {@code VERTICAL} when they sit at different levels: both {@code Actor.level}s known and different, or,
 *   where a level is missing, their BASED_IN areas at different area levels with none in common (so a Kreis unit
 *   and a kreisangehörige Gemeinde are vertical, the "diagonal" interface of the research);</li>
 *   <li>else {@code HORIZONTAL} (units of the same level and sector, e.g. ABH, Sozialamt, Jobcenter).</li>
 * </ol>
 * The explicit level wins over the area because Kreis units are often based in the Kreisstadt. A finding that
 * involves several pairs (a broker, an articulation point) takes the most frequent kind among its pairs, ties going
 * to the order above.
 */
public final class InterfaceKinds {

    public static final String HORIZONTAL = "HORIZONTAL";
    public static final String VERTICAL = "VERTICAL";
    public static final String INTERSECTORAL = "INTERSECTORAL";

    private static final List<String> PRECEDENCE = List.of(INTERSECTORAL, VERTICAL, HORIZONTAL);

    private InterfaceKinds() {
    }

    public static String of(ActorGraph.Actor a, ActorGraph.Actor b) {
        if (a.sector() != null && b.sector() != null && !a.sector().equals(b.sector())) {
            return INTERSECTORAL;
        }
        if (a.level() != null && b.level() != null) {
            return a.level().equals(b.level()) ? HORIZONTAL : VERTICAL;
        }
        if (!a.areaLevels().isEmpty() && !b.areaLevels().isEmpty()) {
            Set<String> common = new HashSet<>(a.areaLevels());
            common.retainAll(b.areaLevels());
            return common.isEmpty() ? VERTICAL : HORIZONTAL;
        }
        return HORIZONTAL;
    }

    /** The most frequent kind among the given kinds (precedence on ties); HORIZONTAL for none. */
    public static String dominant(Collection<String> kinds) {
        if (kinds.isEmpty()) {
            return HORIZONTAL;
        }
        String best = HORIZONTAL;
        long bestCount = -1;
        for (String kind : PRECEDENCE) {
            long count = kinds.stream().filter(k -> Objects.equals(k, kind)).count();
            if (count > bestCount) {
                best = kind;
                bestCount = count;
            }
        }
        return best;
    }
}
