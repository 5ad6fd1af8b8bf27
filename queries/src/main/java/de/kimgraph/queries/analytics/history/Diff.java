package de.kimgraph.queries.analytics.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@link HistoryDiff}: per kind of record what was added and what ended between two dates.
 *
 * @param area the area as a property map
 */
public record Diff(Map<String, Object> area, LocalDate from, LocalDate to, List<KindDiff> kinds) {

    public Diff {
        kinds = List.copyOf(kinds);
    }

    /** Kinds in the order of the answer; each an {@code EvidenceType} term. */
    public static final List<String> KINDS = List.of("ACTOR", "BODY", "SERVICE", "POSITION", "AGREEMENT", "MEMBERSHIP",
            "RELATION");

    /**
     * One kind: the counts are complete, the lists are capped at the requested size ({@code truncated} then).
     *
     * @param kind an {@code EvidenceType} term
     */
    public record KindDiff(String kind, int addedCount, int endedCount, List<Entry> added, List<Entry> ended,
                           boolean truncated) {

        public KindDiff {
            added = List.copyOf(added);
            ended = List.copyOf(ended);
        }
    }

    /** A record that was added or ended, with its validity. */
    public record Entry(String kind, String change, String key, @Nullable String label, @Nullable LocalDate validFrom,
                        @Nullable LocalDate validTo) {
    }

    public int addedCount() {
        return kinds.stream().mapToInt(KindDiff::addedCount).sum();
    }

    public int endedCount() {
        return kinds.stream().mapToInt(KindDiff::endedCount).sum();
    }
}
