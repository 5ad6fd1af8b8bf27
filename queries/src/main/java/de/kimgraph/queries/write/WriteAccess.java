package de.kimgraph.queries.write;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.queries.access.AccessDenied;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import de.kimgraph.queries.access.ReadRule;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The write rules, asked inside the write transaction after the record's lock is taken, so that the answer holds
 * for the change that follows: {@code ADMIN} writes everything, a {@code COORDINATOR} the records of its tenant, a
 * {@code PARTNER} its own organisation's profile, the services it provides and its memberships; every other role
 * nothing. Records a write points at (link targets, the other end of a relationship, referenced keys) must be
 * readable by the caller, which the database decides with the caller's {@link ReadRule}. A denial throws
 * {@link AccessDenied}, which rolls the transaction back.
 */
final class WriteAccess {

    /** Why a caller may write a record: as owner of its tenant (or ADMIN), or as the partner organisation. */
    enum Authority { FULL, PARTNER }

    /** What a partner may change on its own Actor: the profile, not how the Kreis classifies or publishes it. */
    static final Set<String> PARTNER_ACTOR_FIELDS = Set.of("name", "sector", "identifiers", "address", "email",
            "phone", "website", "description", "lastVerified", "basedIn", "legalDomains");

    /** What a partner may not set on its services and memberships: ownership and publication stay with the Kreis. */
    static final Set<String> PARTNER_FORBIDDEN_FIELDS = Set.of("tenant", "visibility");

    private final Neo4jClient client;

    WriteAccess(Neo4jClient client) {
        this.client = client;
    }

    static void requireWriter(Principal principal) {
        if (!principal.writes()) {
            throw new AccessDenied("Die Rolle " + principal.actingRole().labelDe() + " darf keine Daten ändern.",
                    "The role " + principal.actingRole() + " may not change any data.");
        }
    }

    /**
     * The tenant a new node belongs to: the caller's own ({@code ADMIN}: any, given in the input; a partner: its
     * organisation's). Only {@code ADMIN} and coordinators create anything but services; a partner's service must
     * name the partner among its providers.
     */
    @Nullable String creationTenant(Principal principal, String label, Map<String, Object> input, InputLink providers) {
        Object given = input.get("tenant");
        if (principal.has(AccessRole.ADMIN)) {
            return given instanceof String t && !t.isBlank() ? t : principal.tenant();
        }
        if (principal.has(AccessRole.COORDINATOR) && principal.tenant() != null) {
            if (given != null && !principal.tenant().equals(given)) {
                throw new AccessDenied("Neue Einträge gehören zum eigenen Mandanten " + principal.tenant() + ", nicht zu "
                        + given + " (Feld input.tenant).", "New records belong to the caller's own tenant "
                        + principal.tenant() + ", not to " + given + " (field input.tenant).");
            }
            return principal.tenant();
        }
        String organisation = principal.partnerOf();
        if (organisation == null) {
            throw new AccessDenied("Das Token nennt keinen Mandanten; ohne Mandant legt nur der Betrieb Einträge an.",
                    "The token names no tenant; without a tenant only operations (ADMIN) create records.");
        }
        if (!label.equals(GraphSpec.SERVICE)) {
            throw new AccessDenied("Partnerorganisationen legen nur eigene Angebote an, keine Einträge vom Typ " + label + ".",
                    "Partner organisations only create their own services, not records of type " + label + ".");
        }
        partnerFields(label, input);
        requireProvider(organisation, input, providers, true);
        return tenantOf(GraphSpec.ACTOR, organisation);
    }

    /** Whether and why the caller may change the node {@code current} (locked) of {@code label}. */
    Authority node(Principal principal, String label, Map<String, Object> current) {
        String key = (String) current.get("key");
        if (principal.writesTenant((String) current.get("tenant"))) {
            return Authority.FULL;
        }
        String organisation = principal.partnerOf();
        if (organisation != null) {
            if (label.equals(GraphSpec.ACTOR) && organisation.equals(key)) {
                return Authority.PARTNER;
            }
            if (label.equals(GraphSpec.SERVICE) && provides(organisation, key)) {
                return Authority.PARTNER;
            }
        }
        throw noWrite(label, key);
    }

    /**
     * Whether and why the caller may change the relationship {@code current} (locked, with the tenants of its
     * ends): its own tenant's or its from-node's, for memberships also the body's (the body's owner decides who
     * sits in it); a partner only its own organisation's memberships.
     */
    Authority relationship(Principal principal, Map<String, Object> current) {
        String type = (String) current.get("type");
        String key = (String) current.get("key");
        if (principal.writesTenant((String) current.get("tenant"))
                || principal.writesTenant((String) current.get("_fromTenant"))
                || (type.equals("MEMBER_OF") && principal.writesTenant((String) current.get("_toTenant")))) {
            return Authority.FULL;
        }
        String organisation = principal.partnerOf();
        if (organisation != null && type.equals("MEMBER_OF") && organisation.equals(current.get("_from"))) {
            return Authority.PARTNER;
        }
        throw noWrite(type, key);
    }

