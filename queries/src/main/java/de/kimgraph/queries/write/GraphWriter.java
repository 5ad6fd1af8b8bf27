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

import de.kimgraph.model.audit.AuditEvent;
import de.kimgraph.model.audit.AuditEvent.Change;
import de.kimgraph.model.audit.AuditEvent.Operation;
import de.kimgraph.model.dataset.Problem;
import de.kimgraph.model.dataset.Values;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.NodeSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.RelationshipSpec;
import de.kimgraph.queries.access.AccessDenied;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import de.kimgraph.queries.write.NodeWrites.NodeWrite;
import de.kimgraph.queries.write.WriteAccess.Authority;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, updates and ends nodes and first-class relationships. Each call is one transaction: the input is
 * validated against the {@link GraphSpec} (types, terms, lengths, references, dates) before anything is written,
 * and an update first takes the record's write lock, then compares the version the client read, so two
 * concurrent edits cannot overwrite each other silently: the later one gets {@code STALE_VERSION}.
 *
 * <p>Every call names the {@link Principal} it writes for. The write rules ({@link WriteAccess}) are asked in the
 * same transaction, after the lock, and a denial ({@link AccessDenied}) rolls everything back. Every change writes
 * one {@link AuditEvent} (who, what with before and after, why: the optional comment) in the same transaction, so
 * a change and its record in the audit trail commit together or not at all.
 */
@Component
@Transactional
public class GraphWriter {

    private static final Set<String> MANAGED = Set.of("key", "version");
    private static final String REL_PROJECTION = de.kimgraph.queries.entity.EntityReader.RELATIONSHIP;
    /** The relationship as read for a change, with the tenants of its ends, which the write rules ask about. */
    private static final String LOCK_PROJECTION = REL_PROJECTION.substring(0, REL_PROJECTION.length() - 1)
            + ", _fromTenant: startNode(r).tenant, _toTenant: endNode(r).tenant}";

    private final Neo4jClient client;
    private final WriteAccess access;

    public GraphWriter(Neo4jClient client) {
        this.client = client;
        this.access = new WriteAccess(client);
    }

    // ---------------------------------------------------------------- nodes

    public WriteResult createNode(Principal principal, NodeWrite write, Map<String, Object> input,
                                  @Nullable String comment) {
        WriteAccess.requireWriter(principal);
        String owner = access.creationTenant(principal, write.label(), input, providersLink(write));
        if (owner != null) {
            input = new HashMap<>(input);
            input.put("tenant", owner);
        }
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
        UserError badComment = checkComment(comment);
        if (!problems.isEmpty() || badComment != null) {
            return failed(problems, badComment);
        }
        requireReadableReferences(principal, write, spec.properties(), properties, input);
        properties.putIfAbsent("visibility", "INTERNAL");
        client.query("CREATE (n:`%s`) SET n = $props, n.key = $key, n.version = 1".formatted(write.label()))
                .bindAll(Map.of("props", properties, "key", key)).run();
        List<Change> changes = new ArrayList<>(AuditEvent.created(properties, Set.of()));
        changes.addAll(applyLinks(write, key, input));
        audit(principal, Operation.CREATE, write.label(), key, (String) properties.get("tenant"), changes, comment);
        return WriteResult.ok(Objects.requireNonNull(readNode(write.label(), key)));
    }

    public WriteResult updateNode(Principal principal, NodeWrite write, String key, long version,
                                  Map<String, Object> input, @Nullable String comment) {
        WriteAccess.requireWriter(principal);
        Map<String, Object> current = lockNode(write.label(), key);
        if (current.isEmpty()) {
            return WriteResult.failed(notFound(key));
        }
        if (access.node(principal, write.label(), current) == Authority.PARTNER) {
            WriteAccess.partnerFields(write.label(), input);
            WriteAccess.requireProvider(Objects.requireNonNull(principal.partnerOf()), input, providersLink(write), false);
        }
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
        UserError badComment = checkComment(comment);
        if (!problems.isEmpty() || badComment != null) {
            return failed(problems, badComment);
        }
        requireReadableReferences(principal, write, spec.properties(), changes, input);
        client.query("MATCH (n:`%s` {key: $key}) SET n += $changes, n.version = n.version + 1".formatted(write.label()))
                .bindAll(Map.of("key", key, "changes", changes)).run();
        List<Change> audited = new ArrayList<>(AuditEvent.diff(current, changes));
        audited.addAll(applyLinks(write, key, input));
        audit(principal, Operation.UPDATE, write.label(), key, (String) current.get("tenant"), audited, comment);
        return WriteResult.ok(Objects.requireNonNull(readNode(write.label(), key)));
    }

