package de.kimgraph.model.spec;

import static de.kimgraph.model.spec.PropertySpec.bool;
import static de.kimgraph.model.spec.PropertySpec.date;
import static de.kimgraph.model.spec.PropertySpec.decimal;
import static de.kimgraph.model.spec.PropertySpec.integer;
import static de.kimgraph.model.spec.PropertySpec.key;
import static de.kimgraph.model.spec.PropertySpec.keys;
import static de.kimgraph.model.spec.PropertySpec.string;
import static de.kimgraph.model.spec.PropertySpec.strings;
import static de.kimgraph.model.spec.PropertySpec.term;
import static de.kimgraph.model.spec.PropertySpec.terms;
import static de.kimgraph.model.spec.PropertySpec.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The graph model of kim-graph (MODEL.md explains it): every label, property and relationship type. The
 * dataset loader, the migrations test and the GraphQL contract test are all checked against this one list.
 */
public final class GraphSpec {

    public static final String AREA = "Area";
    public static final String ACTOR = "Actor";
    public static final String ROLE = "Role";
    public static final String BODY = "Body";
    public static final String SERVICE = "Service";
    public static final String PROGRAMME = "FundingProgramme";
    public static final String REQUIREMENT = "Requirement";
    public static final String POSITION = "Position";
    public static final String AGREEMENT = "Agreement";
    public static final String FIELD = "FieldOfAction";
    public static final String TARGET_GROUP = "TargetGroup";
    public static final String LEGAL_DOMAIN = "LegalDomain";
    public static final String RESIDENCE_STATUS = "ResidenceStatus";

    /** Tenant of shared reference data (NRW areas, seeded vocabularies). */
    public static final String REFERENCE_TENANT = "REFERENCE";

    /** The relationship types between actors that the API handles as "relations". */
    public static final List<String> ACTOR_RELATION_TYPES =
            List.of("COOPERATES_WITH", "REFERS_TO", "COMMISSIONS", "CO_FINANCES", "SUPERVISES", "HANDS_OVER_TO");

    private static final List<PropertySpec> COMMON_NODE = List.of(
            string("key").asRequired(), string("tenant").asRequired(), date("validFrom"), date("validTo"),
            string("source"), date("lastVerified"), term("visibility", "Visibility"), integer("version"));

    private static final List<PropertySpec> COMMON_RELATIONSHIP = List.of(
            string("tenant"), date("validFrom"), date("validTo"), string("source"), date("lastVerified"),
            term("visibility", "Visibility"), integer("version"));

    private static final Map<String, NodeSpec> NODES = new LinkedHashMap<>();
    private static final List<RelationshipSpec> RELATIONSHIPS = new ArrayList<>();

