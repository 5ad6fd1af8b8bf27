package de.kimgraph.queries.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Candidate pairs of services for the pairwise questions (parallel services, implicit interfaces): two services
 * whose areas overlap (one serves an area that is, or lies inside, an area the other serves) and that meet on a
 * blocking key. Each service is filed under every (area it serves, index key); it then looks up, for every area it
 * serves, each area containing it (its chain, itself included) with each of its probe keys. So the work grows with
 * the pairs that can match, not with the square of the services in scope; the statement that receives the pairs
 * checks each of them in full.
 */
public final class AreaPairs {

    /**
     * One service: its key, the areas it serves as rows {@code {area: key, chain: [keys of the areas containing it,
     * itself included]}}, the keys it is filed under and the keys it looks for (the same for a symmetric relation
     * such as "same form and group"; for adjacent legal domains: filed under its own, looking for the adjacent ones).
     */
    public record Service(String key, List<Map<String, Object>> areas, Collection<String> indexKeys,
                          Collection<String> probeKeys) {
    }

    private AreaPairs() {
    }

    /** The pairs as {@code [first key, second key]} with first &lt; second, in key order, each once. */
    public static List<List<String>> of(Collection<Service> services) {
        Map<String, List<String>> filed = new HashMap<>();
        for (Service service : services) {
            for (Map<String, Object> area : service.areas()) {
                for (String key : service.indexKeys()) {
                    filed.computeIfAbsent(area.get("area") + "|" + key, k -> new ArrayList<>()).add(service.key());
                }
            }
        }
        Set<List<String>> pairs = new TreeSet<>(Comparator.<List<String>, String>comparing(List::getFirst)
                .thenComparing(List::getLast));
        for (Service first : services) {
            for (Map<String, Object> area : first.areas()) {
                for (String container : Rows.strings(area.get("chain"))) {
                    for (String key : first.probeKeys()) {
                        for (String second : filed.getOrDefault(container + "|" + key, List.of())) {
                            int order = first.key().compareTo(second);
                            if (order != 0) {
                                pairs.add(order < 0 ? List.of(first.key(), second) : List.of(second, first.key()));
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(pairs);
    }

    /** Every {@code a|b} of the two key lists (e.g. legal domain and target group). */
    public static List<String> combinations(Collection<String> first, Collection<String> second) {
        List<String> keys = new ArrayList<>(first.size() * second.size());
        for (String a : first) {
            for (String b : second) {
                keys.add(a + "|" + b);
            }
        }
        return keys;
    }
}