    public WriteResult endNode(Principal principal, String label, String key, long version, LocalDate validTo,
                               @Nullable String comment) {
        WriteAccess.requireWriter(principal);
        Map<String, Object> current = lockNode(label, key);
        if (current.isEmpty()) {
            return WriteResult.failed(notFound(key));
        }
        if (access.node(principal, label, current) == Authority.PARTNER && !label.equals(GraphSpec.SERVICE)) {
            throw new AccessDenied("Partnerorganisationen beenden nur eigene Angebote, nicht die eigene Organisation.",
                    "Partner organisations only end their own services, not their organisation.");
        }
        UserError refused = checkEnding(current, key, version, validTo);
        if (refused == null) {
            refused = checkComment(comment);
        }
        if (refused != null) {
            return WriteResult.failed(refused);
        }
        client.query("MATCH (n:`%s` {key: $key}) SET n.validTo = $validTo, n.version = n.version + 1".formatted(label))
                .bindAll(Map.of("key", key, "validTo", validTo)).run();
        audit(principal, Operation.END, label, key, (String) current.get("tenant"),
                AuditEvent.diff(current, Map.of("validTo", validTo)), comment);
        return WriteResult.ok(Objects.requireNonNull(readNode(label, key)));
    }

    // ---------------------------------------------------------------- relationships

    /**
     * Adds a keyed relationship of {@code spec} from {@code from} to {@code to}; {@code input} holds its
     * properties, and the endpoint fields {@code fromField} and {@code toField} (which errors name), and may hold
     * further fields the caller already used, named in {@code structural}.
     */
    public WriteResult addRelationship(Principal principal, RelationshipSpec spec, String fromField, String toField,
                                       Map<String, Object> input, Set<String> structural, @Nullable String comment) {
        WriteAccess.requireWriter(principal);
        if (!principal.has(AccessRole.ADMIN) && !principal.has(AccessRole.COORDINATOR)
                && !(spec.type().equals("MEMBER_OF") && Objects.equals(principal.partnerOf(), input.get(fromField)))) {
            throw WriteAccess.partnerRelationship();
        }
        return addRelationship(principal, spec, fromField, toField, input, structural, comment, null);
    }

    /**
     * Adds a relationship; with {@code confirmedTenant} null the caller's write rules apply and the relationship
     * belongs to the caller's tenant, otherwise (a confirmed proposal, whose two sides have agreed) it belongs to
     * {@code confirmedTenant} and the caller is only recorded.
     */
    WriteResult addRelationship(Principal principal, RelationshipSpec spec, String fromField, String toField,
                                Map<String, Object> input, Set<String> structural, @Nullable String comment,
                                @Nullable String confirmedTenant) {
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
        UserError badComment = checkComment(comment);
        if (!problems.isEmpty() || badComment != null) {
            return failed(problems, badComment);
        }
        String tenant = confirmedTenant;
        if (tenant == null) {
            Authority authority = access.newRelationship(principal, spec.type(), spec.fromLabel(),
                    Objects.requireNonNull(from), fromField, spec.toLabel(), Objects.requireNonNull(to), toField);
            tenant = relationshipTenant(principal, authority, spec, from, to);
            requireReadableProperties(principal, spec.properties(), properties);
        }
        properties.putIfAbsent("visibility", "INTERNAL");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("key", key);
        parameters.put("props", properties);
        parameters.put("tenant", tenant);
        client.query("""
                MATCH (a:`%s` {key: $from}) MATCH (b:`%s` {key: $to})
                CREATE (a)-[r:`%s`]->(b)
                SET r = $props, r.key = $key, r.version = 1, r.tenant = $tenant"""
                .formatted(spec.fromLabel(), spec.toLabel(), spec.type())).bindAll(parameters).run();
        Map<String, Object> audited = new HashMap<>(properties);
        audited.put(fromField, from);
        audited.put(toField, to);
        audited.put("tenant", tenant);
        audit(principal, Operation.ADD_RELATIONSHIP, spec.type(), key, tenant, AuditEvent.created(audited, Set.of()),
                comment);
        return WriteResult.ok(Objects.requireNonNull(readRelationship(List.of(spec.type()), key)));
    }

