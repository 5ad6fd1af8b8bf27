package de.kimgraph.api.analytics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import de.kimgraph.api.graph.AnalyticsSupport;
import de.kimgraph.queries.analytics.Finding;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.coverage.Cell;
import de.kimgraph.queries.analytics.coverage.CoverageFindings;
import de.kimgraph.queries.analytics.coverage.CoverageMatrix;
import de.kimgraph.queries.analytics.coverage.CoverageMatrixQuery;
import de.kimgraph.queries.analytics.coverage.CoverageOptions;
import de.kimgraph.queries.analytics.coverage.ProgrammeRequirements;
import de.kimgraph.queries.analytics.coverage.RequirementCheck;
import de.kimgraph.queries.entity.EntityReader;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The root field {@code coverageGaps}. The report's parts are computed only when selected (the matrix once, for
 * {@code summary} and {@code cells} alike), so a dashboard asking for findings does not pay for the matrix. The
 * matrix keeps only its covered cells; a page of cells is read from it with one batch look-up of its services.
 */
@Component
class CoverageWiring implements RuntimeWiringConfigurer {

    private static final int MAX_PAGE = 500;
    private static final String REPORT = "_report";

    private final CoverageMatrixQuery matrices;
    private final CoverageFindings findings;
    private final ProgrammeRequirements requirements;
    private final EntityReader reader;

    CoverageWiring(CoverageMatrixQuery matrices, CoverageFindings findings, ProgrammeRequirements requirements,
                   EntityReader reader) {
        this.matrices = matrices;
        this.findings = findings;
        this.requirements = requirements;
        this.reader = reader;
    }

    /** A connection as a map; the class name ends in "Connection" so that Spring for GraphQL leaves it as it is. */
    private static final class CellConnection extends HashMap<String, Object> {
    }

    /** What the report's fields compute from, the matrix at most once. */
    private static final class Report {

        final Scope scope;
        final CoverageOptions options;
        private final Supplier<CoverageMatrix> load;
        private @Nullable CoverageMatrix matrix;

        Report(Scope scope, CoverageOptions options, Supplier<CoverageMatrix> load) {
            this.scope = scope;
            this.options = options;
            this.load = load;
        }

