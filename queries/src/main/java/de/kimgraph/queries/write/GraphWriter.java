package de.kimgraph.queries.write;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import de.kimgraph.model.dataset.Problem;
import de.kimgraph.model.dataset.Values;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.NodeSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.RelationshipSpec;
import de.kimgraph.queries.write.NodeWrites.NodeWrite;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, updates and ends nodes and first-class relationships. Each call is one transaction: the input is
 * validated against the {@link GraphSpec} (types, terms, lengths, references, dates) before anything is written,
 * and an update first takes the record's write lock, then compares the version the client read, so two
 * concurrent edits cannot overwrite each other silently: the later one gets {@code STALE_VERSION}.
 */
@Component
@Transactional
public class GraphWriter {

    private static final Set<String> MANAGED = Set.of("key", "version");
    private static final String REL_PROJECTION = de.kimgraph.queries.entity.EntityReader.RELATIONSHIP;

    private final Neo4jClient client;

    public GraphWriter(Neo4jClient client) {
        this.client = client;
    }

    // ---------------------------------------------------------------- nodes

    public WriteResult createNode(NodeWrite write, Map<String, Object> input) {
        NodeSpec spec = GraphSpec.node(write.label());
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> properties = convert(spec.properties(), input, linkFields(write), problems);
        properties.values().removeIf(Objects::isNull);
        String key = input.get("key") instanceof String k && !k.isBlank() ? k.strip() : UUID.randomUUID().toString();
        if (key.length() > 200 || !key.matches("[\\p{L}\\p{N}._:-]+")) {
            problems.add(new Problem("input", "key", "INVALID_VALUE",
                    "Schlüssel darf nur Buchstaben, Ziffern und . _ : - enthalten (höchstens 200 Zeichen).",
                    "A key may only contain letters, digits and . _ : - (at most 200 characters)."));
        }
        for (PropertySpec p : spec.properties()) {
            if (p.required() && !MANAGED.contains(p.name()) && input.get(p.name()) == null) {
                problems.add(required(p.name()));
            }
        }
        for (InputLink link : write.links()) {
            if (link.required() && targets(input, link).isEmpty()) {
                problems.add(required(link.field()));
            }
        }
        if (properties.get("tenant") instanceof String tenant) {
            checkTenant(tenant, problems);
        }
        checkReferences(write, spec.properties(), properties, input, problems);
        if (problems.isEmpty() && exists(write.label(), key)) {
            problems.add(new Problem("input", "key", "DUPLICATE_KEY", "Schlüssel " + key + " ist bereits vergeben.",
                    "Key " + key + " is already taken."));
        }
        if (!problems.isEmpty()) {
            return failed(problems);
        }
        properties.putIfAbsent("visibility", "INTERNAL");
        client.query("CREATE (n:`%s`) SET n = $props, n.key = $key, n.version = 1".formatted(write.label()))
                .bindAll(Map.of("props", properties, "key", key)).run();
        applyLinks(write, key, input);
        return WriteResult.ok(Objects.requireNonNull(readNode(write.label(), key)));
    }