    /**
     * A new relationship belongs to the caller's tenant, a partner's to its organisation's; for {@code ADMIN}
     * (no tenant of its own) to the body's (memberships) or the from-node's.
     */
    private @Nullable String relationshipTenant(Principal principal, Authority authority, RelationshipSpec spec,
                                                String from, String to) {
        if (authority == Authority.PARTNER) {
            return access.tenantOf(spec.fromLabel(), from);
        }
        if (principal.tenant() != null && !principal.has(AccessRole.ADMIN)) {
            return principal.tenant();
        }
        return spec.type().equals("MEMBER_OF") ? access.tenantOf(spec.toLabel(), to)
                : access.tenantOf(spec.fromLabel(), from);
    }

    /** Updates the properties of the keyed relationship {@code key} of one of {@code types}. */
    public WriteResult updateRelationship(Principal principal, Collection<String> types, String key, long version,
                                          Map<String, Object> input, Set<String> immutable, @Nullable String comment) {
        WriteAccess.requireWriter(principal);
        Map<String, Object> current = lockRelationship(types, key);
        if (current.isEmpty()) {
            return WriteResult.failed(notFound(key));
        }
        if (access.relationship(principal, current) == Authority.PARTNER) {
            WriteAccess.partnerFields((String) current.get("type"), input);
        }
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
        UserError badComment = checkComment(comment);
        if (!problems.isEmpty() || badComment != null) {
            return failed(problems, badComment);
        }
        requireReadableProperties(principal, spec.properties(), changes);
        client.query("MATCH ()-[r:`%s` {key: $key}]->() SET r += $changes, r.version = r.version + 1".formatted(type))
                .bindAll(Map.of("key", key, "changes", changes)).run();
        audit(principal, Operation.UPDATE_RELATIONSHIP, type, key, (String) current.get("tenant"),
                AuditEvent.diff(current, changes), comment);
        return WriteResult.ok(Objects.requireNonNull(readRelationship(List.of(type), key)));
    }

    public WriteResult endRelationship(Principal principal, Collection<String> types, String key, long version,
                                       LocalDate validTo, @Nullable String comment) {
        WriteAccess.requireWriter(principal);
        Map<String, Object> current = lockRelationship(types, key);
        if (current.isEmpty()) {
            return WriteResult.failed(notFound(key));
        }
        access.relationship(principal, current);
        UserError refused = checkEnding(current, key, version, validTo);
        if (refused == null) {
            refused = checkComment(comment);
        }
        if (refused != null) {
            return WriteResult.failed(refused);
        }
        String type = (String) current.get("type");
        client.query("MATCH ()-[r:`%s` {key: $key}]->() SET r.validTo = $validTo, r.version = r.version + 1".formatted(type))
                .bindAll(Map.of("key", key, "validTo", validTo)).run();
        audit(principal, Operation.END_RELATIONSHIP, type, key, (String) current.get("tenant"),
                AuditEvent.diff(current, Map.of("validTo", validTo)), comment);
        return WriteResult.ok(Objects.requireNonNull(readRelationship(List.of(type), key)));
    }