    /**
     * Checks a new relationship of {@code type} between existing nodes: the caller writes the from-node and reads
     * the to-node (memberships: or writes the body and reads the actor); a partner adds only memberships of its
     * own organisation. Returns how.
     */
    Authority newRelationship(Principal principal, String type, String fromLabel, String from, String fromField,
                              String toLabel, String to, String toField) {
        String organisation = principal.partnerOf();
        boolean full = principal.has(AccessRole.ADMIN) || principal.has(AccessRole.COORDINATOR);
        if (!full) {
            if (organisation == null || !type.equals("MEMBER_OF") || !organisation.equals(from)) {
                throw partnerRelationship();
            }
            requireReadable(principal, toField, toLabel, List.of(to));
            return Authority.PARTNER;
        }
        if (principal.writesTenant(tenantOf(fromLabel, from))) {
            requireReadable(principal, toField, toLabel, List.of(to));
            return Authority.FULL;
        }
        if (type.equals("MEMBER_OF") && principal.writesTenant(tenantOf(toLabel, to))) {
            requireReadable(principal, fromField, fromLabel, List.of(from));
            return Authority.FULL;
        }
        throw noWrite(fromLabel, from);
    }

    /** A partner may change only the profile fields of its own Actor, and not ownership or publication elsewhere. */
    static void partnerFields(String label, Map<String, Object> input) {
        for (String field : input.keySet()) {
            boolean allowed = label.equals(GraphSpec.ACTOR) ? PARTNER_ACTOR_FIELDS.contains(field) || field.equals("key")
                    : !PARTNER_FORBIDDEN_FIELDS.contains(field);
            if (!allowed) {
                throw new AccessDenied("Partnerorganisationen dürfen das Feld input." + field + " nicht setzen.",
                        "Partner organisations may not set the field input." + field + ".");
            }
        }
    }

    /** A partner's service keeps the partner among its providers (required when creating). */
    static void requireProvider(String organisation, Map<String, Object> input, InputLink providers, boolean creating) {
        if (!creating && !input.containsKey(providers.field())) {
            return;
        }
        Object value = input.get(providers.field());
        boolean named = value instanceof Collection<?> c && c.stream().map(String::valueOf).anyMatch(organisation::equals);
        if (!named) {
            throw new AccessDenied("Das Angebot muss die eigene Organisation " + organisation
                    + " als Anbieter nennen (Feld input." + providers.field() + ").", "The service must name the caller's "
                    + "own organisation " + organisation + " as provider (field input." + providers.field() + ").");
        }
    }

    /** Every one of {@code keys} (existing records of {@code label}) must be readable by the caller. */
    void requireReadable(Principal principal, String field, String label, Collection<String> keys) {
        ReadRule rule = principal.readRule();
        if (rule.all() || keys.isEmpty()) {
            return;
        }
        Map<String, Object> parameters = new HashMap<>(rule.parameters());
        parameters.put("keys", List.copyOf(keys));
        Collection<String> hidden = client.query("MATCH (n:`%s`) WHERE n.key IN $keys AND NOT %s RETURN n.key"
                .formatted(label, ReadRule.node("n"))).bindAll(parameters).fetchAs(String.class).all();
        if (!hidden.isEmpty()) {
            String which = String.join(", ", hidden.stream().sorted().toList());
            throw new AccessDenied("Kein Leserecht für " + label + " " + which + " (Feld " + field + ").",
                    "No read access to " + label + " " + which + " (field " + field + ").");
        }
    }

    @Nullable String tenantOf(String label, String key) {
        return client.query("MATCH (n:`%s` {key: $key}) RETURN n.tenant".formatted(label)).bind(key).to("key")
                .fetchAs(String.class).one().orElse(null);
    }

    private boolean provides(String organisation, String service) {
        return client.query("""
                MATCH (:Actor {key: $organisation})-[r:PROVIDES]->(:Service {key: $service})
                WHERE r.validTo IS NULL OR r.validTo >= date()
                RETURN count(r) > 0""").bindAll(Map.of("organisation", organisation, "service", service))
                .fetchAs(Boolean.class).one().orElse(false);
    }

    static AccessDenied partnerRelationship() {
        return new AccessDenied("Partnerorganisationen fügen nur Mitgliedschaften der eigenen Organisation hinzu; "
                + "Beziehungen zu anderen Akteuren schlagen sie vor (proposeRelation).",
                "Partner organisations only add memberships of their own organisation; relations to other actors "
                        + "they propose (proposeRelation).");
    }

    static AccessDenied noWrite(String label, String key) {
        return new AccessDenied("Kein Schreibrecht für " + label + " " + key
                + ": der Eintrag gehört einem anderen Mandanten oder einer anderen Organisation.",
                "No write access to " + label + " " + key + ": the record belongs to another tenant or organisation.");
    }
}
