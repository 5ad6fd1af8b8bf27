package de.kimgraph.queries.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The entity types, nested links and references of the GraphQL contract, with the Cypher behind each. The
 * contract test checks that every field in the schema is either a stored property or listed here. Filter
 * predicates that pass through other records apply the caller's read rule to them ({@code READABLE(x)}, expanded
 * by {@link Filters}), so that a filter cannot reveal what the caller may not read.
 */
public final class Catalog {

    private static final String IN_AREA = "(:Area)-[:PART_OF*0..]->(:Area {key: $area})";
    private static final String IN_FIELD = "(:FieldOfAction)-[:PART_OF*0..]->(:FieldOfAction {key: $field})";

    public static final EntityType ACTOR = new EntityType("Actor", "Actor", "actor", "actors", "kind", "ActorKind",
            filters(
                    "area", "EXISTS { (n)-[:BASED_IN]->" + IN_AREA + " }",
                    "field", "(EXISTS { (n)-[:PROVIDES]->(fs:Service)-[:IN_FIELD]->" + IN_FIELD + " WHERE READABLE(fs) }"
                            + " OR EXISTS { (n)-[fm:MEMBER_OF]->(fb:Body)-[:ADDRESSES]->" + IN_FIELD
                            + " WHERE READABLE_REL(fm) AND READABLE(fb) })",
                    "targetGroup", "EXISTS { (n)-[:PROVIDES]->(fs:Service)-[:FOR_GROUP]->(:TargetGroup {key: $targetGroup})"
                            + " WHERE READABLE(fs) }",
                    "legalDomain", "(EXISTS { (n)-[:WORKS_UNDER]->(:LegalDomain {key: $legalDomain}) }"
                            + " OR EXISTS { (n)-[:PROVIDES]->(fs:Service)-[:UNDER]->(:LegalDomain {key: $legalDomain})"
                            + " WHERE READABLE(fs) })",
                    "kind", "n.kind = $kind"));
    public static final EntityType ROLE = new EntityType("Role", "Role", "role", "roles", null, null,
            filters("area", "EXISTS { (n)-[:HELD_IN]->(fa:Actor)-[:BASED_IN]->" + IN_AREA + " WHERE READABLE(fa) }"));
    public static final EntityType BODY = new EntityType("Body", "Body", "body", "bodies", "type", "BodyType",
            filters(
                    "area", "EXISTS { (n)-[:COVERS]->" + IN_AREA + " }",
                    "field", "EXISTS { (n)-[:ADDRESSES]->" + IN_FIELD + " }",
                    "kind", "n.type = $kind"));
    public static final EntityType SERVICE = new EntityType("Service", "Service", "service", "services", "form",
            "ServiceForm", filters(
                    "area", "EXISTS { (n)-[:SERVES]->" + IN_AREA + " }",
                    "field", "EXISTS { (n)-[:IN_FIELD]->" + IN_FIELD + " }",
                    "targetGroup", "EXISTS { (n)-[:FOR_GROUP]->(:TargetGroup {key: $targetGroup}) }",
                    "legalDomain", "EXISTS { (n)-[:UNDER]->(:LegalDomain {key: $legalDomain}) }",
                    "kind", "n.form = $kind"));
    public static final EntityType PROGRAMME = new EntityType("FundingProgramme", "FundingProgramme",
            "fundingProgramme", "fundingProgrammes", "funderLevel", "FunderLevel", filters(
                    "area", "EXISTS { (n)-[fg:GRANTS]->(fa:Actor)-[:BASED_IN]->" + IN_AREA
                            + " WHERE READABLE_REL(fg) AND READABLE(fa) }",
                    "field", "EXISTS { (n)<-[ff:FUNDED_BY]-(fs:Service)-[:IN_FIELD]->" + IN_FIELD
                            + " WHERE READABLE_REL(ff) AND READABLE(fs) }",
                    "kind", "n.funderLevel = $kind"));
    public static final EntityType POSITION = new EntityType("Position", "Position", "position", "positions",
            "function", "PositionFunction", filters(
                    "area", "EXISTS { (n)-[:IN_UNIT]->(fa:Actor)-[:BASED_IN]->" + IN_AREA + " WHERE READABLE(fa) }",
                    "kind", "n.function = $kind"));
    public static final EntityType AGREEMENT = new EntityType("Agreement", "Agreement", "agreement", "agreements",
            "kind", "AgreementKind", filters(
                    "area", "EXISTS { (n)<-[:PARTY_TO]-(fa:Actor)-[:BASED_IN]->" + IN_AREA + " WHERE READABLE(fa) }",
                    "kind", "n.kind = $kind"));
    public static final EntityType AREA = new EntityType("Area", "Area", "area", "areas", "level", "AreaLevel",
            filters(
                    "within", "EXISTS { (n)-[:PART_OF*0..]->(:Area {key: $within}) }",
                    "level", "n.level = $level",
                    "municipality", "coalesce(n.municipality, false) = $municipality"));

