package de.kimgraph.queries.analytics.coverage;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One cell of the coverage matrix.
 *
 * @param area            ARS of the Gemeinde
 * @param field           key of the field of action (services in its sub-fields count for it)
 * @param targetGroup     key of the target group
 * @param status          NONE, THIN or COVERED ({@code CellStatus})
 * @param services        keys of the covering services, sorted
 * @param capacityPer1000 places per 1,000 foreign residents: each covering service contributes its capacity divided
 *                        by the foreign population of all areas it SERVES (a Kreis-wide service's places are shared
 *                        by all its Gemeinden, so it adds the same ratio to each), summed over the services; absent
 *                        when a covering service has no capacity or a served area no foreign population. The need
 *                        proxy is the same for every target group, which is why it only marks cells THIN when the
 *                        caller sets {@code minCapacityPer1000}
 */
public record Cell(String area, String field, String targetGroup, String status, List<String> services,
                   @Nullable Double capacityPer1000) {

    public Cell {
        services = List.copyOf(services);
    }
}
