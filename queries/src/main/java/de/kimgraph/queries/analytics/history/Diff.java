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
     * @param changed records whose properties were changed between the two days, by the audit trail
     */
    public record KindDiff(String kind, int addedCount, int endedCount, int changedCount, List<Entry> added,
                           List<Entry> ended, List<Changed> changed, boolean truncated) {

        public KindDiff {
            added = List.copyOf(added);
            ended = List.copyOf(ended);
            changed = List.copyOf(changed);
        }
    }

    /**
     * A record with {@code UPDATE}/{@code UPDATE_RELATIONSHIP} audit events between the two days (inclusive).
     *
     * @param properties the names of the properties changed by those events, in name order
     * @param lastChanged the day (UTC) of the last of those events
     */
    public record Changed(String kind, String key, @Nullable String label, List<String> properties,
                          LocalDate lastChanged) {

        public Changed {
            properties = List.copyOf(properties);
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

    public int changedCount() {
        return kinds.stream().mapToInt(KindDiff::changedCount).sum();
    }
}
