package de.kimgraph.queries.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import de.kimgraph.model.audit.AuditEvent;
import de.kimgraph.model.audit.AuditEvent.Change;
import de.kimgraph.model.audit.AuditEvent.Operation;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.RelationshipSpec;
import de.kimgraph.queries.access.AccessDenied;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relations between actors that one side proposes and the other confirms. A partner may not write relations to
 * other organisations directly; it proposes one ({@code :Proposal}, status {@code OPEN}), and a partner whose
 * organisation is the {@code to} actor, or a coordinator of that actor's tenant, confirms or rejects it.
 * Confirming adds the relationship through {@link GraphWriter}'s add path (validated again at that moment), owned
 * by the proposer's tenant. A proposal is a node holding the two actor keys as properties, not a relationship, so
 * the analytics, which read relationships, never count an unconfirmed relation.
 */
@Component
@Transactional
public class ProposalWriter {

    public static final String LABEL = "Proposal";
    private static final Set<String> ENDS = Set.of("type", "from", "to");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Neo4jClient client;
    private final GraphWriter writer;
    private final WriteAccess access;

    public ProposalWriter(Neo4jClient client, GraphWriter writer) {
        this.client = client;
        this.writer = writer;
        this.access = new WriteAccess(client);
    }

    /** Proposes the relation {@code input} (a RelationInput) from an actor the caller writes to one it reads. */
    public ProposalResult propose(Principal principal, Map<String, Object> input, @Nullable String comment) {
        WriteAccess.requireWriter(principal);
        List<UserError> errors = new ArrayList<>();
        Object type = input.get("type");
        if (!(type instanceof String t) || !GraphSpec.ACTOR_RELATION_TYPES.contains(t)) {
            return ProposalResult.failed(new UserError("REQUIRED", "input.type", "Pflichtfeld type fehlt.",
                    "Required field type is missing."));
        }
        String from = input.get("from") instanceof String f && !f.isBlank() ? f : null;
        String to = input.get("to") instanceof String s && !s.isBlank() ? s : null;
        String fromTenant = from == null ? null : access.tenantOf(GraphSpec.ACTOR, from);
        String toTenant = to == null ? null : access.tenantOf(GraphSpec.ACTOR, to);
        endpoint(errors, "from", from, fromTenant);
        endpoint(errors, "to", to, toTenant);
        if (!errors.isEmpty()) {
            return ProposalResult.failed(errors);
        }
        if (!Objects.equals(principal.partnerOf(), from) && !principal.writesTenant(fromTenant)) {
            throw WriteAccess.noWrite(GraphSpec.ACTOR, Objects.requireNonNull(from));
        }
        access.requireReadable(principal, "input.to", GraphSpec.ACTOR, List.of(Objects.requireNonNull(to)));
        RelationshipSpec spec = GraphSpec.relationships(t).getFirst();
        Map<String, Object> properties = writer.checkRelationshipInput(principal, spec, input, ENDS, errors);
        UserError badComment = GraphWriter.checkComment(comment);
        if (badComment != null) {
            errors.add(badComment);
        }
        if (!errors.isEmpty()) {
            return ProposalResult.failed(errors);
        }
        String key = "proposal-" + UUID.randomUUID();
        String relationKey = input.get("key") instanceof String k && !k.isBlank() ? k.strip() : UUID.randomUUID().toString();
        Map<String, Object> plain = new LinkedHashMap<>();
        properties.forEach((name, value) -> plain.put(name, AuditEvent.plain(value)));
        Map<String, Object> proposal = new HashMap<>();
        proposal.put("key", key);
        proposal.put("type", t);
        proposal.put("from", from);
        proposal.put("to", to);
        proposal.put("relationKey", relationKey);
        proposal.put("properties", JSON.writeValueAsString(plain));
        proposal.put("status", "OPEN");
        proposal.put("tenant", fromTenant);
        proposal.put("toTenant", toTenant);
        proposal.put("proposer", principal.subject());
        proposal.put("proposerRole", principal.actingRole().name());
        String note = GraphWriter.normalised(comment);
        if (note != null) {
            proposal.put("comment", note);
        }
        client.query("CREATE (p:Proposal) SET p = $proposal, p.createdAt = datetime(), p.version = 1")
                .bind(proposal).to("proposal").run();
        Map<String, Object> audited = new HashMap<>(plain);
        audited.putAll(Map.of("type", t, "from", from, "to", to, "status", "OPEN", "relationKey", relationKey));
        writer.audit(principal, Operation.PROPOSE, LABEL, key, fromTenant, AuditEvent.created(audited, Set.of()), comment);
        return new ProposalResult(read(key), null, List.of());
    }