    public WriteResult updateNode(NodeWrite write, String key, long version, Map<String, Object> input) {
        Map<String, Object> current = lockNode(write.label(), key);
        UserError conflict = checkVersion(current, key, version);
        if (conflict != null) {
            return WriteResult.failed(conflict);
        }
        NodeSpec spec = GraphSpec.node(write.label());
        List<Problem> problems = new ArrayList<>();
        if (input.get("key") != null && !key.equals(input.get("key"))) {
            problems.add(immutable("key"));
        }
        if (input.containsKey("tenant") && !Objects.equals(input.get("tenant"), current.get("tenant"))) {
            problems.add(immutable("tenant"));
        }
        Map<String, Object> changes = convert(spec.properties(), input, linkFields(write), problems);
        changes.remove("tenant");
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            if (change.getValue() == null && spec.property(change.getKey()).map(PropertySpec::required).orElse(false)) {
                problems.add(required(change.getKey()));
            }
        }
        Map<String, Object> merged = new HashMap<>(current);
        merged.putAll(changes);
        Values.checkValidity(merged, "input", problems);
        for (InputLink link : write.links()) {
            if (link.required() && input.containsKey(link.field()) && targets(input, link).isEmpty()) {
                problems.add(required(link.field()));
            }
        }
        checkReferences(write, spec.properties(), changes, input, problems);
        if (!problems.isEmpty()) {
            return failed(problems);
        }
        client.query("MATCH (n:`%s` {key: $key}) SET n += $changes, n.version = n.version + 1".formatted(write.label()))
                .bindAll(Map.of("key", key, "changes", changes)).run();
        applyLinks(write, key, input);
        return WriteResult.ok(Objects.requireNonNull(readNode(write.label(), key)));
    }

    public WriteResult endNode(String label, String key, long version, LocalDate validTo) {
        Map<String, Object> current = lockNode(label, key);
        UserError refused = checkEnding(current, key, version, validTo);
        if (refused != null) {
            return WriteResult.failed(refused);
        }
        client.query("MATCH (n:`%s` {key: $key}) SET n.validTo = $validTo, n.version = n.version + 1".formatted(label))
                .bindAll(Map.of("key", key, "validTo", validTo)).run();
        return WriteResult.ok(Objects.requireNonNull(readNode(label, key)));
    }

    // ---------------------------------------------------------------- relationships

    /**
     * Adds a keyed relationship of {@code spec} from {@code from} to {@code to}; {@code input} holds its
     * properties, and the endpoint fields {@code fromField} and {@code toField} (which errors name), and may hold
     * further fields the caller already used, named in {@code structural}.
     */
    public WriteResult addRelationship(RelationshipSpec spec, String fromField, String toField,
                                       Map<String, Object> input, Set<String> structural) {
        String from = input.get(fromField) instanceof String f && !f.isBlank() ? f : null;
        String to = input.get(toField) instanceof String t && !t.isBlank() ? t : null;
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> properties = convert(spec.properties(), input, structural, problems);
        properties.values().removeIf(Objects::isNull);
        properties.remove("tenant");
        String key = input.get("key") instanceof String k && !k.isBlank() ? k.strip() : UUID.randomUUID().toString();
        if (from == null) {
            problems.add(required(fromField));
        }
        if (to == null) {
            problems.add(required(toField));
        }
        if (from != null && !exists(spec.fromLabel(), from)) {
            problems.add(unknown(fromField, spec.fromLabel(), from));
        }
        if (to != null && !exists(spec.toLabel(), to)) {
            problems.add(unknown(toField, spec.toLabel(), to));
        }
        checkPropertyReferences(spec.properties(), properties, problems);
        if (problems.isEmpty() && relationshipExists(spec.type(), key)) {
            problems.add(new Problem("input", "key", "DUPLICATE_KEY", "Schlüssel " + key + " ist bereits vergeben.",
                    "Key " + key + " is already taken."));
        }
        if (problems.isEmpty()) {
            checkShares(spec, Objects.requireNonNull(from), properties, null, problems);
        }
        if (!problems.isEmpty()) {
            return failed(problems);
        }
        properties.putIfAbsent("visibility", "INTERNAL");
        String tenantOf = spec.type().equals("MEMBER_OF") ? "b" : "a";
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("key", key);
        parameters.put("props", properties);
        client.query("""
                MATCH (a:`%s` {key: $from}) MATCH (b:`%s` {key: $to})
                CREATE (a)-[r:`%s`]->(b)
                SET r = $props, r.key = $key, r.version = 1, r.tenant = %s.tenant"""
                .formatted(spec.fromLabel(), spec.toLabel(), spec.type(), tenantOf)).bindAll(parameters).run();
        return WriteResult.ok(Objects.requireNonNull(readRelationship(List.of(spec.type()), key)));
    }

    /** Updates the properties of the keyed relationship {@code key} of one of {@code types}. */
    public WriteResult updateRelationship(Collection<String> types, String key, long version, Map<String, Object> input,
                                          Set<String> immutable) {
        Map<String, Object> current = lockRelationship(types, key);
        UserError conflict = checkVersion(current, key, version);
        if (conflict != null) {
            return WriteResult.failed(conflict);
        }
        String type = (String) current.get("type");
        RelationshipSpec spec = GraphSpec.relationships(type).stream()
                .filter(s -> s.fromLabel().equals(current.get("_fromLabel")) && s.toLabel().equals(current.get("_toLabel")))
                .findFirst().orElseThrow();
        List<Problem> problems = new ArrayList<>();
        for (String field : immutable) {
            if (input.get(field) != null && !(field.equals("type") && type.equals(input.get("type")))) {
                problems.add(immutable(field));
            }
        }
        if (input.get("key") != null && !key.equals(input.get("key"))) {
            problems.add(immutable("key"));
        }
        Map<String, Object> changes = convert(spec.properties(), input, immutable, problems);
        changes.remove("tenant");
        Map<String, Object> merged = new HashMap<>(current);
        merged.putAll(changes);
        Values.checkValidity(merged, "input", problems);
        checkPropertyReferences(spec.properties(), changes, problems);
        if (problems.isEmpty()) {
            checkShares(spec, (String) current.get("_from"), merged, key, problems);
        }
        if (!problems.isEmpty()) {
            return failed(problems);
        }
        client.query("MATCH ()-[r:`%s` {key: $key}]->() SET r += $changes, r.version = r.version + 1".formatted(type))
                .bindAll(Map.of("key", key, "changes", changes)).run();
        return WriteResult.ok(Objects.requireNonNull(readRelationship(List.of(type), key)));
    }

    public WriteResult endRelationship(Collection<String> types, String key, long version, LocalDate validTo) {
        Map<String, Object> current = lockRelationship(types, key);
        UserError refused = checkEnding(current, key, version, validTo);
        if (refused != null) {
            return WriteResult.failed(refused);
        }
        String type = (String) current.get("type");
        client.query("MATCH ()-[r:`%s` {key: $key}]->() SET r.validTo = $validTo, r.version = r.version + 1".formatted(type))
                .bindAll(Map.of("key", key, "validTo", validTo)).run();
        return WriteResult.ok(Objects.requireNonNull(readRelationship(List.of(type), key)));
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, Object> convert(List<PropertySpec> specs, Map<String, Object> input, Set<String> skip,
                                        List<Problem> problems) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : input.entrySet()) {
            String name = entry.getKey();
            if (MANAGED.contains(name) || skip.contains(name)) {
                continue;
            }
            PropertySpec spec = specs.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
            if (spec == null) {
                problems.add(new Problem("input", name, "UNKNOWN_PROPERTY",
                        "Feld " + name + " ist hier nicht erlaubt.", "Field " + name + " is not allowed here."));
                continue;
            }
            result.put(name, entry.getValue() == null ? null : Values.convert(spec, entry.getValue(), "input", problems));
        }
        return result;
    }

    private static Set<String> linkFields(NodeWrite write) {
        Set<String> fields = new HashSet<>();
        write.links().forEach(l -> fields.add(l.field()));
        return fields;
    }

    private static List<String> targets(Map<String, Object> input, InputLink link) {
        Object value = input.get(link.field());
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).distinct().toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private void checkTenant(String tenant, List<Problem> problems) {
        boolean known = client.query("""
                MATCH (a:Area {key: $tenant}) WHERE a.level IN ['DISTRICT', 'DISTRICT_FREE_CITY'] RETURN count(a) > 0""")
                .bind(tenant).to("tenant").fetchAs(Boolean.class).one().orElse(false);
        if (!known) {
            problems.add(new Problem("input", "tenant", "UNKNOWN_TENANT",
                    "Mandant muss die ARS eines Kreises oder einer kreisfreien Stadt sein, nicht '" + tenant + "'.",
                    "Tenant must be the ARS of a Kreis or kreisfreie Stadt, not '" + tenant + "'."));
        }
    }

    private void checkReferences(NodeWrite write, List<PropertySpec> specs, Map<String, Object> properties,
                                 Map<String, Object> input, List<Problem> problems) {
        for (InputLink link : write.links()) {
            List<String> keys = targets(input, link);
            if (link.single() && keys.size() > 1) {
                problems.add(new Problem("input", link.field(), "INVALID_VALUE", "Nur ein Eintrag erlaubt.",
                        "Only one entry allowed."));
            }
            for (String missing : missing(link.targetLabel(), keys)) {
                problems.add(unknown(link.field(), link.targetLabel(), missing));
            }
        }
        checkPropertyReferences(specs, properties, problems);
    }

    private void checkPropertyReferences(List<PropertySpec> specs, Map<String, Object> properties,
                                         List<Problem> problems) {
        for (PropertySpec spec : specs) {
            Object value = properties.get(spec.name());
            if (!spec.referencesNodes() || value == null) {
                continue;
            }
            List<String> keys = value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(value));
            for (String missing : missing(Objects.requireNonNull(spec.vocabulary()), keys)) {
                problems.add(unknown(spec.name(), spec.vocabulary(), missing));
            }
        }
    }

    private List<String> missing(String label, List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Collection<String> found = client.query("MATCH (n:`%s`) WHERE n.key IN $keys RETURN n.key".formatted(label))
                .bind(keys).to("keys").fetchAs(String.class).all();
        return keys.stream().filter(k -> !found.contains(k)).toList();
    }

    /** Funding shares of one position may add up to at most one full position. */
    private void checkShares(RelationshipSpec spec, String from, Map<String, Object> properties,
                             @Nullable String ownKey, List<Problem> problems) {
        if (!spec.type().equals("FUNDED_BY") || !spec.fromLabel().equals(GraphSpec.POSITION)) {
            return;
        }
        double share = properties.get("share") instanceof Double d ? d : 0.0;
        if (share < 0 || share > 1) {
            problems.add(new Problem("input", "share", "INVALID_SHARE", "Anteil muss zwischen 0 und 1 liegen.",
                    "Share must lie between 0 and 1."));
            return;
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("position", from);
        parameters.put("own", ownKey);
        double others = client.query("""
                MATCH (:Position {key: $position})-[f:FUNDED_BY]->()
                WHERE f.validTo IS NULL AND ($own IS NULL OR f.key <> $own)
                RETURN coalesce(sum(f.share), 0.0)""").bindAll(parameters).fetchAs(Double.class).one().orElse(0.0);
        if (properties.get("validTo") == null && others + share > 1.0 + 1e-9) {
            problems.add(new Problem("input", "share", "SHARES_EXCEED_POSITION",
                    "Die Förderanteile der Stelle " + from + " ergäben " + (others + share) + " (> 1).",
                    "The funding shares of position " + from + " would add up to " + (others + share) + " (> 1)."));
        }
    }

    private void applyLinks(NodeWrite write, String key, Map<String, Object> input) {
        LocalDate today = LocalDate.now();
        for (InputLink link : write.links()) {
            if (!input.containsKey(link.field())) {
                continue;
            }
            String pattern = link.outgoing() ? "(n)-[r:`%s`]->(t:`%s`)" : "(n)<-[r:`%s`]-(t:`%s`)";
            String create = link.outgoing() ? "CREATE (n)-[:`%s` {tenant: n.tenant, validFrom: $today, version: 1, visibility: n.visibility}]->(t)"
                    : "CREATE (t)-[:`%s` {tenant: n.tenant, validFrom: $today, version: 1, visibility: n.visibility}]->(n)";
            String cypher = """
                    MATCH (n:`%1$s` {key: $key})
                    OPTIONAL MATCH %2$s
                    WHERE r.validTo IS NULL AND NOT t.key IN $targets
                    WITH n, collect(r) AS old
                    FOREACH (x IN [o IN old WHERE o.validFrom = $today] | DELETE x)
                    FOREACH (x IN [o IN old WHERE o.validFrom IS NULL OR o.validFrom < $today] |
                      SET x.validTo = $yesterday, x.version = coalesce(x.version, 0) + 1)
                    WITH n
                    UNWIND $targets AS targetKey
                    MATCH (t:`%3$s` {key: targetKey})
                    WHERE NOT EXISTS { MATCH %2$s WHERE r.validTo IS NULL }
                    %4$s""".formatted(write.label(), pattern.formatted(link.type(), link.targetLabel()),
                    link.targetLabel(), create.formatted(link.type()));
            client.query(cypher).bindAll(Map.of("key", key, "targets", targets(input, link), "today", today,
                    "yesterday", today.minusDays(1))).run();
        }
    }

    private Map<String, Object> lockNode(String label, String key) {
        return client.query("""
                MATCH (n:`%s` {key: $key})
                SET n._lock = true REMOVE n._lock
                RETURN n{.*} AS item""".formatted(label)).bind(key).to("key").fetch().one()
                .map(row -> cast(row.get("item"))).orElse(Map.of());
    }

    private Map<String, Object> lockRelationship(Collection<String> types, String key) {
        String union = String.join("|", types.stream().map(t -> "`" + t + "`").toList());
        return client.query("""
                MATCH ()-[r:%s {key: $key}]->()
                SET r._lock = true REMOVE r._lock
                RETURN %s AS item""".formatted(union, REL_PROJECTION)).bind(key).to("key").fetch().one()
                .map(row -> cast(row.get("item"))).orElse(Map.of());
    }

    private static @Nullable UserError checkVersion(Map<String, Object> current, String key, long version) {
        if (current.isEmpty()) {
            return new UserError("NOT_FOUND", "key", "Kein Eintrag mit Schlüssel " + key + ".", "No record with key " + key + ".");
        }
        long actual = current.get("version") instanceof Number n ? n.longValue() : 0;
        if (actual != version) {
            return new UserError("STALE_VERSION", "version",
                    "Der Eintrag wurde inzwischen geändert (Version " + actual + ", gelesen " + version
                            + "); bitte neu laden und erneut ändern.",
                    "The record was changed in the meantime (version " + actual + ", read " + version
                            + "); reload and apply the change again.");
        }
        return null;
    }

    /** Ending needs the version the client read and an end date not before the start. */
    private static @Nullable UserError checkEnding(Map<String, Object> current, String key, long version,
                                                   LocalDate validTo) {
        UserError conflict = checkVersion(current, key, version);
        if (conflict != null) {
            return conflict;
        }
        if (current.get("validFrom") instanceof LocalDate from && validTo.isBefore(from)) {
            return new UserError("INVALID_DATE_RANGE", "validTo", "Enddatum " + validTo + " liegt vor dem Beginn " + from + ".",
                    "End date " + validTo + " is before the start " + from + ".");
        }
        return null;
    }

    private boolean exists(String label, String key) {
        return client.query("MATCH (n:`%s` {key: $key}) RETURN count(n) > 0".formatted(label)).bind(key).to("key")
                .fetchAs(Boolean.class).one().orElse(false);
    }

    private boolean relationshipExists(String type, String key) {
        return client.query("MATCH ()-[r:`%s` {key: $key}]->() RETURN count(r) > 0".formatted(type)).bind(key).to("key")
                .fetchAs(Boolean.class).one().orElse(false);
    }

    private @Nullable Map<String, Object> readNode(String label, String key) {
        return client.query("MATCH (n:`%s` {key: $key}) RETURN n{.*} AS item".formatted(label)).bind(key).to("key")
                .fetch().one().map(row -> cast(row.get("item"))).orElse(null);
    }

    private @Nullable Map<String, Object> readRelationship(Collection<String> types, String key) {
        String union = String.join("|", types.stream().map(t -> "`" + t + "`").toList());
        return client.query("MATCH ()-[r:%s {key: $key}]->() RETURN %s AS item".formatted(union, REL_PROJECTION))
                .bind(key).to("key").fetch().one().map(row -> cast(row.get("item"))).orElse(null);
    }

    private static WriteResult failed(List<Problem> problems) {
        return WriteResult.failed(problems.stream().map(UserError::of).toList());
    }

    private static Problem required(String field) {
        return new Problem("input", field, "REQUIRED", "Pflichtfeld " + field + " fehlt.", "Required field " + field + " is missing.");
    }

    private static Problem immutable(String field) {
        return new Problem("input", field, "IMMUTABLE_FIELD",
                field + " kann nicht geändert werden; beenden und neu anlegen.",
                field + " cannot be changed; end the record and add a new one.");
    }

    private static Problem unknown(String field, @Nullable String label, String key) {
        return new Problem("input", field, "UNKNOWN_REFERENCE", "Unbekannter Eintrag " + label + " '" + key + "'.",
                "Unknown " + label + " '" + key + "'.");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
