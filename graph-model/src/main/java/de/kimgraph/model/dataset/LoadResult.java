package de.kimgraph.model.dataset;

import java.util.Map;

/**
 * What a load did (or, in a dry run, would do), per label and relationship type.
 *
 * @param counts for each label or type: created, changed and unchanged records
 */
public record LoadResult(String dataset, boolean dryRun, Map<String, Counts> counts) {

    /** Created, changed and unchanged records of one label or type. */
    public record Counts(long created, long changed, long unchanged) {
        Counts plus(Counts other) {
            return new Counts(created + other.created, changed + other.changed, unchanged + other.unchanged);
        }
    }

    public long created() {
        return counts.values().stream().mapToLong(Counts::created).sum();
    }

    public long changed() {
        return counts.values().stream().mapToLong(Counts::changed).sum();
    }

    public long unchanged() {
        return counts.values().stream().mapToLong(Counts::unchanged).sum();
    }

    @Override
    public String toString() {
        return dataset + (dryRun ? " (Probelauf/dry run)" : "") + ": " + created() + " neu/created, " + changed()
                + " geändert/changed, " + unchanged() + " unverändert/unchanged";
    }
}