    /** Confirms an open proposal: adds the relation (owned by the proposer's tenant) and closes the proposal. */
    public ProposalResult confirm(Principal principal, String key, @Nullable String comment) {
        return decide(principal, key, comment, true);
    }

    /** Rejects an open proposal; nothing but the proposal changes. */
    public ProposalResult reject(Principal principal, String key, @Nullable String comment) {
        return decide(principal, key, comment, false);
    }

    private ProposalResult decide(Principal principal, String key, @Nullable String comment, boolean confirm) {
        WriteAccess.requireWriter(principal);
        Map<String, Object> proposal = client.query("""
                MATCH (p:Proposal {key: $key})
                SET p._lock = true REMOVE p._lock
                RETURN p{.*} AS item""").bind(key).to("key").fetch().one()
                .map(row -> cast(row.get("item"))).orElse(Map.of());
        if (proposal.isEmpty()) {
            return ProposalResult.failed(GraphWriter.notFound(key));
        }
        String to = (String) proposal.get("to");
        String toTenant = (String) proposal.get("toTenant");
        if (!principal.has(AccessRole.ADMIN) && !to.equals(principal.partnerOf()) && !principal.writesTenant(toTenant)) {
            throw new AccessDenied("Nur die angefragte Seite (" + to + " oder die Koordination ihres Mandanten) "
                    + "bestätigt oder lehnt diesen Vorschlag ab.", "Only the side asked (" + to
                    + " or the coordination of its tenant) confirms or rejects this proposal.");
        }
        if (!"OPEN".equals(proposal.get("status"))) {
            return ProposalResult.failed(new UserError("PROPOSAL_DECIDED", "key",
                    "Über den Vorschlag " + key + " wurde bereits entschieden (" + proposal.get("status") + ").",
                    "Proposal " + key + " was already decided (" + proposal.get("status") + ")."));
        }
        UserError badComment = GraphWriter.checkComment(comment);
        if (badComment != null) {
            return ProposalResult.failed(badComment);
        }
        Map<String, Object> relation = null;
        String status = confirm ? "CONFIRMED" : "REJECTED";
        if (confirm) {
            Map<String, Object> input = new HashMap<>(parse((String) proposal.get("properties")));
            input.put("type", proposal.get("type"));
            input.put("from", proposal.get("from"));
            input.put("to", to);
            input.put("key", proposal.get("relationKey"));
            RelationshipSpec spec = GraphSpec.relationships((String) proposal.get("type")).getFirst();
            WriteResult added = writer.addRelationship(principal, spec, "from", "to", input, ENDS, comment,
                    Objects.requireNonNull((String) proposal.get("tenant")));
            if (!added.errors().isEmpty()) {
                return ProposalResult.failed(added.errors());
            }
            relation = added.record();
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("key", key);
        parameters.put("status", status);
        parameters.put("by", principal.subject());
        parameters.put("role", principal.actingRole().name());
        parameters.put("comment", GraphWriter.normalised(comment));
        client.query("""
                MATCH (p:Proposal {key: $key})
                SET p.status = $status, p.decidedBy = $by, p.decidedRole = $role, p.decidedAt = datetime(),
                    p.decisionComment = $comment, p.version = p.version + 1""").bindAll(parameters).run();
        List<Change> changes = new ArrayList<>(List.of(new Change("status", "OPEN", status)));
        if (relation != null) {
            changes.add(new Change("relation", null, relation.get("key")));
        }
        writer.audit(principal, confirm ? Operation.CONFIRM : Operation.REJECT, LABEL, key, toTenant, changes, comment);
        return new ProposalResult(read(key), relation, List.of());
    }

    private static void endpoint(List<UserError> errors, String field, @Nullable String key, @Nullable String tenant) {
        if (key == null) {
            errors.add(new UserError("REQUIRED", "input." + field, "Pflichtfeld " + field + " fehlt.",
                    "Required field " + field + " is missing."));
        } else if (tenant == null) {
            errors.add(new UserError("UNKNOWN_REFERENCE", "input." + field, "Unbekannter Eintrag Actor '" + key + "'.",
                    "Unknown Actor '" + key + "'."));
        }
    }

    private Map<String, Object> read(String key) {
        return client.query("MATCH (p:Proposal {key: $key}) RETURN p{.*} AS item").bind(key).to("key").fetch().one()
                .map(row -> cast(row.get("item"))).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(@Nullable String json) {
        return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, LinkedHashMap.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
