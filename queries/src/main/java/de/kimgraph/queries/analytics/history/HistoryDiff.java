package de.kimgraph.queries.analytics.history;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import de.kimgraph.model.audit.AuditEvent;
import de.kimgraph.queries.access.ReadRule;
import de.kimgraph.queries.analytics.CypherFiles;
import de.kimgraph.queries.analytics.history.Diff.Changed;
import de.kimgraph.queries.analytics.history.Diff.Entry;
import de.kimgraph.queries.analytics.history.Diff.KindDiff;
import de.kimgraph.queries.entity.EntityReader;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code diff(from, to)} (DOMAIN.md §5.7): the actors, bodies, services, positions, agreements, memberships and
 * actor relations of an area that were <em>added</em> (valid on {@code to}, not on {@code from}) or <em>ended</em>
 * (valid on {@code from}, not on {@code to}). A relationship is valid on a day only when both its ends are, so an
 * actor that ends also ends its memberships in the diff. Records that began and ended between the two days were
 * valid on neither and do not appear.
 *
 * <p>Property-level changes (a renamed body, a changed role) come from the audit trail: {@code changed} lists the
 * records of the same area population with {@code UPDATE}/{@code UPDATE_RELATIONSHIP} events on a day from
 * {@code from} to {@code to} (inclusive, UTC), with the names of the changed properties and the last day. Changes
 * made before the trail existed, or by imports (one event per import, not per record), are not itemised; nothing
 * is guessed from {@code version} or {@code lastVerified} (a re-verification is not a change).
 *
 * <p>A record belongs to the area when it is linked to it at all (based in, serving or covering it or an enclosing
 * area, or through such an actor), regardless of the validity of that link, so that both sides of the diff use the
 * same population. Four queries under {@code cypher/history/}; the node query only looks at records whose
 * validFrom or validTo lies in the interval, the change query starts from the audit events of the interval (a range
 * seek on the indexed {@code AuditEvent.at}) and looks each changed record up by its unique key.
 */
@Component
@Transactional(readOnly = true)
public class HistoryDiff {

    /** Default and largest number of records listed per kind and change; the counts are always complete. */
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final Neo4jClient client;
    private final EntityReader reader;

    public HistoryDiff(Neo4jClient client, EntityReader reader) {
        this.client = client;
        this.reader = reader;
    }

    /**
     * @param read  what the caller may read; applied to every record of the diff and to those that place it in the area
     * @param limit   records listed per kind and change, 1..{@link #MAX_LIMIT}
     */
    public Diff diff(String area, LocalDate from, LocalDate to, ReadRule read, int limit) {
        Map<String, Object> areaRecord = reader.byKey("Area", area, null, read);
        if (areaRecord == null) {
            throw new UnsupportedFilterException("Unbekanntes Gebiet " + area + ".", "Unknown area " + area + ".");
        }
        if (!from.isBefore(to)) {
            throw new UnsupportedFilterException("from muss vor to liegen.", "from must lie before to.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new UnsupportedFilterException("first muss zwischen 1 und " + MAX_LIMIT + " liegen.",
                    "first must lie between 1 and " + MAX_LIMIT + ".");
        }
        Map<String, Object> parameters = new HashMap<>(read.parameters());
        parameters.put("area", area);
        parameters.put("from", from);
        parameters.put("to", to);
        List<Entry> entries = new ArrayList<>();
        for (String file : List.of("history/diff-nodes", "history/diff-memberships", "history/diff-relations")) {
            client.query(CypherFiles.get(file, read)).bindAll(parameters).fetch().all().forEach(row -> entries.add(new Entry(
                    (String) row.get("kind"), (String) row.get("change"), (String) row.get("key"),
                    (String) row.get("label"), (LocalDate) row.get("validFrom"), (LocalDate) row.get("validTo"))));
        }
        List<Changed> changes = new ArrayList<>();
        client.query(CypherFiles.get("history/diff-changed", read)).bindAll(parameters).fetch().all()
                .forEach(row -> changes.add(changed(row)));
        List<KindDiff> kinds = new ArrayList<>();
        for (String kind : Diff.KINDS) {
            List<Entry> added = entries.stream().filter(e -> e.kind().equals(kind) && e.change().equals("ADDED")).toList();
            List<Entry> ended = entries.stream().filter(e -> e.kind().equals(kind) && e.change().equals("ENDED")).toList();
            List<Changed> changed = changes.stream().filter(c -> c.kind().equals(kind)).toList();
            boolean truncated = added.size() > limit || ended.size() > limit || changed.size() > limit;
            kinds.add(new KindDiff(kind, added.size(), ended.size(), changed.size(), added.stream().limit(limit).toList(),
                    ended.stream().limit(limit).toList(), changed.stream().limit(limit).toList(), truncated));
        }
        return new Diff(areaRecord, from, to, kinds);
    }

    /** A row of {@code diff-changed}: the stored JSON changes of the record's events merged into property names. */
    private static Changed changed(Map<String, Object> row) {
        Set<String> properties = new TreeSet<>();
        for (Object json : (List<?>) row.get("changes")) {
            AuditEvent.parseChanges((String) json).forEach(c -> properties.add(String.valueOf(c.get("property"))));
        }
        LocalDate last = ((ZonedDateTime) row.get("lastAt")).withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        return new Changed((String) row.get("kind"), (String) row.get("key"), (String) row.get("label"),
                List.copyOf(properties), last);
    }
}
