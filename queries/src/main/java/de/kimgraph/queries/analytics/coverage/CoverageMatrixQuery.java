package de.kimgraph.queries.analytics.coverage;

import de.kimgraph.queries.analytics.Rows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.queries.analytics.CypherFiles;
import de.kimgraph.queries.analytics.Scope;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the coverage matrix field of action × target group × Gemeinde of a scope (DOMAIN.md §5.2).
 *
 * <p>Why this shape: the covered set comes from one aggregating query ({@code coverage/covered-cells}) that groups
 * the valid, admitting services by (area they serve, own field, target group); here each group is added to the
 * field's enclosing fields and, per Gemeinde, the groups of the Gemeinde and of every area containing it are united
 * (a Kreis-wide service covers all its Gemeinden). The uncovered cells are the rest of the product of the axes and
 * are never materialised. Asking "is there no service for this cell" per combination is the anti-join that
 * ENGINEERING-NOTES measured at 7.7 s for NRW against 0.13 s for the set difference. Expanding Kreis- and Land-wide
 * services to every Gemeinde inside the query multiplied the rows it aggregates: on a synthetic NRW with 10^5
 * services that shape took 31 s, this one 3.5 s (docs/analytics-coverage.md).
 */
@Component
@Transactional(readOnly = true)
public class CoverageMatrixQuery {

    private final Neo4jClient client;

    public CoverageMatrixQuery(Neo4jClient client) {
        this.client = client;
    }

    /**
     * The matrix of a scope.
     *
     * @param withCapacity whether to derive the cells' capacity figures; they are always derived when
     *                     {@code minCapacityPer1000} is set. Deriving them reads every served area of every service,
     *                     about a quarter of the query's work, so a caller that shows no figures can skip it
     */
    public CoverageMatrix matrix(Scope scope, CoverageOptions options, boolean withCapacity) {
        Axes axes = Axes.load(client, scope);
        Map<String, List<String>> enclosingFields = axes.enclosingFields();

        // served area -> (own field, target group) -> the services of that row of the covered set
        Map<String, Map<CoverageMatrix.CellKey, CoverageMatrix.Part>> byServedArea = new HashMap<>();
        for (Map<String, Object> row : client.query(CypherFiles.get("coverage/covered-cells", scope.read()))
                .bindAll(scope.parameters(Map.of("withCapacity", withCapacity || options.minCapacityPer1000() != null)))
                .fetch().all()) {
            String field = (String) row.get("field");
            String group = (String) row.get("targetGroup");
            if (!enclosingFields.containsKey(field) || !axes.groups().containsKey(group)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<List<?>> services = (List<List<?>>) row.get("services");
            byServedArea.computeIfAbsent((String) row.get("area"), k -> new HashMap<>())
                    .put(new CoverageMatrix.CellKey("", field, group), CoverageMatrix.Part.of(services));
        }

        Map<CoverageMatrix.CellKey, CoverageMatrix.Covered> covered = new HashMap<>();
        for (Map<String, Object> gemeinde : axes.gemeinden()) {
            String gemeindeKey = (String) gemeinde.get("key");
            Map<CoverageMatrix.CellKey, List<CoverageMatrix.Part>> cells = new HashMap<>();
            for (String servedArea : Rows.strings(gemeinde.get("chain"))) {
                byServedArea.getOrDefault(servedArea, Map.of()).forEach((own, part) -> {
                    for (String field : enclosingFields.get(own.field())) {
                        cells.computeIfAbsent(new CoverageMatrix.CellKey(gemeindeKey, field, own.targetGroup()),
                                k -> new ArrayList<>(2)).add(part);
                    }
                });
            }
            cells.forEach((key, parts) -> covered.put(key, new CoverageMatrix.Covered(parts)));
        }
        return new CoverageMatrix(axes.area(), axes.gemeinden(), new ArrayList<>(axes.fields().values()),
                new ArrayList<>(axes.groups().values()), covered, options);
    }
}
