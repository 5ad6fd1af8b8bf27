package de.kimgraph.api.graph;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.api.security.Principals;
import de.kimgraph.queries.analytics.Evidence;
import de.kimgraph.queries.analytics.Finding;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;

/**
 * What the analytic root fields share: reading the scope arguments ({@code area}, {@code asOf}), answering with
 * the reference date as local context (so nested entity fields follow it), and findings as maps for the
 * {@code Finding} type, whose {@code evidence} entries resolve to typed records by {@link EvidenceWiring}.
 */
public final class AnalyticsSupport {

    private AnalyticsSupport() {
    }

    /**
     * The scope of an analytic field: argument {@code area} (an ARS, required), {@code asOf} (default today) and
     * the caller's read rule, which every query of the analysis applies.
     */
    public static Scope scope(DataFetchingEnvironment env) {
        String area = env.getArgument("area");
        if (area == null || area.isBlank()) {
            throw new UnsupportedFilterException("Argument area (ARS) fehlt.", "Argument area (ARS) is missing.");
        }
        LocalDate asOf = env.getArgument("asOf");
        return Scope.of(area, asOf, Principals.of(env).readRule());
    }

    /** The answer with {@code asOf} as the reference date of everything nested in it. */
    public static DataFetcherResult<Object> result(Object data, LocalDate asOf) {
        return DataFetcherResult.newResult().data(data).localContext(new QueryContext(asOf)).build();
    }

    public static Map<String, Object> finding(Finding finding) {
        Map<String, Object> map = new HashMap<>();
        map.put("kind", finding.kind());
        map.put("severity", finding.severity());
        map.put("explanation", finding.explanationDe());
        map.put("explanationEn", finding.explanationEn());
        map.put("interfaceKind", finding.interfaceKind());
        List<Map<String, Object>> figures = new ArrayList<>();
        finding.figures().forEach((name, value) -> figures.add(Map.of("name", name, "value", value)));
        map.put("figures", figures);
        map.put("evidence", finding.evidence().stream().map(AnalyticsSupport::evidence).toList());
        return map;
    }

    public static List<Map<String, Object>> findings(List<Finding> findings) {
        return findings.stream().map(AnalyticsSupport::finding).toList();
    }

    public static Map<String, Object> evidence(Evidence evidence) {
        Map<String, Object> map = new HashMap<>();
        map.put("type", evidence.type());
        map.put("key", evidence.key());
        map.put("label", evidence.label());
        map.put("role", evidence.role());
        return map;
    }
}
