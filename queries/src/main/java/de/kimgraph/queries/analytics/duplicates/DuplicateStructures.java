package de.kimgraph.queries.analytics.duplicates;

import de.kimgraph.queries.analytics.Rows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.queries.analytics.CypherFiles;
import de.kimgraph.queries.analytics.Finding;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.entity.EntityReader;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duplicate structures (<i>Doppel- und Parallelstrukturen</i>, DOMAIN.md §5.3) in an area on a date: bodies with
 * almost the same members on the same field and area, parallel services no agreement divides, actors with a high
 * meeting load, same-function positions of one unit funded by several programmes, and actor records that are
 * probably one organisation. Each part is one Cypher aggregation (pairs only through a common member or target
 * group, never over all pairs); the fuzzy record matching runs in the JVM on blocked candidates, because string
 * similarity over candidate pairs is neither an aggregation nor available in Neo4j without plugins. All parts run in
 * one read-only transaction, so they see the same state of the graph.
 */
@Component
@Transactional(readOnly = true)
public class DuplicateStructures {

    /** The finding kinds of this analysis, in the order the answer lists them. */
    public static final List<String> KINDS =
            List.of("DUPLICATE_BODIES", "PARALLEL_SERVICES", "MEETING_LOAD", "FRAGMENTED_FUNDING", "DUPLICATE_RECORD");

    /** The answer: the area record, the findings (kind by kind, each kind ranked) and the meeting-load ranking. */
    public record Report(Map<String, Object> area, List<Finding> findings, List<Load> meetingLoad) {
    }

    /** One entry of the meeting-load ranking. */
    public record Load(Map<String, Object> actor, int bodies, int meetingsPerYear, List<FieldLoad> fields,
                       List<Map<String, Object>> memberships) {
    }

    /** How many of an actor's bodies address one field (the body's own field, not rolled up). */
    public record FieldLoad(Map<String, Object> field, int bodies) {
    }

    private final Neo4jClient client;
    private final EntityReader reader;

    public DuplicateStructures(Neo4jClient client, EntityReader reader) {
        this.client = client;
        this.reader = reader;
    }

    /**
     * @param kinds the finding kinds to compute ({@code null} or empty: all); the ranking comes with MEETING_LOAD
     */
    public Report analyse(Scope scope, Thresholds thresholds, @Nullable Collection<String> kinds) {
        Map<String, Object> area = reader.byKey("Area", scope.area(), null, scope.read());
        if (area == null) {
            throw new UnsupportedFilterException("Unbekanntes Gebiet " + scope.area() + ".", "Unknown area " + scope.area() + ".");
        }
        Set<String> wanted = kinds == null || kinds.isEmpty() ? Set.copyOf(KINDS) : new HashSet<>(kinds);
        List<Finding> findings = new ArrayList<>();
        List<Load> ranking = List.of();
        if (wanted.contains("DUPLICATE_BODIES")) {
            findings.addAll(DuplicateBodies.find(client, scope, thresholds));
        }
        if (wanted.contains("PARALLEL_SERVICES")) {
            findings.addAll(ParallelServices.find(client, scope));
        }
        if (wanted.contains("MEETING_LOAD")) {
            MeetingLoad.Result load = MeetingLoad.find(client, scope, thresholds);
            findings.addAll(load.findings());
            ranking = load.ranking().stream().map(l -> new Load(l.actor(), l.bodies(), l.meetingsPerYear(),
                    l.fields().stream().map(f -> new FieldLoad(f.field(), f.bodies())).toList(), l.memberships())).toList();
        }
        if (wanted.contains("FRAGMENTED_FUNDING") || wanted.contains("DUPLICATE_RECORD")) {
            List<RecordMatcher.Record> actors = actorsInScope(scope);
            if (wanted.contains("FRAGMENTED_FUNDING")) {
                findings.addAll(FragmentedFunding.find(client, scope, thresholds,
                        actors.stream().map(RecordMatcher.Record::key).toList()));
            }
            if (wanted.contains("DUPLICATE_RECORD")) {
                findings.addAll(DuplicateRecords.find(actors, thresholds));
            }
        }
        return new Report(area, List.copyOf(findings), ranking);
    }

    private List<RecordMatcher.Record> actorsInScope(Scope scope) {
        return client.query(CypherFiles.get("duplicates/actors-in-scope", scope.read())).bindAll(scope.parameters())
                .fetch().all().stream()
                .map(row -> new RecordMatcher.Record((String) row.get("key"), String.valueOf(row.get("name")),
                        Texts.string(row, "address"), Rows.strings(row.get("identifiers")),
                        Set.copyOf(Rows.strings(row.get("related")))))
                .toList();
    }
}