        synchronized CoverageMatrix matrix() {
            if (matrix == null) {
                matrix = load.get();
            }
            return matrix;
        }
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("coverageGaps", this::coverageGaps));
        wiring.type("CoverageReport", type -> type
                .dataFetcher("summary", env -> summary(report(env).matrix()))
                .dataFetcher("cells", this::cells)
                .dataFetcher("matrix", env -> matrix(report(env).matrix()))
                .dataFetcher("findings", this::findings)
                .dataFetcher("requirementChecks", env -> requirements.check(report(env).scope).checks().stream()
                        .map(CoverageWiring::check).toList()));
    }

    private Object coverageGaps(DataFetchingEnvironment env) {
        Scope scope = AnalyticsSupport.scope(env);
        Number minCapacity = env.getArgument("minCapacityPer1000");
        CoverageOptions options = CoverageOptions.of(env.getArgument("minServices"),
                minCapacity == null ? null : minCapacity.doubleValue(), env.getArgument("counsellingFields"),
                env.getArgument("statusGapMinAge"));
        Map<String, Object> area = reader.byKey("Area", scope.area(), scope.asOf(), scope.read());
        if (area == null) {
            throw new UnsupportedFilterException("Unbekanntes oder am Stichtag ungültiges Gebiet " + scope.area() + ".",
                    "Unknown area " + scope.area() + ", or not valid on " + scope.asOf() + ".");
        }
        Map<String, Map<String, Object>> fields = reader.byKeys("FieldOfAction", options.counsellingFields(), scope.read());
        List<Map<String, Object>> counsellingFields = new ArrayList<>();
        for (String key : options.counsellingFields()) {
            Map<String, Object> field = fields.get(key);
            if (field == null) {
                throw new UnsupportedFilterException("Unbekanntes Handlungsfeld " + key + " in counsellingFields.",
                        "Unknown field of action " + key + " in counsellingFields.");
            }
            counsellingFields.add(field);
        }
        Map<String, Object> data = new HashMap<>();
        boolean withCapacity = env.getSelectionSet().contains("cells/edges/node/capacityPer1000");
        data.put(REPORT, new Report(scope, options, () -> matrices.matrix(scope, options, withCapacity)));
        data.put("area", area);
        data.put("asOf", scope.asOf());
        data.put("minServices", options.minServices());
        data.put("minCapacityPer1000", options.minCapacityPer1000());
        data.put("counsellingFields", counsellingFields);
        return AnalyticsSupport.result(data, scope.asOf());
    }

    private static Report report(DataFetchingEnvironment env) {
        Map<String, Object> source = env.getSource();
        return (Report) source.get(REPORT);
    }

    private static Map<String, Object> summary(CoverageMatrix matrix) {
        CoverageMatrix.Summary s = matrix.summary();
        return Map.of("gemeinden", s.gemeinden(), "fields", s.fields(), "targetGroups", s.targetGroups(),
                "cells", s.cells(), "none", s.none(), "thin", s.thin(), "covered", s.covered());
    }

    /** Most cells of {@code matrix} in one answer (NRW: about 120,000; a Land's matrix fits, Germany's does not). */
    static final int MAX_MATRIX_CELLS = 250_000;

    /** The whole matrix as axes and two flat lists, in the order of {@link CoverageMatrix#cells}. */
    private static Map<String, Object> matrix(CoverageMatrix matrix) {
        long cells = matrix.summary().cells();
        if (cells > MAX_MATRIX_CELLS) {
            throw new UnsupportedFilterException("Die Matrix hat " + cells + " Zellen, höchstens " + MAX_MATRIX_CELLS
                    + " kommen in einer Antwort; bitte ein kleineres Gebiet wählen oder cells seitenweise abfragen.",
                    "The matrix has " + cells + " cells, at most " + MAX_MATRIX_CELLS + " come in one answer; choose a "
                            + "smaller area or page through cells.");
        }
        CoverageMatrix.Page all = matrix.cells(CoverageMatrix.Filter.all(), 0, Integer.MAX_VALUE);
        return Map.of("gemeinden", matrix.gemeinden(), "fields", matrix.fields(), "targetGroups", matrix.targetGroups(),
                "statuses", all.cells().stream().map(Cell::status).toList(),
                "serviceCounts", all.cells().stream().map(c -> c.services().size()).toList());
    }

    private Object cells(DataFetchingEnvironment env) {
        CoverageMatrix matrix = report(env).matrix();
        Integer firstArgument = env.getArgument("first");
        int first = firstArgument == null ? 100 : firstArgument;
        if (first < 0 || first > MAX_PAGE) {
            throw new UnsupportedFilterException("first muss zwischen 0 und " + MAX_PAGE + " liegen.",
                    "first must lie between 0 and " + MAX_PAGE + ".");
        }
        long offset = offset(env.getArgument("after"));
        CoverageMatrix.Page page = matrix.cells(new CoverageMatrix.Filter(env.getArgument("status"),
                env.getArgument("areas"), env.getArgument("fields"), env.getArgument("targetGroups")), offset, first);

        Set<String> serviceKeys = new LinkedHashSet<>();
        page.cells().forEach(c -> serviceKeys.addAll(c.services()));
        Map<String, Map<String, Object>> services = serviceKeys.isEmpty() ? Map.of()
                : reader.byKeys("Service", serviceKeys, report(env).scope.read());
        Map<String, Map<String, Object>> areas = byKey(matrix.gemeinden());
        Map<String, Map<String, Object>> fields = byKey(matrix.fields());
        Map<String, Map<String, Object>> groups = byKey(matrix.targetGroups());

        List<Map<String, Object>> edges = new ArrayList<>();
        long index = offset;
        for (Cell cell : page.cells()) {
            Map<String, Object> node = new HashMap<>();
            node.put("area", areas.get(cell.area()));
            node.put("field", fields.get(cell.field()));
            node.put("targetGroup", groups.get(cell.targetGroup()));
            node.put("status", cell.status());
            node.put("serviceCount", cell.services().size());
            node.put("capacityPer1000", cell.capacityPer1000());
            node.put("services", cell.services().stream().map(services::get).filter(Objects::nonNull).toList());
            edges.add(Map.of("cursor", cursor(index++), "node", node));
        }
        Map<String, Object> pageInfo = new HashMap<>();
        pageInfo.put("hasNextPage", page.hasNext());
        pageInfo.put("hasPreviousPage", offset > 0);
        pageInfo.put("startCursor", edges.isEmpty() ? null : edges.getFirst().get("cursor"));
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.getLast().get("cursor"));
        CellConnection connection = new CellConnection();
        connection.put("edges", edges);
        connection.put("pageInfo", pageInfo);
        connection.put("totalCount", page.totalCount());
        return connection;
    }

    private Object findings(DataFetchingEnvironment env) {
        Report report = report(env);
        Collection<String> kinds = env.getArgument("kinds");
        List<Finding> all = findings.findings(report.scope, report.options);
        return AnalyticsSupport.findings(kinds == null || kinds.isEmpty() ? all
                : all.stream().filter(f -> kinds.contains(f.kind())).toList());
    }

    private static Map<String, Object> check(RequirementCheck check) {
        Map<String, Object> map = new HashMap<>();
        map.put("grant", check.grant());
        map.put("programme", check.programme());
        map.put("recipient", check.recipient());
        map.put("requirement", check.requirement());
        map.put("met", check.met());
        map.put("evidence", check.evidence().stream().map(AnalyticsSupport::evidence).toList());
        return map;
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> items) {
        Map<String, Map<String, Object>> result = new HashMap<>();
        items.forEach(item -> result.put((String) item.get("key"), item));
        return result;
    }

    private static String cursor(long index) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o:" + index).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset after the cell the cursor names. */
    private static long offset(@Nullable String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (!decoded.startsWith("o:")) {
                throw new IllegalArgumentException(decoded);
            }
            return Long.parseLong(decoded.substring(2)) + 1;
        } catch (IllegalArgumentException e) {
            throw new UnsupportedFilterException("Ungültiger Cursor '" + after + "'.", "Invalid cursor '" + after + "'.");
        }
    }
}
