package de.kimgraph.queries.analytics.duplicates;

import static de.kimgraph.queries.analytics.duplicates.Texts.key;
import static de.kimgraph.queries.analytics.Rows.map;
import static de.kimgraph.queries.analytics.Rows.maps;
import static de.kimgraph.queries.analytics.duplicates.Texts.number;
import static de.kimgraph.queries.analytics.duplicates.Texts.round;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.kimgraph.queries.analytics.CypherFiles;
import de.kimgraph.queries.analytics.Evidence;
import de.kimgraph.queries.analytics.Finding;
import de.kimgraph.queries.analytics.Scope;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * FRAGMENTED_FUNDING: positions with the same function in the same unit, funded by different programmes.
 *
 * <p>At least two positions must be involved: one position pieced together from two programmes
 * (<i>Stellenstückelung</i>, the demo's {@code pos-ehrenamt-netzwerk}) is a funding risk of that post, not a split of
 * one task across programmes. With the default {@link Thresholds#minProgrammes()} of 2 every split is reported; three
 * or more programmes are MEDIUM (three application cycles, reporting duties and end dates for one task: the demo's
 * Caritas counselling), two are LOW (often by design, e.g. a KI's own posts from the KI grant next to its KIM
 * coordination posts). Raise {@code minProgrammes} to 3 to see only the former.
 */
final class FragmentedFunding {

    /** From this many programmes the finding is MEDIUM. */
    static final int MEDIUM_PROGRAMMES = 3;

    private FragmentedFunding() {
    }

    static List<Finding> find(Neo4jClient client, Scope scope, Thresholds thresholds, Collection<String> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return client.query(CypherFiles.get("duplicates/fragmented-funding", scope.read()))
                .bindAll(scope.parameters(Map.of("units", List.copyOf(units), "minProgrammes", thresholds.minProgrammes())))
                .fetch().all().stream().map(FragmentedFunding::finding).toList();
    }

    private static String title(Map<String, Object> position) {
        String title = Texts.string(position, "title");
        return title == null ? key(position) : title;
    }

    private static Finding finding(Map<String, Object> row) {
        Map<String, Object> unit = map(row.get("unit"));
        String function = (String) row.get("function");
        Map<String, Map<String, Object>> positions = new TreeMap<>();
        Map<String, Map<String, Object>> programmes = new TreeMap<>();
        List<Map<String, Object>> fundings = new ArrayList<>(maps(row.get("fundings")));
        fundings.sort(Comparator.comparing((Map<String, Object> f) -> key(map(f.get("position"))))
                .thenComparing(f -> key(map(f.get("programme")))));
        double fundedFte = 0.0;
        for (Map<String, Object> funding : fundings) {
            Map<String, Object> position = map(funding.get("position"));
            positions.putIfAbsent(key(position), position);
            programmes.putIfAbsent(key(map(funding.get("programme"))), map(funding.get("programme")));
            fundedFte += number(position.get("fte")) * number(funding.get("share"));
        }
        double fte = positions.values().stream().mapToDouble(p -> number(p.get("fte"))).sum();

        String name = Texts.label(unit, true);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("ACTOR", key(unit), name, "Einheit"));
        positions.values().forEach(p -> evidence.add(new Evidence("POSITION", key(p), title(p),
                "Stelle gleicher Funktion")));
        programmes.values().forEach(p -> evidence.add(new Evidence("PROGRAMME", key(p), Texts.label(p, true),
                "Förderprogramm")));
        for (Map<String, Object> funding : fundings) {
            Object fundingKey = funding.get("funding");
            if (fundingKey != null) {
                evidence.add(new Evidence("FUNDING", fundingKey.toString(), title(map(funding.get("position")))
                        + " ← " + Texts.label(map(funding.get("programme")), true), "Förderanteil"));
            }
        }
        List<Map<String, Object>> programmeList = List.copyOf(programmes.values());
        String de = "In „%s“ werden %d Stellen mit der Funktion „%s“ aus %d verschiedenen Programmen finanziert (%s): unterschiedliche Anträge, Nachweise und Laufzeiten für dieselbe Aufgabe. Prüfen, ob die Förderung gebündelt oder abgestimmt werden kann, und die Enddaten im Blick behalten."
                .formatted(name, positions.size(), Texts.termDe("PositionFunction", function), programmes.size(),
                        Texts.names(programmeList, true));
        String en = "In '%s', %d positions with the function '%s' are funded by %d different programmes (%s): different applications, reports and terms for the same task. Check whether the funding can be bundled or aligned, and watch the end dates."
                .formatted(Texts.label(unit, false), positions.size(), Texts.termEn("PositionFunction", function),
                        programmes.size(), Texts.names(programmeList, false));
        String severity = programmes.size() >= MEDIUM_PROGRAMMES ? "MEDIUM" : "LOW";

        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("positions", (double) positions.size());
        figures.put("programmes", (double) programmes.size());
        figures.put("fte", round(fte));
        figures.put("fundedFte", round(fundedFte));
        return Finding.of("FRAGMENTED_FUNDING", severity, de, en, evidence).withFigures(figures);
    }
}
