package de.kimgraph.queries.analytics.coverage;

import java.util.List;

import de.kimgraph.queries.entity.UnsupportedFilterException;
import org.jspecify.annotations.Nullable;

/**
 * The thresholds of the coverage analysis, each an argument with a default.
 *
 * @param minServices        a covered cell with fewer covering services is THIN. Default 2: one service alone is a
 *                           single point of failure (one counsellor leaving, one programme ending empties the cell),
 *                           and DOMAIN.md's counselling practice divides work between at least two providers.
 * @param minCapacityPer1000 optional: a covered cell whose covering services offer fewer places per 1,000 foreign
 *                           residents is THIN. There is no default because the graph has no need figure per target
 *                           group; the only need proxy is {@code Area.foreignPopulation}, so the check is applied only
 *                           when the caller asks for it (see {@link Cell#capacityPer1000()} for how the figure is
 *                           derived)
 * @param counsellingFields  the fields of action (each with its sub-fields) whose services count as counselling for
 *                           status gaps and spatial gaps. Default {@code SOCIAL_SECURITY}, which includes
 *                           {@code MIGRATION_COUNSELLING}: MBE, JMD, KIM case management, asylum procedure counselling
 *                           and the AsylbLG office sit there. Other fields are reported in the matrix per cell, not as
 *                           status gaps: a course or a meeting place that admits a status does not counsel it
 * @param statusGapMinAge    status gaps are sought from this age up. Default 12, the lower bound of youth migration
 *                           counselling (JMD 12–27); younger children are counselled with their parents, so a
 *                           counselling field that starts at 12 is not a gap for them
 */
public record CoverageOptions(int minServices, @Nullable Double minCapacityPer1000, List<String> counsellingFields,
                              int statusGapMinAge) {

    public static final int DEFAULT_MIN_SERVICES = 2;
    public static final List<String> DEFAULT_COUNSELLING_FIELDS = List.of("SOCIAL_SECURITY");
    public static final int DEFAULT_STATUS_GAP_MIN_AGE = 12;

    public CoverageOptions {
        if (minServices < 1) {
            throw new UnsupportedFilterException("minServices muss mindestens 1 sein.", "minServices must be at least 1.");
        }
        if (minCapacityPer1000 != null && !(minCapacityPer1000 > 0)) {
            throw new UnsupportedFilterException("minCapacityPer1000 muss größer als 0 sein.",
                    "minCapacityPer1000 must be greater than 0.");
        }
        if (counsellingFields.isEmpty()) {
            throw new UnsupportedFilterException("counsellingFields darf nicht leer sein.", "counsellingFields must not be empty.");
        }
        if (statusGapMinAge < 0) {
            throw new UnsupportedFilterException("statusGapMinAge darf nicht negativ sein.", "statusGapMinAge must not be negative.");
        }
        counsellingFields = List.copyOf(counsellingFields);
    }

    public static CoverageOptions defaults() {
        return new CoverageOptions(DEFAULT_MIN_SERVICES, null, DEFAULT_COUNSELLING_FIELDS, DEFAULT_STATUS_GAP_MIN_AGE);
    }

    /** The options with {@code null} arguments replaced by their defaults. */
    public static CoverageOptions of(@Nullable Integer minServices, @Nullable Double minCapacityPer1000,
                                     @Nullable List<String> counsellingFields, @Nullable Integer statusGapMinAge) {
        return new CoverageOptions(minServices == null ? DEFAULT_MIN_SERVICES : minServices, minCapacityPer1000,
                counsellingFields == null ? DEFAULT_COUNSELLING_FIELDS : counsellingFields,
                statusGapMinAge == null ? DEFAULT_STATUS_GAP_MIN_AGE : statusGapMinAge);
    }
}