    /** The paginated entity types, in schema order. */
    public static final List<EntityType> PAGED = List.of(AREA, ACTOR, ROLE, BODY, SERVICE, PROGRAMME, POSITION,
            AGREEMENT);

    /** Vocabulary lists at the root: field name to label. */
    public static final Map<String, String> VOCABULARY_FIELDS = Map.of("fieldsOfAction", "FieldOfAction",
            "targetGroups", "TargetGroup", "legalDomains", "LegalDomain", "residenceStatuses", "ResidenceStatus");

    private static final String RELATIONS = "COOPERATES_WITH|REFERS_TO|COMMISSIONS|CO_FINANCES|SUPERVISES|HANDS_OVER_TO";

    public static final List<Link> LINKS = List.of(
            one("Area", "parent", "(o)-[r:PART_OF]->(t:Area)"),
            many("Area", "children", "(o)<-[r:PART_OF]-(t:Area)"),
            one("Actor", "parent", "(o)-[r:PART_OF]->(t:Actor)"),
            many("Actor", "units", "(o)<-[r:PART_OF]-(t:Actor)"),
            many("Actor", "basedIn", "(o)-[r:BASED_IN]->(t:Area)"),
            many("Actor", "legalDomains", "(o)-[r:WORKS_UNDER]->(t:LegalDomain)"),
            many("Actor", "roles", "(o)<-[r:HELD_IN]-(t:Role)"),
            rels("Actor", "memberships", "(o)-[r:MEMBER_OF]->(t:Body)"),
            many("Actor", "services", "(o)-[r:PROVIDES]->(t:Service)"),
            many("Actor", "positions", "(o)<-[r:IN_UNIT]-(t:Position)"),
            many("Actor", "agreements", "(o)-[r:PARTY_TO]->(t:Agreement)"),
            rels("Actor", "relations", "(o)-[r:" + RELATIONS + "]-(t:Actor)"),
            rels("Actor", "grants", "(o)<-[r:GRANTS]-(t:FundingProgramme)"),
            many("Actor", "funds", "(o)-[r:FUNDS]->(t:FundingProgramme)"),
            one("Role", "actor", "(o)-[r:HELD_IN]->(t:Actor)"),
            rels("Body", "members", "(o)<-[r:MEMBER_OF]-(t:Actor)"),
            many("Body", "fields", "(o)-[r:ADDRESSES]->(t:FieldOfAction)"),
            many("Body", "areas", "(o)-[r:COVERS]->(t:Area)"),
            many("Body", "mandates", "(o)-[r:MANDATES]->(t:Body)"),
            many("Body", "mandatedBy", "(o)<-[r:MANDATES]-(t:Body)"),
            many("Body", "feedsInto", "(o)-[r:FEEDS_INTO]->(t:Body)"),
            many("Body", "fedBy", "(o)<-[r:FEEDS_INTO]-(t:Body)"),
            many("Body", "docksOnto", "(o)-[r:DOCKS_ONTO]->(t:Body)"),
            many("Body", "replaces", "(o)-[r:REPLACES]->(t:Body)"),
            many("Body", "replacedBy", "(o)<-[r:REPLACES]-(t:Body)"),
            many("Body", "agreements", "(o)<-[r:GOVERNS]-(t:Agreement)"),
            many("Service", "providers", "(o)<-[r:PROVIDES]-(t:Actor)"),
            many("Service", "fields", "(o)-[r:IN_FIELD]->(t:FieldOfAction)"),
            many("Service", "targetGroups", "(o)-[r:FOR_GROUP]->(t:TargetGroup)"),
            many("Service", "areas", "(o)-[r:SERVES]->(t:Area)"),
            many("Service", "legalDomains", "(o)-[r:UNDER]->(t:LegalDomain)"),
            rels("Service", "funding", "(o)-[r:FUNDED_BY]->(t:FundingProgramme)"),
            many("Service", "agreements", "(o)<-[r:GOVERNS]-(t:Agreement)"),
            many("FundingProgramme", "funders", "(o)<-[r:FUNDS]-(t:Actor)"),
            rels("FundingProgramme", "grants", "(o)-[r:GRANTS]->(t:Actor)"),
            many("FundingProgramme", "requirements", "(o)-[r:REQUIRES]->(t:Requirement)"),
            rels("FundingProgramme", "fundings", "(o)<-[r:FUNDED_BY]-(t)"),
            one("Requirement", "programme", "(o)<-[r:REQUIRES]-(t:FundingProgramme)"),
            many("Requirement", "concerns", "(o)-[r:CONCERNS]->(t:FundingProgramme)"),
            one("Position", "unit", "(o)-[r:IN_UNIT]->(t:Actor)"),
            rels("Position", "funding", "(o)-[r:FUNDED_BY]->(t:FundingProgramme)"),
            many("Agreement", "parties", "(o)<-[r:PARTY_TO]-(t:Actor)"),
            many("Agreement", "governsBodies", "(o)-[r:GOVERNS]->(t:Body)"),
            many("Agreement", "governsServices", "(o)-[r:GOVERNS]->(t:Service)"),
            one("FieldOfAction", "parent", "(o)-[r:PART_OF]->(t:FieldOfAction)"),
            many("FieldOfAction", "children", "(o)<-[r:PART_OF]-(t:FieldOfAction)"),
            many("LegalDomain", "adjacent", "(o)-[r:ADJACENT_TO]-(t:LegalDomain)"));

