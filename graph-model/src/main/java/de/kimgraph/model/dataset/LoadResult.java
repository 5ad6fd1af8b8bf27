package de.kimgraph.model.dataset;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a load did (or, in a dry run, would do): counts per label and relationship type, the changed records
 * themselves (at most {@link #MAX_CHANGES}), and warnings that do not stop the load, such as new records that look
 * like duplicates of existing ones.
 *
 * @param counts   for each label or type: created, changed, ended and unchanged records
 * @param changes  created, changed and ended records, in file order, at most {@link #MAX_CHANGES}
 * @param warnings e.g. {@code POSSIBLE_DUPLICATE}: reported for review, never merged
 */
public record LoadResult(String dataset, boolean dryRun, Map<String, Counts> counts, List<Change> changes,
                         List<Problem> warnings) {

    /** How many changed records a result lists; the counts are always complete. */
    public static final int MAX_CHANGES = 1_000;

    public LoadResult(String dataset, boolean dryRun, Map<String, Counts> counts) {
        this(dataset, dryRun, counts, List.of(), List.of());
    }

    /**
     * Created, changed, ended and unchanged records of one label or type. A record is <em>ended</em> when the file
     * gives it a {@code validTo} it did not have; it then does not count as changed.
     */
    public record Counts(long created, long changed, long ended, long unchanged) {
        public Counts(long created, long changed, long unchanged) {
            this(created, changed, 0, unchanged);
        }

        Counts plus(Counts other) {
            return new Counts(created + other.created, changed + other.changed, ended + other.ended,
                    unchanged + other.unchanged);
        }
    }

    /** The kind of change to one record. */
    public enum ChangeKind { CREATED, CHANGED, ENDED }

    /**
     * One changed record.
     *
     * @param label    the node label or relationship type
     * @param key      the record's key; for relationships without a key {@code from→to}
     * @param fields   the properties that differ from the database (empty for created records)
     * @param before   their values in the database (for changed and ended records)
     * @param location where in the file
     */
    public record Change(ChangeKind kind, String label, String key, List<String> fields,
                         Map<String, @Nullable Object> before, String location) {
    }

    public long created() {
        return counts.values().stream().mapToLong(Counts::created).sum();
    }

    public long changed() {
        return counts.values().stream().mapToLong(Counts::changed).sum();
    }

    public long ended() {
        return counts.values().stream().mapToLong(Counts::ended).sum();
    }

    public long unchanged() {
        return counts.values().stream().mapToLong(Counts::unchanged).sum();
    }

    /** Whether {@link #changes} lists every changed record. */
    public boolean complete() {
        return changes.size() == created() + changed() + ended();
    }

    @Override
    public String toString() {
        return dataset + (dryRun ? " (Probelauf/dry run)" : "") + ": " + created() + " neu/created, " + changed()
                + " geändert/changed, " + ended() + " beendet/ended, " + unchanged() + " unverändert/unchanged"
                + (warnings.isEmpty() ? "" : ", " + warnings.size() + " Hinweise/warnings");
    }
}
