package de.kimgraph.queries.access;

import static de.kimgraph.queries.access.ReadRuleFixture.A;
import static de.kimgraph.queries.access.ReadRuleFixture.B;
import static de.kimgraph.queries.access.ReadRuleFixture.COORDINATOR_A;
import static de.kimgraph.queries.access.ReadRuleFixture.PARTNER_B;
import static de.kimgraph.queries.access.ReadRuleFixture.STATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.kimgraph.queries.counts.GroupedCounts;
import de.kimgraph.queries.entity.Catalog;
import de.kimgraph.queries.entity.EntityReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * What list, count, look-ups, links, relationship loaders, vocabularies and grouped counts return per read rule,
 * on the two-tenant fixture against the real Neo4j: everything ({@link ReadRule#ALL}), a coordinator of Kreis A
 * (its own tenant in full, Kreis B only where published, no contacts of B), the public (published only, no
 * contacts), a partner organisation of B (published, plus its own records) and the Land's aggregate rule.
 */
class EntityReadRulesTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-12-01");
    private static final List<String> B_SERVICES = List.of("rrb-beratung", "rrb-geheim-beratung", "rrb-geheim-partnerkurs",
            "rra-beratung");
    private static final List<String> MEMBERSHIPS = List.of("m-rrb-verband-netz", "m-rrb-verein-netz",
            "m-rrb-geheim-amt-netz", "m-rrb-geheim-partner-netz", "m-rrb-geheim-verband-lenkung",
            "m-rrb-geheim-verein-lenkung", "m-rrb-geheim-amt-lenkung");

    private static EntityReader reader;
    private static GroupedCounts counts;

    @BeforeAll
    static void load() {
        Neo4jClient client = ReadRuleFixture.load();
        reader = new EntityReader(client);
        counts = new GroupedCounts(client);
    }

    @AfterAll
    static void remove() {
        ReadRuleFixture.remove();
    }

    @Test
    void listsAndCountsShowWhatTheRuleLetsThrough() {
        Map<String, Object> inB = Map.of("area", B, "asOf", AS_OF);

        assertThat(actorKeys(inB, ReadRule.ALL)).containsExactly("rrb-geheim-amt", "rrb-geheim-partner", "rrb-verband", "rrb-verein");
        assertThat(actorKeys(inB, COORDINATOR_A)).containsExactly("rrb-verband", "rrb-verein");
        assertThat(actorKeys(inB, ReadRule.PUBLIC)).containsExactly("rrb-verband", "rrb-verein");
        assertThat(actorKeys(inB, PARTNER_B)).containsExactly("rrb-geheim-partner", "rrb-verband", "rrb-verein");
        assertThat(reader.count(Catalog.ACTOR, inB, ReadRule.ALL)).isEqualTo(4);
        assertThat(reader.count(Catalog.ACTOR, inB, COORDINATOR_A)).isEqualTo(2);
        assertThat(reader.count(Catalog.ACTOR, inB, PARTNER_B)).isEqualTo(3);

        Map<String, Object> inA = Map.of("area", A, "asOf", AS_OF);
        assertThat(actorKeys(inA, COORDINATOR_A)).containsExactly("rra-amt", "rra-verband");
        assertThat(actorKeys(inA, ReadRule.PUBLIC)).containsExactly("rra-verband");
        assertThat(reader.list(Catalog.BODY, Map.of("area", B), 10, null, COORDINATOR_A).items())
                .extracting(b -> b.get("key")).containsExactly("rrb-netz");
    }

    @Test
    void filtersDoNotLookThroughUnreadableRecords() {
        // rrb-verband is published, but only its internal service is under SGB XII
        Map<String, Object> sgbXii = Map.of("area", B, "legalDomain", "SGB_XII");

        assertThat(actorKeys(sgbXii, ReadRule.ALL)).containsExactly("rrb-geheim-amt", "rrb-verband");
        assertThat(actorKeys(sgbXii, COORDINATOR_A)).isEmpty();
        assertThat(reader.count(Catalog.ACTOR, sgbXii, COORDINATOR_A)).isZero();
    }

    @Test
    void lookUpsByKeyFindOnlyReadableRecords() {
        assertThat(reader.byKey("Actor", "rrb-geheim-amt", AS_OF, ReadRule.ALL)).isNotNull();
        assertThat(reader.byKey("Actor", "rrb-geheim-amt", AS_OF, COORDINATOR_A)).isNull();
        assertThat(reader.byKey("Actor", "rrb-geheim-amt", null, ReadRule.PUBLIC)).isNull();
        assertThat(reader.byKey("Actor", "rrb-geheim-partner", AS_OF, PARTNER_B)).isNotNull();
        assertThat(reader.byKey("Actor", "rra-amt", AS_OF, COORDINATOR_A)).isNotNull();

        assertThat(reader.byKeys("Service", B_SERVICES, ReadRule.ALL)).containsOnlyKeys(B_SERVICES);
        assertThat(reader.byKeys("Service", B_SERVICES, COORDINATOR_A)).containsOnlyKeys("rrb-beratung", "rra-beratung");
        assertThat(reader.byKeys("Service", B_SERVICES, ReadRule.PUBLIC)).containsOnlyKeys("rrb-beratung");
        assertThat(reader.byKeys("Service", B_SERVICES, PARTNER_B)).containsOnlyKeys("rrb-beratung", "rrb-geheim-partnerkurs");
        // the partner's own position and role, found through IN_UNIT / HELD_IN to its organisation
        assertThat(reader.byKeys("Position", List.of("rrb-geheim-stelle", "rrb-geheim-partnerstelle"), PARTNER_B))
                .containsOnlyKeys("rrb-geheim-partnerstelle");
        assertThat(reader.byKeys("Role", List.of("rrb-rolle", "rrb-geheim-rolle", "rrb-geheim-partnerrolle"), PARTNER_B))
                .containsOnlyKeys("rrb-rolle", "rrb-geheim-partnerrolle");
    }

    @Test
    void linksNeedAReadableTargetAndAReadableRelationship() {
        List<String> owners = List.of("rrb-verband", "rrb-verein");

        assertThat(linkKeys("Actor.memberships", owners, ReadRule.ALL)).containsExactly(
                entry("rrb-verband", List.of("m-rrb-geheim-verband-lenkung", "m-rrb-verband-netz")),
                entry("rrb-verein", List.of("m-rrb-geheim-verein-lenkung", "m-rrb-verein-netz")));
        assertThat(linkKeys("Actor.memberships", owners, COORDINATOR_A)).containsExactly(
                entry("rrb-verband", List.of("m-rrb-verband-netz")), entry("rrb-verein", List.of("m-rrb-verein-netz")));
        assertThat(linkKeys("Body.members", List.of("rrb-netz"), COORDINATOR_A).get("rrb-netz"))
                .containsExactly("m-rrb-verband-netz", "m-rrb-verein-netz");
        assertThat(linkKeys("Body.members", List.of("rrb-netz"), PARTNER_B).get("rrb-netz"))
                .containsExactly("m-rrb-geheim-partner-netz", "m-rrb-verband-netz", "m-rrb-verein-netz");
        assertThat(linkKeys("Actor.services", owners, COORDINATOR_A).get("rrb-verband")).containsExactly("rrb-beratung");
        assertThat(linkKeys("Actor.services", owners, ReadRule.ALL).get("rrb-verband"))
                .containsExactly("rrb-beratung", "rrb-geheim-beratung");
        // a published relation to an internal actor is as hidden as an internal relation between published ones
        assertThat(linkKeys("Actor.relations", owners, ReadRule.ALL).get("rrb-verein")).containsExactly(
                "rel-rrb-geheim-verein-verband", "rel-rrb-verband-verein", "rel-rrb-verein-geheim-amt");
        assertThat(linkKeys("Actor.relations", owners, COORDINATOR_A)).containsExactly(
                entry("rrb-verband", List.of("rel-rrb-verband-verein")), entry("rrb-verein", List.of("rel-rrb-verband-verein")));
        assertThat(linkKeys("Actor.roles", owners, ReadRule.PUBLIC).get("rrb-verband")).containsExactly("rrb-rolle");
    }

    @Test
    void relationshipLoadersApplyTheRuleToTheRelationshipAndBothEnds() {
        assertThat(reader.relationshipsByKeys(List.of("MEMBER_OF"), MEMBERSHIPS, ReadRule.ALL)).containsOnlyKeys(MEMBERSHIPS);
        assertThat(reader.relationshipsByKeys(List.of("MEMBER_OF"), MEMBERSHIPS, COORDINATOR_A))
                .containsOnlyKeys("m-rrb-verband-netz", "m-rrb-verein-netz");
        assertThat(reader.relationshipsByKeys(List.of("MEMBER_OF"), MEMBERSHIPS, PARTNER_B))
                .containsOnlyKeys("m-rrb-verband-netz", "m-rrb-verein-netz", "m-rrb-geheim-partner-netz");
        List<String> relations = List.of("rel-rrb-verband-verein", "rel-rrb-geheim-verband-amt", "rel-rrb-verein-geheim-amt",
                "ho-rrb-geheim-amt-verband");
        assertThat(reader.relationshipsByKeys(List.of("COOPERATES_WITH", "HANDS_OVER_TO"), relations, ReadRule.ALL))
                .containsOnlyKeys(relations);
        assertThat(reader.relationshipsByKeys(List.of("COOPERATES_WITH", "HANDS_OVER_TO"), relations, COORDINATOR_A))
                .containsOnlyKeys("rel-rrb-verband-verein");
        assertThat(reader.relationshipsByKeys(List.of("GRANTS"), List.of("g-rrb-verband", "g-rrb-geheim-amt"), ReadRule.PUBLIC))
                .containsOnlyKeys("g-rrb-verband");
    }

    @Test
    void contactChannelsOnlyInsideTheTenant() {
        Map<String, Object> verbandForA = reader.byKey("Actor", "rrb-verband", AS_OF, COORDINATOR_A);
        Map<String, Object> verbandForAll = reader.byKey("Actor", "rrb-verband", AS_OF, ReadRule.ALL);
        Map<String, Object> verbandForPartner = reader.byKey("Actor", "rrb-verband", AS_OF, PARTNER_B);

        assertThat(verbandForA).containsEntry("name", "Verband Beheim (Test)");
        assertThat(verbandForA.get("email")).isNull();
        assertThat(verbandForA.get("phone")).isNull();
        assertThat(verbandForAll).containsEntry("email", "info@rrb-verband.example").containsEntry("phone", "+49 2 333");
        assertThat(verbandForPartner).containsEntry("email", "info@rrb-verband.example");
        assertThat(reader.byKey("Actor", "rra-amt", AS_OF, COORDINATOR_A)).containsEntry("email", "ki@rra-amt.example");
        Map<String, Object> role = reader.byKeys("Role", List.of("rrb-rolle"), ReadRule.PUBLIC).get("rrb-rolle");
        assertThat(role).containsEntry("title", "Beratung Verband Beheim (Test)");
        assertThat(role.get("email")).isNull();
        assertThat(reader.list(Catalog.ACTOR, Map.of("area", B), 10, null, COORDINATOR_A).items()).hasSize(2)
                .allSatisfy(actor -> assertThat(actor.get("email") == null && actor.get("phone") == null).isTrue());
        assertThat(reader.links(Catalog.link("Actor.roles"), List.of("rrb-verband"), AS_OF, COORDINATOR_A).get("rrb-verband"))
                .singleElement().satisfies(r -> assertThat(r.get("email")).isNull());
        assertThat(reader.links(Catalog.link("Service.providers"), List.of("rrb-beratung"), AS_OF, ReadRule.ALL)
                .get("rrb-beratung")).singleElement().satisfies(a -> assertThat(a).containsEntry("phone", "+49 2 333"));
    }

    @Test
    void referenceDataStaysReadable() {
        int fields = reader.vocabulary("FieldOfAction", ReadRule.ALL).size();

        assertThat(fields).isGreaterThan(5);
        assertThat(reader.vocabulary("FieldOfAction", ReadRule.PUBLIC)).hasSize(fields);
        assertThat(reader.vocabulary("FieldOfAction", COORDINATOR_A)).hasSize(fields);
        assertThat(reader.vocabulary("FieldOfAction", PARTNER_B)).hasSize(fields);
        assertThat(reader.byKey("Area", B, AS_OF, ReadRule.PUBLIC)).containsEntry("name", "Kreis Beheim (Test, fiktiv)");
    }

    @Test
    void groupedCountsCountReadableRecordsAndTheLandCountsAll() {
        Map<String, Object> inB = Map.of("area", B);

        assertThat(groups("ACTOR", "KIND", inB, COORDINATOR_A)).contains(entry("WELFARE_ASSOCIATION", 1L),
                entry("VOLUNTEER_INITIATIVE", 1L), entry("MUNICIPAL_UNIT", 0L), entry("FREE_PROVIDER", 0L));
        assertThat(groups("ACTOR", "KIND", inB, STATE)).contains(entry("WELFARE_ASSOCIATION", 1L),
                entry("VOLUNTEER_INITIATIVE", 1L), entry("MUNICIPAL_UNIT", 1L), entry("FREE_PROVIDER", 1L));
        // an actor counts in a field only through a service the rule lets through
        assertThat(groups("ACTOR", "FIELD", inB, COORDINATOR_A)).contains(entry("SOCIAL_SECURITY", 1L),
                entry("EDUCATION_LANGUAGE", 0L));
        assertThat(groups("ACTOR", "FIELD", inB, STATE)).contains(entry("SOCIAL_SECURITY", 1L),
                entry("EDUCATION_LANGUAGE", 1L));
        assertThat(groups("SERVICE", "AREA", inB, ReadRule.PUBLIC)).containsExactly(entry("999951001001", 0L));
        assertThat(groups("SERVICE", "AREA", inB, STATE)).containsExactly(entry("999951001001", 1L));
        assertThat(groups("BODY", "KIND", inB, ReadRule.PUBLIC)).contains(entry("WORKING_GROUP", 1L), entry("STEERING_BODY", 0L));
    }

    private static List<Object> actorKeys(Map<String, Object> filter, ReadRule rule) {
        return reader.list(Catalog.ACTOR, filter, 50, null, rule).items().stream().map(a -> a.get("key")).toList();
    }

    /** The keys of the link's items per owner, sorted. */
    private static Map<String, List<String>> linkKeys(String link, Collection<String> owners, ReadRule rule) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        reader.links(Catalog.link(link), owners, AS_OF, rule).forEach((owner, items) -> result.put(owner,
                items.stream().map(i -> (String) i.get("key")).sorted().toList()));
        return result;
    }

    private static Map<String, Long> groups(String entity, String by, Map<String, Object> filter, ReadRule rule) {
        return counts.count(GroupedCounts.entityType(entity), by, new HashMap<>(filter), rule).stream()
                .collect(Collectors.toMap(GroupedCounts.Group::key, GroupedCounts.Group::count));
    }
}
