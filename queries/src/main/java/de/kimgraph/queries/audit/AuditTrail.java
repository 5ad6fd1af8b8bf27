package de.kimgraph.queries.audit;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.model.audit.AuditEvent;
import de.kimgraph.queries.access.AccessDenied;
import de.kimgraph.queries.access.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail, newest first with keyset pagination on {@code (at, key)}: a coordinator reads the events of
 * its own tenant, operations ({@code ADMIN}) all of them, every other role none. The tenant predicate is an
 * equality on the indexed {@code (tenant, at)} pair, so a page is an index seek in time order, not a sort of the
 * tenant's whole history. (The order names the tenant first, which is constant under the equality, so that the
 * planner reads the composite index backwards and stops after one page: measured with 50,000 events of one
 * tenant, 616 db hits and 8 ms a page, against 100,511 db hits and 87 ms when ordered by time alone.)
 */
@Component
@Transactional(readOnly = true)
public class AuditTrail {

    /** Longest accepted text filter value (keys, labels, subjects). */
    public static final int MAX_FILTER_LENGTH = 200;

    private final Neo4jClient client;

    public AuditTrail(Neo4jClient client) {
        this.client = client;
    }

    /**
     * The filter of the trail; every field optional, {@code from}/{@code to} inclusive days (Europe/Berlin).
     * {@code tenant} narrows an ADMIN's view; a coordinator's view is always its own tenant.
     */
    public record Filter(@Nullable String recordKey, @Nullable String label, @Nullable String subject,
                         @Nullable String operation, @Nullable String tenant, @Nullable LocalDate from,
                         @Nullable LocalDate to) {

        public static final Filter NONE = new Filter(null, null, null, null, null, null, null);
    }

    /** Where a page continues: after the event at {@code at} with {@code key}. */
    public record After(ZonedDateTime at, String key) {
    }

    /** One page of events (stored properties, {@code changes} and {@code counts} parsed) and whether more follow. */
    public record Page(List<Map<String, Object>> items, boolean hasNext) {
    }

    public Page events(Principal principal, Filter filter, int first, @Nullable After after) {
        List<String> tenants = principal.auditTenants();
        if (tenants != null && tenants.isEmpty()) {
            throw new AccessDenied("Das Änderungsprotokoll lesen nur die Koordination (eigener Mandant) und der Betrieb.",
                    "Only coordinators (own tenant) and operations (ADMIN) read the audit trail.");
        }
        String tenant = filter.tenant();
        if (tenants != null) {
            if (tenant != null && !tenants.contains(tenant)) {
                return new Page(List.of(), false);
            }
            tenant = tenant != null ? tenant : tenants.size() == 1 ? tenants.getFirst() : null;
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (tenant != null) {
            where.add("e.tenant = $tenant");
            parameters.put("tenant", tenant);
        } else if (tenants != null) {
            where.add("e.tenant IN $tenants");
            parameters.put("tenants", tenants);
        }
        where.add("e.at IS NOT NULL");
        condition(where, parameters, "e.recordKey = $recordKey", "recordKey", filter.recordKey());
        condition(where, parameters, "e.label = $label", "label", filter.label());
        condition(where, parameters, "e.subject = $subject", "subject", filter.subject());
        condition(where, parameters, "e.operation = $operation", "operation", filter.operation());
        condition(where, parameters, "e.at >= datetime({date: $from, timezone: 'Europe/Berlin'})", "from", filter.from());
        condition(where, parameters, "e.at < datetime({date: $to + duration({days: 1}), timezone: 'Europe/Berlin'})",
                "to", filter.to());
        if (after != null) {
            where.add("e.at <= $afterAt AND (e.at < $afterAt OR e.key < $afterKey)");
            parameters.put("afterAt", after.at());
            parameters.put("afterKey", after.key());
        }
        parameters.put("limit", first + 1);
        String cypher = """
                MATCH (e:AuditEvent)
                WHERE %s
                RETURN e{.*} AS item
                ORDER BY %s
                LIMIT $limit""".formatted(String.join("\n  AND ", where), tenant != null
                ? "e.tenant DESC, e.at DESC, e.key DESC" : "e.at DESC, e.key DESC");
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> row : client.query(cypher).bindAll(parameters).fetch().all()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = new HashMap<>((Map<String, Object>) row.get("item"));
            item.put("changes", AuditEvent.parseChanges((String) item.get("changes")));
            item.put("counts", AuditEvent.parseCounts((String) item.get("counts")));
            items.add(item);
        }
        boolean hasNext = items.size() > first;
        return new Page(hasNext ? items.subList(0, first) : items, hasNext);
    }

    private static void condition(List<String> where, Map<String, Object> parameters, String predicate, String name,
                                  @Nullable Object value) {
        if (value != null) {
            where.add(predicate);
            parameters.put(name, value);
        }
    }
}