    static {
        node(AREA, string("ars").asRequired(), string("ags"), string("name").asRequired(),
                term("level", "AreaLevel").asRequired(), string("country"), integer("population"),
                integer("foreignPopulation"), bool("municipality"), strings("requestedLanguages"));
        node(ACTOR, string("name").asRequired(), term("kind", "ActorKind").asRequired(), term("sector", "Sector"),
                term("level", "ActorLevel"), strings("identifiers"), string("address"), string("email"),
                string("phone"), string("website"), text("description"));
        node(ROLE, string("title").asRequired(), string("email"), string("phone"));
        node(BODY, string("name").asRequired(), term("type", "BodyType").asRequired(), term("scope", "BodyScope"),
                term("status", "BodyStatus"), term("meetingFrequency", "MeetingFrequency"),
                terms("hierarchyLevels", "HierarchyLevel"), bool("rulesOfProcedure"), string("leadership"),
                text("description"));
        node(SERVICE, string("name").asRequired(), term("form", "ServiceForm").asRequired(), strings("languages"),
                integer("capacity"), integer("minAge"), integer("maxAge"),
                keys("eligibleStatuses", RESIDENCE_STATUS), bool("timeLimited"), text("description"));
        node(PROGRAMME, string("name").asRequired(), term("funderLevel", "FunderLevel"), string("legalBasis"),
                term("renewal", "Renewal"), date("periodEnd"), text("caps"));
        node(REQUIREMENT, term("kind", "RequirementKind").asRequired(), text("description"));
        node(POSITION, string("title").asRequired(), decimal("fte"), term("function", "PositionFunction").asRequired(),
                bool("permanent"), date("contractEnd"));
        node(AGREEMENT, string("title").asRequired(), term("kind", "AgreementKind").asRequired(), text("description"));
        node(FIELD, string("labelDe").asRequired(), string("labelEn"), bool("kgst"));
        node(TARGET_GROUP, string("labelDe").asRequired(), string("labelEn"), integer("minAge"), integer("maxAge"),
                keys("statuses", RESIDENCE_STATUS));
        node(LEGAL_DOMAIN, string("labelDe").asRequired(), string("labelEn"));
        node(RESIDENCE_STATUS, string("labelDe").asRequired(), string("labelEn"));

        link("PART_OF", AREA, AREA);
        link("PART_OF", ACTOR, ACTOR);
        link("PART_OF", FIELD, FIELD);
        link("BASED_IN", ACTOR, AREA);
        link("WORKS_UNDER", ACTOR, LEGAL_DOMAIN);
        link("HELD_IN", ROLE, ACTOR);
        keyed("MEMBER_OF", ACTOR, BODY, term("role", "MembershipRole"), term("hierarchyLevel", "HierarchyLevel"),
                key("onBehalfOf", ACTOR));
        for (String type : List.of("MANDATES", "FEEDS_INTO", "DOCKS_ONTO", "REPLACES")) {
            link(type, BODY, BODY);
        }
        link("ADDRESSES", BODY, FIELD);
        link("COVERS", BODY, AREA);
        link("PROVIDES", ACTOR, SERVICE);
        link("IN_FIELD", SERVICE, FIELD);
        link("FOR_GROUP", SERVICE, TARGET_GROUP);
        link("SERVES", SERVICE, AREA);
        link("UNDER", SERVICE, LEGAL_DOMAIN);
        keyed("FUNDED_BY", SERVICE, PROGRAMME, decimal("share"));
        keyed("FUNDED_BY", POSITION, PROGRAMME, decimal("share"));
        link("FUNDS", ACTOR, PROGRAMME);
        keyed("GRANTS", PROGRAMME, ACTOR, decimal("amount"));
        keyed("PASSES_ON", ACTOR, ACTOR, key("programme", PROGRAMME), decimal("amount"));
        link("REQUIRES", PROGRAMME, REQUIREMENT);
        link("CONCERNS", REQUIREMENT, PROGRAMME);
        link("IN_UNIT", POSITION, ACTOR);
        link("PARTY_TO", ACTOR, AGREEMENT);
        link("GOVERNS", AGREEMENT, BODY);
        link("GOVERNS", AGREEMENT, SERVICE);
        link("ADJACENT_TO", LEGAL_DOMAIN, LEGAL_DOMAIN);
        for (String type : List.of("COOPERATES_WITH", "REFERS_TO", "COMMISSIONS", "CO_FINANCES")) {
            keyed(type, ACTOR, ACTOR, key("agreement", AGREEMENT));
        }
        keyed("SUPERVISES", ACTOR, ACTOR, key("agreement", AGREEMENT), term("kind", "SupervisionKind"));
        keyed("HANDS_OVER_TO", ACTOR, ACTOR, key("agreement", AGREEMENT), key("fromDomain", LEGAL_DOMAIN),
                key("toDomain", LEGAL_DOMAIN), string("trigger"), term("medium", "HandoverMedium"),
                bool("namedContact"));
    }

    private GraphSpec() {
    }

    private static void node(String label, PropertySpec... own) {
        NODES.put(label, new NodeSpec(label, Stream.concat(COMMON_NODE.stream(), Stream.of(own)).toList()));
    }

    private static void link(String type, String from, String to) {
        RELATIONSHIPS.add(new RelationshipSpec(type, from, to, false, COMMON_RELATIONSHIP));
    }

    private static void keyed(String type, String from, String to, PropertySpec... own) {
        List<PropertySpec> properties = Stream.of(Stream.of(string("key").asRequired()), COMMON_RELATIONSHIP.stream(),
                Stream.of(own)).flatMap(s -> s).toList();
        RELATIONSHIPS.add(new RelationshipSpec(type, from, to, true, properties));
    }

    public static List<NodeSpec> nodes() {
        return List.copyOf(NODES.values());
    }

    public static NodeSpec node(String label) {
        NodeSpec spec = NODES.get(label);
        if (spec == null) {
            throw new NoSuchElementException("Unknown label " + label);
        }
        return spec;
    }

    public static boolean hasNode(String label) {
        return NODES.containsKey(label);
    }

    public static List<RelationshipSpec> relationships() {
        return List.copyOf(RELATIONSHIPS);
    }

    /** All endpoint pairs of one type, the default (first) pair first. */
    public static List<RelationshipSpec> relationships(String type) {
        return RELATIONSHIPS.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The relationship types whose relationships carry their own key. */
    public static Set<String> keyedTypes() {
        return RELATIONSHIPS.stream().filter(RelationshipSpec::keyed).map(RelationshipSpec::type)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Labels of the seeded vocabularies, stored as nodes. */
    public static List<String> vocabularyLabels() {
        return List.of(FIELD, TARGET_GROUP, LEGAL_DOMAIN, RESIDENCE_STATUS);
    }
}