    /**
     * Validates the properties of a relationship input as {@link #addRelationship} would, without writing: the
     * converted properties, or the errors. For proposals, which are checked when made and again when confirmed.
     */
    Map<String, Object> checkRelationshipInput(Principal principal, RelationshipSpec spec, Map<String, Object> input,
                                               Set<String> structural, List<UserError> errors) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> properties = convert(spec.properties(), input, structural, problems);
        properties.values().removeIf(Objects::isNull);
        properties.remove("tenant");
        Values.checkValidity(properties, "input", problems);
        checkPropertyReferences(spec.properties(), properties, problems);
        if (input.get("key") instanceof String k && !k.isBlank() && relationshipExists(spec.type(), k.strip())) {
            problems.add(new Problem("input", "key", "DUPLICATE_KEY", "Schlüssel " + k + " ist bereits vergeben.",
                    "Key " + k + " is already taken."));
        }
        problems.stream().map(UserError::of).forEach(errors::add);
        if (errors.isEmpty()) {
            requireReadableProperties(principal, spec.properties(), properties);
        }
        return properties;
    }

    // ---------------------------------------------------------------- access and audit

    /** Link targets and referenced keys of a node write must be readable by the caller. */
    private void requireReadableReferences(Principal principal, NodeWrite write, List<PropertySpec> specs,
                                           Map<String, Object> properties, Map<String, Object> input) {
        for (InputLink link : write.links()) {
            access.requireReadable(principal, "input." + link.field(), link.targetLabel(), targets(input, link));
        }
        requireReadableProperties(principal, specs, properties);
    }

    private void requireReadableProperties(Principal principal, List<PropertySpec> specs, Map<String, Object> properties) {
        for (PropertySpec spec : specs) {
            Object value = properties.get(spec.name());
            if (spec.referencesNodes() && value != null) {
                List<String> keys = value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(value));
                access.requireReadable(principal, "input." + spec.name(), Objects.requireNonNull(spec.vocabulary()), keys);
            }
        }
    }

    private static InputLink providersLink(NodeWrite write) {
        return write.links().stream().filter(l -> l.type().equals("PROVIDES")).findFirst()
                .orElse(InputLink.in("providers", "PROVIDES", GraphSpec.ACTOR));
    }

    /** Writes the audit event of a change, in the transaction of the change. */
    void audit(Principal principal, Operation operation, String label, String key, @Nullable String tenant,
               List<Change> changes, @Nullable String comment) {
        AuditEvent event = new AuditEvent(principal.subject(), principal.actingRole().name(), tenant,
                principal.tenant(), operation, label, key, changes, null, normalised(comment));
        client.query(AuditEvent.CYPHER).bindAll(event.parameters()).run();
    }

    /** The comment of a mutation (why), at most {@link AuditEvent#MAX_COMMENT} characters. */
    static @Nullable UserError checkComment(@Nullable String comment) {
        String value = normalised(comment);
        if (value != null && value.length() > AuditEvent.MAX_COMMENT) {
            return new UserError("TOO_LONG", "comment", "Kommentar: höchstens " + AuditEvent.MAX_COMMENT
                    + " Zeichen erlaubt, " + value.length() + " angegeben.", "comment: at most "
                    + AuditEvent.MAX_COMMENT + " characters allowed, got " + value.length() + ".");
        }
        return null;
    }

    static @Nullable String normalised(@Nullable String comment) {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }

    static UserError notFound(String key) {
        return new UserError("NOT_FOUND", "key", "Kein Eintrag mit Schlüssel " + key + ".",
                "No record with key " + key + ".");
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

    /** Replaces the targets of the links named in the input; returns them as changes (sorted target keys). */
    private List<Change> applyLinks(NodeWrite write, String key, Map<String, Object> input) {
        LocalDate today = LocalDate.now();
        List<Change> changes = new ArrayList<>();
        for (InputLink link : write.links()) {
            if (!input.containsKey(link.field())) {
                continue;
            }
            String open = link.outgoing() ? "(n)-[r:`%s`]->(t:`%s`)" : "(n)<-[r:`%s`]-(t:`%s`)";
            List<String> before = List.copyOf(client.query("MATCH (n:`%s` {key: $key}) MATCH %s WHERE r.validTo IS NULL "
                    .formatted(write.label(), open.formatted(link.type(), link.targetLabel()))
                    + "RETURN DISTINCT t.key ORDER BY t.key").bind(key).to("key").fetchAs(String.class).all());
            List<String> after = targets(input, link).stream().sorted().toList();
            if (!before.equals(after)) {
                changes.add(link.single() ? new Change(link.field(), first(before), first(after))
                        : new Change(link.field(), before, after));
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
        return changes;
    }

    private static @Nullable String first(List<String> keys) {
        return keys.isEmpty() ? null : keys.getFirst();
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
                RETURN %s AS item""".formatted(union, LOCK_PROJECTION)).bind(key).to("key").fetch().one()
                .map(row -> cast(row.get("item"))).orElse(Map.of());
    }

    private static @Nullable UserError checkVersion(Map<String, Object> current, String key, long version) {
        if (current.isEmpty()) {
            return notFound(key);
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

    private static WriteResult failed(List<Problem> problems, @Nullable UserError more) {
        List<UserError> errors = new ArrayList<>(problems.stream().map(UserError::of).toList());
        if (more != null) {
            errors.add(more);
        }
        return WriteResult.failed(errors);
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
