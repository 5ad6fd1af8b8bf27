package de.kimgraph.queries.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One finding of an analysis.
 *
 * @param kind          a {@code FindingKind} term
 * @param severity      HIGH, MEDIUM, LOW or INFO
 * @param figures       named numbers, in a stable order (e.g. jaccard, sharedMembers)
 * @param interfaceKind HORIZONTAL, VERTICAL or INTERSECTORAL for interface findings
 */
public record Finding(String kind, String severity, String explanationDe, String explanationEn,
                      List<Evidence> evidence, Map<String, Double> figures, @Nullable String interfaceKind) {

    public Finding {
        evidence = List.copyOf(evidence);
        figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    public static Finding of(String kind, String severity, String explanationDe, String explanationEn,
                             List<Evidence> evidence) {
        return new Finding(kind, severity, explanationDe, explanationEn, evidence, Map.of(), null);
    }

    public Finding withFigures(Map<String, Double> figures) {
        return new Finding(kind, severity, explanationDe, explanationEn, evidence, figures, interfaceKind);
    }

    public Finding withInterfaceKind(String interfaceKind) {
        return new Finding(kind, severity, explanationDe, explanationEn, evidence, figures, interfaceKind);
    }

    /** Keys of the evidence of one type, in order. */
    public List<String> evidenceKeys(String type) {
        return evidence.stream().filter(e -> e.type().equals(type)).map(Evidence::key).toList();
    }
}
