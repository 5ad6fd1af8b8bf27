package de.kimgraph.queries.analytics.coverage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The coverage matrix of one scope: its axes (Gemeinden, fields of action, target groups) and the covered cells.
 * Cells without covering services (NONE) are not stored but derived from the axes when a page is read: the
 * matrix is the full product minus the covered set, so a Land-wide matrix costs the covered cells, not the product.
 */
public final class CoverageMatrix {

    /**
     * Services of one (served area, own field, target group) row of the covered set: each entry is
     * {@code [serviceKey, perThousand, shared]}, where {@code shared} says the service serves several areas or works
     * in several fields, so that it can appear in more than one part of a cell.
     */
    record Part(List<List<?>> entries, int unshared) {

        static Part of(List<List<?>> entries) {
            return new Part(entries, (int) entries.stream().filter(e -> !Boolean.TRUE.equals(e.get(2))).count());
        }
    }

    /**
     * A covered cell: the parts it unites (the rows of the Gemeinde and of the areas containing it, for the field and
     * its sub-fields). Counting needs a set only for the shared services, so the summary of a Land-wide matrix does
     * not copy service lists; the lists are built for the cells of a page.
     */
    record Covered(List<Part> parts) {

        int count() {
            int count = 0;
            Set<Object> shared = null;
            for (Part part : parts) {
                count += part.unshared();
                if (part.unshared() < part.entries().size()) {
                    shared = shared == null ? new HashSet<>() : shared;
                    for (List<?> entry : part.entries()) {
                        if (Boolean.TRUE.equals(entry.get(2))) {
                            shared.add(entry.get(0));
                        }
                    }
                }
            }
            return count + (shared == null ? 0 : shared.size());
        }

        List<String> services() {
            return distinct().keySet().stream().sorted().toList();
        }

        /** The sum of the services' capacity figures, or null when one of them has none. */
        @Nullable Double capacityPer1000() {
            double sum = 0;
            for (Object value : distinct().values()) {
                if (!(value instanceof Number n)) {
                    return null;
                }
                sum += n.doubleValue();
            }
            return sum;
        }

        private Map<String, Object> distinct() {
            Map<String, Object> services = new HashMap<>();
            for (Part part : parts) {
                for (List<?> entry : part.entries()) {
                    services.put((String) entry.get(0), entry.get(1) == null ? NO_CAPACITY : entry.get(1));
                }
            }
            return services;
        }
    }

    private static final Object NO_CAPACITY = new Object();

    record CellKey(String area, String field, String targetGroup) {
    }

    /** Which cells to read; empty or null sets mean all. */
    public record Filter(@Nullable Collection<String> statuses, @Nullable Collection<String> areas,
                         @Nullable Collection<String> fields, @Nullable Collection<String> targetGroups) {

        public static Filter all() {
            return new Filter(null, null, null, null);
        }

        boolean admits(@Nullable Collection<String> values, String value) {
            return values == null || values.isEmpty() || values.contains(value);
        }
    }

    /** One page of cells, the number of cells matching the filter, and whether more follow. */
    public record Page(List<Cell> cells, long totalCount, boolean hasNext) {
    }

    /** Number of cells per status over the whole matrix. */
    public record Summary(int gemeinden, int fields, int targetGroups, long cells, long none, long thin, long covered) {
    }

    private final Map<String, Object> area;
    private final List<Map<String, Object>> gemeinden;
    private final List<Map<String, Object>> fields;
    private final List<Map<String, Object>> targetGroups;
    private final Map<CellKey, Covered> covered;
    private final CoverageOptions options;

    CoverageMatrix(Map<String, Object> area, List<Map<String, Object>> gemeinden, List<Map<String, Object>> fields,
                   List<Map<String, Object>> targetGroups, Map<CellKey, Covered> covered, CoverageOptions options) {
        this.area = area;
        this.gemeinden = gemeinden;
        this.fields = fields;
        this.targetGroups = targetGroups;
        this.covered = covered;
        this.options = options;
    }

    public Map<String, Object> area() {
        return area;
    }

    public List<Map<String, Object>> gemeinden() {
        return gemeinden;
    }

    public List<Map<String, Object>> fields() {
        return fields;
    }

    public List<Map<String, Object>> targetGroups() {
        return targetGroups;
    }

    public CoverageOptions options() {
        return options;
    }

    public Summary summary() {
        long thin = covered.values().stream().filter(c -> "THIN".equals(status(c))).count();
        long all = (long) gemeinden.size() * fields.size() * targetGroups.size();
        return new Summary(gemeinden.size(), fields.size(), targetGroups.size(), all, all - covered.size(), thin,
                covered.size() - thin);
    }

    /** The cells matching the filter in the order Gemeinde, field, target group (by key), from {@code offset}. */
    public Page cells(Filter filter, long offset, int limit) {
        List<Cell> page = new ArrayList<>();
        long matching = 0;
        for (Map<String, Object> g : gemeinden) {
            String areaKey = (String) g.get("key");
            if (!filter.admits(filter.areas(), areaKey)) {
                continue;
            }
            for (Map<String, Object> f : fields) {
                String fieldKey = (String) f.get("key");
                if (!filter.admits(filter.fields(), fieldKey)) {
                    continue;
                }
                for (Map<String, Object> t : targetGroups) {
                    String groupKey = (String) t.get("key");
                    if (!filter.admits(filter.targetGroups(), groupKey)) {
                        continue;
                    }
                    Covered c = covered.get(new CellKey(areaKey, fieldKey, groupKey));
                    String status = c == null ? "NONE" : status(c);
                    if (!filter.admits(filter.statuses(), status)) {
                        continue;
                    }
                    if (matching >= offset && page.size() < limit) {
                        page.add(c == null ? new Cell(areaKey, fieldKey, groupKey, status, List.of(), null)
                                : new Cell(areaKey, fieldKey, groupKey, status, c.services(), c.capacityPer1000()));
                    }
                    matching++;
                }
            }
        }
        return new Page(page, matching, offset + page.size() < matching);
    }

    /**
     * THIN when fewer services than {@code minServices} cover the cell, or when {@code minCapacityPer1000} is set
     * and the cell's capacity figure is known and below it; COVERED otherwise.
     */
    private String status(Covered c) {
        if (c.count() < options.minServices()) {
            return "THIN";
        }
        Double min = options.minCapacityPer1000();
        if (min != null) {
            Double capacity = c.capacityPer1000();
            if (capacity != null && capacity < min) {
                return "THIN";
            }
        }
        return "COVERED";
    }
}
