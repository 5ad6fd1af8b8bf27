package de.kimgraph.model.audit;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One entry of the audit trail: who (subject, role, the tenant it acted for), when (set by the database,
 * {@code datetime()}), what (operation, label or relationship type, record key, before and after of every changed
 * property) and why (the optional comment).
 *
 * <p>The trail is append-only by construction: {@link #CYPHER} is the only statement in the code base that
 * writes an {@code :AuditEvent}, and it only creates; nothing matches an event to change or delete it (the audit
 * tests check that the events of every mutation only grow). Events are not connected to the records they
 * describe, so ending or even detaching a record leaves its history intact. Neo4j Community has no per-label
 * write privileges; on Enterprise, deny SET/DELETE on {@code :AuditEvent} to the service user as well.
 *
 * @param tenant the tenant of the record (whose coordinators read the event)
 * @param actingTenant the tenant of the caller's token (null for {@code ADMIN}/system)
 * @param changes changed properties only; links appear under their input field name, as lists of target keys
 * @param counts for {@link Operation#IMPORT}: created/changed/unchanged per label or type
 */
public record AuditEvent(String subject, String role, @Nullable String tenant, @Nullable String actingTenant,
                         Operation operation, String label, String recordKey, List<Change> changes,
                         @Nullable Map<String, Map<String, Long>> counts, @Nullable String comment) {

    public static final String LABEL = "AuditEvent";

    /** Maximum length of the comment of a mutation (why it was made). */
    public static final int MAX_COMMENT = 1_000;

    /** The only statement that writes audit events: it creates one, and nothing else. */
    public static final String CYPHER = "CREATE (e:AuditEvent) SET e = $event, e.at = datetime()";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What was done. */
    public enum Operation {
        CREATE, UPDATE, END, ADD_RELATIONSHIP, UPDATE_RELATIONSHIP, END_RELATIONSHIP, PROPOSE, CONFIRM, REJECT, IMPORT
    }

    /** One changed property: its value before and after (null = absent). */
    public record Change(String property, @Nullable Object before, @Nullable Object after) {
    }

    public AuditEvent {
        changes = List.copyOf(changes);
    }

    /** The parameters of {@link #CYPHER}: {@code $event}, the stored properties (a fresh key each time). */
    public Map<String, Object> parameters() {
        Map<String, Object> event = new HashMap<>();
        event.put("key", UUID.randomUUID().toString());
        event.put("subject", subject);
        event.put("role", role);
        event.put("tenant", tenant);
        event.put("actingTenant", actingTenant);
        event.put("operation", operation.name());
        event.put("label", label);
        event.put("recordKey", recordKey);
        List<Map<String, Object>> changeList = new ArrayList<>();
        for (Change change : changes) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("property", change.property());
            c.put("before", plain(change.before()));
            c.put("after", plain(change.after()));
            changeList.add(c);
        }
        event.put("changes", JSON.writeValueAsString(changeList));
        event.put("counts", counts == null ? null : JSON.writeValueAsString(counts));
        event.put("comment", comment);
        event.values().removeIf(Objects::isNull);
        return Map.of("event", event);
    }

    /**
     * The properties whose value differs between {@code before} and {@code after}, in name order; only names in
     * {@code after} are compared (an update names what it sets).
     */
    public static List<Change> diff(Map<String, ?> before, Map<String, ?> after) {
        List<Change> changes = new ArrayList<>();
        for (String name : new TreeSet<>(after.keySet())) {
            Object old = plain(before.get(name));
            Object now = plain(after.get(name));
            if (!Objects.equals(old, now)) {
                changes.add(new Change(name, old, now));
            }
        }
        return changes;
    }

    /** Every property of a new record as a change from nothing, skipping {@code skip}. */
    public static List<Change> created(Map<String, ?> properties, Set<String> skip) {
        Map<String, Object> after = new HashMap<>(properties);
        after.keySet().removeAll(skip);
        return diff(Map.of(), after);
    }

    /** Parses the stored changes back (values as JSON types: text, number, boolean, list). */
    public static List<Map<String, Object>> parseChanges(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parsed = JSON.readValue(json, List.class);
        return parsed;
    }

    /** Parses stored import counts back. */
    public static Map<String, Map<String, Object>> parseCounts(@Nullable String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> parsed = JSON.readValue(json, LinkedHashMap.class);
        return parsed;
    }

    /** A value in the form JSON keeps: dates as ISO text, whole numbers as long, lists element-wise. */
    public static @Nullable Object plain(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof TemporalAccessor || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(AuditEvent::plain).toList();
        }
        if (value.getClass().isArray() && value instanceof Object[] array) {
            return java.util.Arrays.stream(array).map(AuditEvent::plain).toList();
        }
        return value instanceof String || value instanceof Boolean ? value : value.toString();
    }
}
