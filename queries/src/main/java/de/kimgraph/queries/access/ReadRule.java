package de.kimgraph.queries.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a caller may read, as a predicate the database evaluates: a record (node or relationship) is readable
 * when its tenant is one the caller reads in full, or it is {@code PUBLISHED} and the caller reads published
 * data, or it belongs to the caller's own organisation (partners). Contact channels ({@code email},
 * {@code phone}) of a readable record are shown only when its tenant is one of {@link #contactTenants}.
 *
 * <p>The rule is compiled into Cypher with {@link #node(String)} / {@link #relationship(String)} and bound with
 * {@link #parameters()}; it is never applied by loading records and filtering them in Java.
 *
 * @param fullTenants tenants read in full (internal and published); {@code null} = all tenants
 * @param published whether published records of any tenant are readable
 * @param organisation key of the caller's own organisation (an Actor), whose own records it reads in full
 * @param contactTenants tenants whose contact channels are shown; {@code null} = all
 */
public record ReadRule(@Nullable List<String> fullTenants, boolean published, @Nullable String organisation,
        @Nullable List<String> contactTenants) {

    /** Reference data (areas, seeded vocabularies) is readable by everyone. */
    public static final String REFERENCE = "REFERENCE";

    /** Everything, contacts included: operations, and the service's own background work. */
    public static final ReadRule ALL = new ReadRule(null, true, null, null);

    /** Published data and reference data only, no contact channels. */
    public static final ReadRule PUBLIC = new ReadRule(List.of(REFERENCE), true, null, List.of());

    public static final String FULL_PARAMETER = "readFull";
    public static final String PUBLISHED_PARAMETER = "readPublished";
    public static final String ORGANISATION_PARAMETER = "readOrganisation";
    public static final String CONTACT_PARAMETER = "readContacts";

    /** Labels with contact channels ({@code email}, {@code phone}). */
    public static final Set<String> CONTACT_LABELS = Set.of("Actor", "Role");

    private static final Pattern PSEUDO_CALL = Pattern.compile("\\b(READABLE_REL|READABLE|CONTACTS)\\((\\w+)\\)");

    /** Whether this rule lets everything through (no predicate needed). */
    public boolean all() {
        return fullTenants == null;
    }

    /**
     * The Cypher predicate that node variable {@code n} is readable, for any rule (one query string for all
     * callers, the rule only in the parameters). The service's reads use the cheaper {@link #readable} of the
     * caller's rule instead.
     */
    public static String node(String n) {
        return ("($readFull IS NULL OR %1$s.tenant IN $readFull OR ($readPublished AND %1$s.visibility = 'PUBLISHED')"
                + " OR ($readOrganisation IS NOT NULL AND (%1$s.key = $readOrganisation"
                + " OR EXISTS { (%1$s)-[:HELD_IN|IN_UNIT]->(:Actor {key: $readOrganisation}) }"
                + " OR EXISTS { (%1$s)<-[:PROVIDES]-(:Actor {key: $readOrganisation}) })))").formatted(n);
    }

    /** The Cypher predicate that relationship variable {@code r} is readable. */
    public static String relationship(String r) {
        return ("($readFull IS NULL OR %1$s.tenant IN $readFull OR ($readPublished AND %1$s.visibility = 'PUBLISHED')"
                + " OR ($readOrganisation IS NOT NULL AND (startNode(%1$s).key = $readOrganisation"
                + " OR endNode(%1$s).key = $readOrganisation)))").formatted(r);
    }

    /** The Cypher expression of a contact property of {@code n}: its value, or null when not shown. */
    public static String contact(String n, String property) {
        return "CASE WHEN $readContacts IS NULL OR %1$s.tenant IN $readContacts THEN %1$s.`%2$s` END"
                .formatted(n, property);
    }

    /** The Cypher map-projection entries {@code email: …, phone: …} of {@code n}, masked by {@link #contact}. */
    public static String contacts(String n) {
        return "email: " + contact(n, "email") + ", phone: " + contact(n, "phone");
    }

    /**
     * Expands the pseudo-calls of Cypher kept in files: {@code READABLE(x)} to {@link #node(String) node("x")},
     * {@code READABLE_REL(r)} to {@link #relationship(String) relationship("r")} and, inside a map projection,
     * {@code CONTACTS(x)} to {@link #contacts(String) contacts("x")} ({@code a{.*, CONTACTS(a)}}). A pseudo-call
     * left unexpanded is a Cypher syntax error, so a forgotten expansion fails loudly instead of reading
     * everything.
     */
    public static String expand(String cypher) {
        return expand(cypher, ReadRule::node, ReadRule::relationship, ReadRule::contacts);
    }

    /** The map projection of all properties of node {@code n} with label {@code label}, contacts masked. */
    public static String projection(String label, String n) {
        return CONTACT_LABELS.contains(label) ? n + "{.*, " + contacts(n) + "}" : n + "{.*}";
    }

    // ---- compiled for this rule's shape: what the service runs

    /**
     * The shape of this rule: which parts of the predicate it needs (all tenants; published records; an own
     * organisation; all contacts). Rules of one shape share one query string, and with it one cached plan; the
     * values (tenants, organisation) stay parameters.
     */
    public String shape() {
        return (all() ? "A" : "T") + (published ? "P" : "") + (organisation != null ? "O" : "")
                + (contactTenants == null ? "C" : "");
    }

    /**
     * The predicate that node {@code n} is readable, with only the parts this rule needs: {@code true} for
     * {@link #ALL}, {@code (n.tenant IN $readFull OR n.visibility = 'PUBLISHED')} for a coordinator or the public,
     * and the own-organisation subqueries only for partners. The planner sees the cheaper predicate, and plans the
     * query faster, than with the generic {@link #node(String)}.
     */
    public String readable(String n) {
        if (all()) {
            return "true";
        }
        List<String> any = new ArrayList<>();
        any.add(n + ".tenant IN $readFull");
        if (published) {
            any.add(n + ".visibility = 'PUBLISHED'");
        }
        if (organisation != null) {
            any.add(("%1$s.key = $readOrganisation OR EXISTS { (%1$s)-[:HELD_IN|IN_UNIT]->(:Actor {key: $readOrganisation}) }"
                    + " OR EXISTS { (%1$s)<-[:PROVIDES]-(:Actor {key: $readOrganisation}) }").formatted(n));
        }
        return "(" + String.join(" OR ", any) + ")";
    }

    /** The predicate that relationship {@code r} is readable, for this rule's shape (see {@link #readable}). */
    public String readableRelationship(String r) {
        if (all()) {
            return "true";
        }
        List<String> any = new ArrayList<>();
        any.add(r + ".tenant IN $readFull");
        if (published) {
            any.add(r + ".visibility = 'PUBLISHED'");
        }
        if (organisation != null) {
            any.add("startNode(" + r + ").key = $readOrganisation OR endNode(" + r + ").key = $readOrganisation");
        }
        return "(" + String.join(" OR ", any) + ")";
    }

    /** A contact property of {@code n} for this rule's shape: the property, or masked outside the contact tenants. */
    public String contactOf(String n, String property) {
        return contactTenants == null ? "%1$s.`%2$s`".formatted(n, property)
                : "CASE WHEN %1$s.tenant IN $readContacts THEN %1$s.`%2$s` END".formatted(n, property);
    }

    /** The map-projection entries {@code email: …, phone: …} of {@code n} for this rule's shape. */
    public String contactsOf(String n) {
        return "email: " + contactOf(n, "email") + ", phone: " + contactOf(n, "phone");
    }

    /** The map projection of node {@code n} with label {@code label} for this rule's shape. */
    public String projectionOf(String label, String n) {
        return CONTACT_LABELS.contains(label) ? n + "{.*, " + contactsOf(n) + "}" : n + "{.*}";
    }

    /** Expands the pseudo-calls like {@link #expand}, but for this rule's shape. */
    public String compile(String cypher) {
        return expand(cypher, this::readable, this::readableRelationship, this::contactsOf);
    }

    private static String expand(String cypher, UnaryOperator<String> node, UnaryOperator<String> relationship,
            UnaryOperator<String> contacts) {
        Matcher matcher = PSEUDO_CALL.matcher(cypher);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(2);
            String replacement = switch (matcher.group(1)) {
                case "READABLE" -> node.apply(variable);
                case "READABLE_REL" -> relationship.apply(variable);
                default -> contacts.apply(variable);
            };
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(FULL_PARAMETER, fullTenants);
        parameters.put(PUBLISHED_PARAMETER, published);
        parameters.put(ORGANISATION_PARAMETER, organisation);
        parameters.put(CONTACT_PARAMETER, contactTenants);
        return parameters;
    }

    /** What either rule allows (a token with several roles reads what any of them reads). */
    public ReadRule union(ReadRule other) {
        return new ReadRule(unite(fullTenants, other.fullTenants), published || other.published,
                organisation != null ? organisation : other.organisation, unite(contactTenants, other.contactTenants));
    }

    private static @Nullable List<String> unite(@Nullable List<String> a, @Nullable List<String> b) {
        if (a == null || b == null) {
            return null;
        }
        Set<String> united = new LinkedHashSet<>(a);
        united.addAll(b);
        return new ArrayList<>(united);
    }
}
