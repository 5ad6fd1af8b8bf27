package de.kimgraph.queries.analytics.duplicates;

import static de.kimgraph.queries.analytics.duplicates.Texts.key;
import static de.kimgraph.queries.analytics.Rows.map;
import static de.kimgraph.queries.analytics.Rows.maps;
import static de.kimgraph.queries.analytics.duplicates.Texts.names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.queries.analytics.AreaPairs;
import de.kimgraph.queries.analytics.CypherFiles;
import de.kimgraph.queries.analytics.Evidence;
import de.kimgraph.queries.analytics.Finding;
import de.kimgraph.queries.analytics.Rows;
import de.kimgraph.queries.analytics.Scope;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * PARALLEL_SERVICES: two services of different providers with the same form, field (or one a sub-field of the
 * other), target group and overlapping area, whose work no agreement divides.
 *
 * <p>An agreement divides the work when it is valid and either governs both services, or governs one of them and
 * both providers are party to it (providers often split work by status, language, area or accommodation in a
 * Kooperationsvereinbarung; DOMAIN.md §2). The model does not say along which line an agreement divides, so any
 * such agreement silences the pair: the demo's MBE services of Caritas and Diakonie are divided by
 * {@code agr-koop-mbe-caritas-diakonie} (by social space) and not reported. Candidate pairs are formed in the JVM
 * ({@link AreaPairs}: same form, a shared target group, overlapping areas) and checked in Cypher.
 */
final class ParallelServices {

    private ParallelServices() {
    }

    static List<Finding> find(Neo4jClient client, Scope scope) {
        List<AreaPairs.Service> services = new ArrayList<>();
        for (Map<String, Object> row : client.query(CypherFiles.get("duplicates/parallel-service-candidates", scope.read()))
                .bindAll(scope.parameters()).fetch().all()) {
            List<String> keys = AreaPairs.combinations(List.of(String.valueOf(row.get("form"))), Rows.strings(row.get("groups")));
            services.add(new AreaPairs.Service((String) row.get("key"), Rows.maps(row.get("areas")), keys, keys));
        }
        List<List<String>> pairs = AreaPairs.of(services);
        if (pairs.isEmpty()) {
            return List.of();
        }
        return client.query(CypherFiles.get("duplicates/parallel-services", scope.read()))
                .bindAll(scope.parameters(Map.of("pairs", pairs)))
                .fetch().all().stream().map(ParallelServices::finding).toList();
    }

    private static Finding finding(Map<String, Object> row) {
        Map<String, Object> service1 = map(row.get("service1"));
        Map<String, Object> service2 = map(row.get("service2"));
        Comparator<Map<String, Object>> byKey = Comparator.comparing(Texts::key);
        List<Map<String, Object>> providers1 = maps(row.get("providers1")).stream().sorted(byKey).toList();
        List<Map<String, Object>> providers2 = maps(row.get("providers2")).stream().sorted(byKey).toList();
        List<Map<String, Object>> groups = maps(row.get("groups")).stream().sorted(byKey).toList();
        List<Map<String, Object>> fields = maps(row.get("fields")).stream().sorted(byKey).toList();
        List<Map<String, Object>> areas = maps(row.get("areas")).stream().sorted(byKey).toList();
        String form = Texts.string(service1, "form");

        String name1 = Texts.label(service1, true);
        String name2 = Texts.label(service2, true);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("SERVICE", key(service1), name1, "paralleles Angebot"));
        evidence.add(new Evidence("SERVICE", key(service2), name2, "paralleles Angebot"));
        providers1.forEach(p -> evidence.add(new Evidence("ACTOR", key(p), Texts.label(p, true), "Träger von „" + name1 + "“")));
        providers2.forEach(p -> evidence.add(new Evidence("ACTOR", key(p), Texts.label(p, true), "Träger von „" + name2 + "“")));
        fields.forEach(f -> evidence.add(new Evidence("FIELD", key(f), Texts.label(f, true), "gemeinsames Handlungsfeld")));
        groups.forEach(g -> evidence.add(new Evidence("TARGET_GROUP", key(g), Texts.label(g, true), "gemeinsame Zielgruppe")));
        areas.forEach(a -> evidence.add(new Evidence("AREA", key(a), Texts.label(a, true), "gemeinsames Gebiet")));

        String de = "„%s“ (%s) und „%s“ (%s) sind parallele Angebote: gleiche Form (%s), gleiches Handlungsfeld (%s), gleiche Zielgruppe (%s), gleiches Gebiet (%s), verschiedene Träger – und keine gültige Vereinbarung teilt die Arbeit auf. Eine Kooperationsvereinbarung abschließen, die die Zuständigkeit aufteilt (z. B. nach Aufenthaltsstatus, Sprache, Sozialraum oder Unterkunft), oder die Angebote bündeln."
                .formatted(name1, names(providers1, true), name2, names(providers2, true),
                        Texts.termDe("ServiceForm", form), names(fields, true), names(groups, true), names(areas, true));
        String en = "'%s' (%s) and '%s' (%s) are parallel services: same form (%s), field (%s), target group (%s) and area (%s), different providers, and no valid agreement divides the work. Conclude a cooperation agreement that splits responsibility (e.g. by residence status, language, social space or accommodation), or bundle the services."
                .formatted(name1, names(providers1, false), name2, names(providers2, false),
                        Texts.termEn("ServiceForm", form), names(fields, false), names(groups, false), names(areas, false));

        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("sharedTargetGroups", (double) groups.size());
        figures.put("sharedAreas", (double) areas.size());
        return Finding.of("PARALLEL_SERVICES", "MEDIUM", de, en, evidence).withFigures(figures);
    }
}
