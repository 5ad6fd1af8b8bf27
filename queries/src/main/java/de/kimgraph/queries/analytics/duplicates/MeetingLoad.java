package de.kimgraph.queries.analytics.duplicates;

import static de.kimgraph.queries.analytics.duplicates.Texts.key;
import static de.kimgraph.queries.analytics.Rows.map;
import static de.kimgraph.queries.analytics.Rows.maps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import de.kimgraph.queries.analytics.CypherFiles;
import de.kimgraph.queries.analytics.Evidence;
import de.kimgraph.queries.analytics.Finding;
import de.kimgraph.queries.analytics.Scope;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * MEETING_LOAD: actors sitting in many valid bodies in scope, and the ranking of all actors in several bodies.
 *
 * <p>An actor is reported from {@link Thresholds#minBodies()} bodies on. The finding is HIGH when at least
 * {@link Thresholds#minBodiesPerField()} of its bodies address one and the same field (the duplicate structure
 * proper), MEDIUM from twice {@code minBodies} bodies, LOW otherwise. Per field, a body counts for each field it
 * addresses itself; a body on a sub-field counts for the sub-field, not again for the parent field (otherwise a
 * broad field such as Soziale Sicherung would collect every specialised network and the figure would say "many
 * topics" rather than "the same topic"; the demo's oracle counts the KI's bodies on SOCIAL_SECURITY the same way: 5).
 * {@code meetingsPerYear} adds up the bodies' rhythms (weekly 52, monthly 12, quarterly 4, half-yearly 2, yearly 1;
 * ad hoc, one-off and unknown count 0), so it is a lower bound.
 */
final class MeetingLoad {

    private static final Map<String, Integer> MEETINGS_PER_YEAR = Map.of(
            "WEEKLY", 52, "MONTHLY", 12, "QUARTERLY", 4, "HALF_YEARLY", 2, "YEARLY", 1);

    /** Extra entry of a membership map: the body's name, for the evidence label (GraphQL ignores it). */
    private static final String BODY_NAME = "_bodyName";

    /** Fewer bodies than this are no ranking entry. */
    private static final int RANKED_FROM = 2;

    /** One actor's load: its bodies, their meetings, the count per field and the memberships. */
    record Load(Map<String, Object> actor, int bodies, int meetingsPerYear, List<FieldLoad> fields,
                List<Map<String, Object>> bodyRecords, List<Map<String, Object>> memberships) {

        int maxBodiesOnOneField() {
            return fields.isEmpty() ? 0 : fields.getFirst().bodies();
        }
    }

    /** The number of an actor's bodies that address one field. */
    record FieldLoad(Map<String, Object> field, int bodies) {
    }

    /** The loads in ranking order and the findings. */
    record Result(List<Load> ranking, List<Finding> findings) {
    }

    private MeetingLoad() {
    }

    static Result find(Neo4jClient client, Scope scope, Thresholds thresholds) {
        int from = Math.min(RANKED_FROM, Math.min(thresholds.minBodies(), thresholds.minBodiesPerField()));
        List<Load> loads = client.query(CypherFiles.get("duplicates/meeting-load", scope.read()))
                .bindAll(scope.parameters(Map.of("minBodies", from)))
                .fetch().all().stream().map(MeetingLoad::load).toList();
        List<Finding> findings = new ArrayList<>();
        for (Load load : loads) {
            if (load.bodies() >= thresholds.minBodies() || load.maxBodiesOnOneField() >= thresholds.minBodiesPerField()) {
                findings.add(finding(load, thresholds));
            }
        }
        List<Load> ranking = loads.stream().filter(l -> l.bodies() >= RANKED_FROM).limit(thresholds.top()).toList();
        return new Result(ranking, findings);
    }

    private static Load load(Map<String, Object> row) {
        Map<String, Object> actor = map(row.get("actor"));
        Map<String, Map<String, Object>> bodies = new TreeMap<>();
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        Map<String, Set<String>> bodiesByField = new LinkedHashMap<>();
        List<Map<String, Object>> memberships = new ArrayList<>();
        for (Map<String, Object> seat : maps(row.get("seats"))) {
            Map<String, Object> body = map(seat.get("body"));
            bodies.put(key(body), body);
            Map<String, Object> membership = new LinkedHashMap<>(map(seat.get("membership")));
            membership.put(BODY_NAME, Texts.label(body, true));
            memberships.add(membership);
            for (Map<String, Object> field : maps(seat.get("fields"))) {
                fields.putIfAbsent(key(field), field);
                bodiesByField.computeIfAbsent(key(field), k -> new LinkedHashSet<>()).add(key(body));
            }
        }
        int meetings = bodies.values().stream()
                .mapToInt(b -> MEETINGS_PER_YEAR.getOrDefault(String.valueOf(b.get("meetingFrequency")), 0)).sum();
        List<FieldLoad> fieldLoads = bodiesByField.entrySet().stream()
                .map(e -> new FieldLoad(fields.get(e.getKey()), e.getValue().size()))
                .sorted(Comparator.comparingInt(FieldLoad::bodies).reversed().thenComparing(f -> key(f.field())))
                .toList();
        memberships.sort(Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("_to")))
                .thenComparing(Texts::key));
        return new Load(actor, bodies.size(), meetings, fieldLoads, List.copyOf(bodies.values()), memberships);
    }

    private static Finding finding(Load load, Thresholds thresholds) {
        Map<String, Object> actor = load.actor();
        String name = Texts.label(actor, true);
        List<FieldLoad> heavy = load.fields().stream().filter(f -> f.bodies() >= thresholds.minBodiesPerField()).toList();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("ACTOR", key(actor), name, "Mitglied in vielen Gremien"));
        heavy.forEach(f -> evidence.add(new Evidence("FIELD", key(f.field()), Texts.label(f.field(), true),
                "Handlungsfeld mit " + f.bodies() + " Gremien")));
        load.bodyRecords().forEach(b -> evidence.add(new Evidence("BODY", key(b), Texts.label(b, true), "Gremium")));
        load.memberships().forEach(m -> evidence.add(new Evidence("MEMBERSHIP", key(m),
                Texts.label(actor, true) + " in „" + m.get(BODY_NAME) + "“", "Mitgliedschaft")));

        String fieldsDe = heavy.isEmpty() ? "" : "; davon " + String.join(", ", heavy.stream()
                .map(f -> f.bodies() + " allein zum Handlungsfeld " + Texts.label(f.field(), true)).toList());
        String fieldsEn = heavy.isEmpty() ? "" : "; of these, " + String.join(", ", heavy.stream()
                .map(f -> f.bodies() + " on the field " + Texts.label(f.field(), false) + " alone").toList());
        String de = "„%s“ sitzt in %d gültigen Gremien im Gebiet (mindestens %d Sitzungen im Jahr)%s. Prüfen, ob Gremien mit gleichem Thema zusammengelegt, Sitzungen gebündelt oder Vertretungen auf mehrere Stellen verteilt werden können."
                .formatted(name, load.bodies(), load.meetingsPerYear(), fieldsDe);
        String en = "'%s' sits in %d valid bodies in the area (at least %d meetings a year)%s. Check whether bodies on the same topic can be merged, meetings bundled or the seats shared among several staff."
                .formatted(Texts.label(actor, false), load.bodies(), load.meetingsPerYear(), fieldsEn);
        String severity = !heavy.isEmpty() ? "HIGH" : load.bodies() >= 2 * thresholds.minBodies() ? "MEDIUM" : "LOW";

        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("bodies", (double) load.bodies());
        figures.put("maxBodiesOnOneField", (double) load.maxBodiesOnOneField());
        figures.put("meetingsPerYear", (double) load.meetingsPerYear());
        return Finding.of("MEETING_LOAD", severity, de, en, evidence).withFigures(figures);
    }
}