    public static final List<Reference> REFERENCES = List.of(
            new Reference("Membership", "actor", EntityReader.FROM, "Actor", ""),
            new Reference("Membership", "body", EntityReader.TO, "Body", ""),
            new Reference("Membership", "onBehalfOf", "onBehalfOf", "Actor", ""),
            new Reference("ActorRelation", "from", EntityReader.FROM, "Actor", ""),
            new Reference("ActorRelation", "to", EntityReader.TO, "Actor", ""),
            new Reference("ActorRelation", "agreement", "agreement", "Agreement", ""),
            new Reference("ActorRelation", "fromDomain", "fromDomain", "LegalDomain", ""),
            new Reference("ActorRelation", "toDomain", "toDomain", "LegalDomain", ""),
            new Reference("Grant", "programme", EntityReader.FROM, "FundingProgramme", ""),
            new Reference("Grant", "recipient", EntityReader.TO, "Actor", ""),
            new Reference("Funding", "programme", EntityReader.TO, "FundingProgramme", ""),
            new Reference("Funding", "service", EntityReader.FROM, "Service", "Service"),
            new Reference("Funding", "position", EntityReader.FROM, "Position", "Position"));

    private Catalog() {
    }

    public static EntityType type(String typeName) {
        return PAGED.stream().filter(t -> t.typeName().equals(typeName)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(typeName));
    }

    public static Link link(String id) {
        return LINKS.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow(() -> new NoSuchElementException(id));
    }

    private static Map<String, String> filters(String... pairs) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            result.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(result);
    }

    private static Link one(String owner, String field, String pattern) {
        return new Link(owner, field, owner, pattern, true, false);
    }

    private static Link many(String owner, String field, String pattern) {
        return new Link(owner, field, owner, pattern, false, false);
    }

    private static Link rels(String owner, String field, String pattern) {
        return new Link(owner, field, owner, pattern, false, true);
    }
}
