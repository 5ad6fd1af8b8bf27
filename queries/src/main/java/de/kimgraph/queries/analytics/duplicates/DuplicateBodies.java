package de.kimgraph.queries.analytics.duplicates;

import static de.kimgraph.queries.analytics.duplicates.Texts.de;
import static de.kimgraph.queries.analytics.duplicates.Texts.en;
import static de.kimgraph.queries.analytics.duplicates.Texts.key;
import static de.kimgraph.queries.analytics.Rows.map;
import static de.kimgraph.queries.analytics.Rows.maps;
import static de.kimgraph.queries.analytics.duplicates.Texts.names;
import static de.kimgraph.queries.analytics.duplicates.Texts.number;
import static de.kimgraph.queries.analytics.duplicates.Texts.round;
import static de.kimgraph.queries.analytics.Rows.strings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.queries.analytics.CypherFiles;
import de.kimgraph.queries.analytics.Evidence;
import de.kimgraph.queries.analytics.Finding;
import de.kimgraph.queries.analytics.Scope;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * DUPLICATE_BODIES: pairs of bodies with almost the same members that also share a field of action and an area
 * (the integration-course network next to the DeuFöV network "mit fast immer identischen Teilnehmenden").
 *
 * <p>Overlap is measured twice over the valid members: Jaccard |A∩B| / |A∪B|, and weighted by the hierarchy level
 * an actor sits there at (LEADERSHIP 3, MIDDLE_MANAGEMENT 2, OPERATIONAL 1; several memberships of one actor in one
 * body count with the highest), Σmin / Σmax over the union. The threshold applies to the weighted figure: the same
 * organisations sending their heads to a steering body and their staff to a working group is the intended two-tier
 * structure of DOMAIN.md §6, not a duplicate, and the weighted figure says so (Jaccard 1, weighted 1/3).
 *
 * <p>Fields are shared when both bodies address the same field or one addresses a sub-field of the other's (the
 * more specific one is named); areas when both cover the same area or one covers an area inside the other's (the
 * inner one is named). Pairs are formed in Cypher only through a common member, never over all body pairs.
 */
final class DuplicateBodies {

    /** Weighted overlap from which the pair is HIGH rather than MEDIUM. */
    static final double HIGH_OVERLAP = 0.8;

    /** Members named in the explanation per side; the evidence lists all of them. */
    private static final int LISTED = 10;

    private static final Map<String, String[]> LINKS = Map.of(
            "MANDATES", new String[] {"beauftragt", "mandates"},
            "FEEDS_INTO", new String[] {"liefert zu", "feeds into"},
            "DOCKS_ONTO", new String[] {"ist angedockt", "docks onto"});

    private DuplicateBodies() {
    }

    static List<Finding> find(Neo4jClient client, Scope scope, Thresholds thresholds) {
        return client.query(CypherFiles.get("duplicates/body-pairs", scope.read()))
                .bindAll(scope.parameters(Map.of("minOverlap", thresholds.minOverlap())))
                .fetch().all().stream().map(DuplicateBodies::finding).toList();
    }

    private static Finding finding(Map<String, Object> row) {
        Map<String, Object> body1 = map(row.get("body1"));
        Map<String, Object> body2 = map(row.get("body2"));
        Set<String> shared = Set.copyOf(strings(row.get("sharedKeys")));
        Comparator<Map<String, Object>> byKey = Comparator.comparing(Texts::key);
        List<Map<String, Object>> members1 = maps(row.get("members1")).stream().sorted(byKey).toList();
        List<Map<String, Object>> members2 = maps(row.get("members2")).stream().sorted(byKey).toList();
        List<Map<String, Object>> common = members1.stream().filter(m -> shared.contains(key(m))).toList();
        List<Map<String, Object>> only1 = members1.stream().filter(m -> !shared.contains(key(m))).toList();
        List<Map<String, Object>> only2 = members2.stream().filter(m -> !shared.contains(key(m))).toList();
        List<Map<String, Object>> fields = maps(row.get("fields")).stream().sorted(byKey).toList();
        List<Map<String, Object>> areas = maps(row.get("areas")).stream().sorted(byKey).toList();
        List<String> links = strings(row.get("links")).stream().sorted().toList();
        double jaccard = number(row.get("jaccard"));
        double weighted = number(row.get("weighted"));
        int union = members1.size() + members2.size() - common.size();

        String name1 = Texts.label(body1, true);
        String name2 = Texts.label(body2, true);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("BODY", key(body1), name1, "Gremium"));
        evidence.add(new Evidence("BODY", key(body2), name2, "Gremium"));
        fields.forEach(f -> evidence.add(new Evidence("FIELD", key(f), Texts.label(f, true), "gemeinsames Handlungsfeld")));
        areas.forEach(a -> evidence.add(new Evidence("AREA", key(a), Texts.label(a, true), "gemeinsames Gebiet")));
        common.forEach(m -> evidence.add(new Evidence("ACTOR", key(m), Texts.label(m, true), "gemeinsames Mitglied")));
        only1.forEach(m -> evidence.add(new Evidence("ACTOR", key(m), Texts.label(m, true), "nur Mitglied in „" + name1 + "“")));
        only2.forEach(m -> evidence.add(new Evidence("ACTOR", key(m), Texts.label(m, true), "nur Mitglied in „" + name2 + "“")));

        String linkDe = links.isEmpty() ? "" : " Die Gremien sind formal verknüpft (" + String.join(", ",
                links.stream().map(l -> LINKS.get(l)[0]).toList()) + "); prüfen, ob die Doppelung so gewollt ist.";
        String linkEn = links.isEmpty() ? "" : " The bodies are formally linked (" + String.join(", ",
                links.stream().map(l -> LINKS.get(l)[1]).toList()) + "); check whether the overlap is intended.";
        String de = "„%s“ und „%s“ teilen sich %d von %d Mitgliedern (Jaccard %s, nach Hierarchieebene gewichtet %s) und bearbeiten dasselbe Handlungsfeld (%s) im selben Gebiet (%s). Nur in „%s“: %s; nur in „%s“: %s. Prüfen, ob die Gremien zusammengelegt oder Sitzungen und Themen abgestimmt werden können.%s"
                .formatted(name1, name2, common.size(), union, de(jaccard), de(weighted), names(fields, true),
                        names(areas, true), name1, names(only1, true, LISTED), name2, names(only2, true, LISTED), linkDe);
        String en = "'%s' and '%s' share %d of %d members (Jaccard %s, weighted by hierarchy level %s) and work on the same field (%s) in the same area (%s). Only in '%s': %s; only in '%s': %s. Check whether the bodies can be merged or their meetings and topics aligned.%s"
                .formatted(name1, name2, common.size(), union, en(jaccard), en(weighted), names(fields, false),
                        names(areas, false), name1, names(only1, false, LISTED), name2, names(only2, false, LISTED), linkEn);
        String severity = !links.isEmpty() ? "LOW" : weighted >= HIGH_OVERLAP ? "HIGH" : "MEDIUM";

        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("jaccard", round(jaccard));
        figures.put("weightedJaccard", round(weighted));
        figures.put("sharedMembers", (double) common.size());
        figures.put("members", (double) union);
        return Finding.of("DUPLICATE_BODIES", severity, de, en, evidence).withFigures(figures);
    }
}
