package de.kimgraph.queries.analytics.duplicates;

import de.kimgraph.queries.entity.UnsupportedFilterException;

/**
 * The thresholds of the duplicate-structure analysis, each an argument of {@code duplicateStructures}.
 *
 * @param minOverlap        hierarchy-weighted member overlap (Σmin/Σmax) from which two bodies that share field and
 *                          area are reported; 0.7 lets through "almost identical participants" (the demo's course
 *                          networks: 9 of 11, 0.82) and keeps out ordinary overlap in a Kreis where the same dozen
 *                          organisations meet everywhere (demo: all other pairs ≤ 0.55 or without a shared field)
 * @param minBodies         number of valid bodies in scope from which an actor's meeting load is reported; 5 after
 *                          the coordinator who met "five different network meetings within four weeks"
 * @param minBodiesPerField number of bodies on one and the same field from which the load is HIGH: that is the
 *                          duplicate structure of DOMAIN.md §5.3 ("many bodies on the same field in the same area")
 * @param minProgrammes     number of different programmes funding same-function positions of one unit from which
 *                          the funding counts as fragmented; 2 reports every split, its severity grows with the number
 * @param minRecordScore    score from which a pair of actors is reported as a duplicate-record candidate; 0.4 is
 *                          reached by identical names alone or by a shared register identifier alone, never by a
 *                          similar name at a different address (see {@link RecordMatcher})
 * @param top               length of the meeting-load ranking
 */
public record Thresholds(double minOverlap, int minBodies, int minBodiesPerField, int minProgrammes,
                         double minRecordScore, int top) {

    public static final double MIN_OVERLAP = 0.7;
    public static final int MIN_BODIES = 5;
    public static final int MIN_BODIES_PER_FIELD = 5;
    public static final int MIN_PROGRAMMES = 2;
    public static final double MIN_RECORD_SCORE = 0.4;
    public static final int TOP = 10;
    public static final int MAX_TOP = 100;

    public static final Thresholds DEFAULTS =
            new Thresholds(MIN_OVERLAP, MIN_BODIES, MIN_BODIES_PER_FIELD, MIN_PROGRAMMES, MIN_RECORD_SCORE, TOP);

    public Thresholds {
        if (!(minOverlap > 0.0 && minOverlap <= 1.0)) {
            throw invalid("minOverlap", "zwischen 0 (ausschließlich) und 1", "between 0 (exclusive) and 1");
        }
        if (minBodies < 1 || minBodiesPerField < 1) {
            throw invalid("minBodies/minBodiesPerField", "mindestens 1", "at least 1");
        }
        if (minProgrammes < 2) {
            throw invalid("minProgrammes", "mindestens 2", "at least 2");
        }
        if (!(minRecordScore >= 0.0 && minRecordScore <= 1.0)) {
            throw invalid("minRecordScore", "zwischen 0 und 1", "between 0 and 1");
        }
        if (top < 0 || top > MAX_TOP) {
            throw invalid("top", "zwischen 0 und " + MAX_TOP, "between 0 and " + MAX_TOP);
        }
    }

    private static UnsupportedFilterException invalid(String name, String de, String en) {
        return new UnsupportedFilterException(name + " muss " + de + " liegen.", name + " must be " + en + ".");
    }
}
