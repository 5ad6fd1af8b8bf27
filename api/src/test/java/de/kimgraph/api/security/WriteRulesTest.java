package de.kimgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.RelationshipSpec;
import de.kimgraph.queries.access.AccessDenied;
import de.kimgraph.queries.access.Principal;
import de.kimgraph.queries.write.GraphWriter;
import de.kimgraph.queries.write.NodeWrites;
import de.kimgraph.queries.write.WriteResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The write rules per role, asked of the writer the mutations call: who may create, change and end which records
 * and relationships, and that a refusal is FORBIDDEN ({@link AccessDenied}) with nothing written.
 */
class WriteRulesTest extends WriteScenario {

    private static final LocalDate TODAY = LocalDate.now();
    private static final RelationshipSpec MEMBERSHIP = GraphSpec.relationships("MEMBER_OF").getFirst();
    private static final RelationshipSpec COOPERATION = GraphSpec.relationships("COOPERATES_WITH").getFirst();
    private static final RelationshipSpec POSITION_FUNDING = GraphSpec.relationships("FUNDED_BY").stream()
            .filter(s -> s.fromLabel().equals(GraphSpec.POSITION)).findFirst().orElseThrow();
    private static final Set<String> MEMBERSHIP_ENDS = Set.of("actor", "body");
    private static final Set<String> RELATION_ENDS = Set.of("type", "from", "to");
    private static final Set<String> FUNDING_ENDS = Set.of("service", "position", "programme");

    @Autowired
    GraphWriter writer;

    private static NodeWrites.NodeWrite type(String name) {
        return NodeWrites.of(name);
    }

    /** Every kind of mutation, aimed at records of tenant B (or linking to B's internal records). */
    private Map<String, Function<Principal, WriteResult>> mutationsOnB() {
        Map<String, Function<Principal, WriteResult>> m = new LinkedHashMap<>();
        m.put("createActor in B", p -> writer.createNode(p, type("Actor"), Map.of("key", "sw-x-1", "name", "X",
                "kind", "FREE_PROVIDER", "tenant", B), null));
        m.put("createService provided by B's internal actor", p -> writer.createNode(p, type("Service"), Map.of(
                "key", "sw-x-2", "name", "X", "form", "CASE_WORK", "providers", List.of("sw-b-ki")), null));
        m.put("createRole held in B's internal actor", p -> writer.createNode(p, type("Role"), Map.of(
                "key", "sw-x-3", "title", "X", "actor", "sw-b-ki"), null));
        m.put("createBody mandated by B's internal body", p -> writer.createNode(p, type("Body"), Map.of(
                "key", "sw-x-4", "name", "X", "type", "WORKING_GROUP", "mandatedBy", List.of("sw-b-body")), null));
        m.put("updateActor", p -> writer.updateNode(p, type("Actor"), "sw-b-ki", 1, Map.of("name", "Übernommen"), null));
        m.put("updateActor linking B's body", p -> writer.updateNode(p, type("Actor"), "sw-b-partner", 1,
                Map.of("basedIn", List.of(A)), null));
        m.put("endActor", p -> writer.endNode(p, GraphSpec.ACTOR, "sw-b-ki", 1, TODAY, null));
        m.put("updateService", p -> writer.updateNode(p, type("Service"), "sw-b-service", 1, Map.of("capacity", 3), null));
        m.put("endService", p -> writer.endNode(p, GraphSpec.SERVICE, "sw-b-service", 1, TODAY, null));
        m.put("endPosition", p -> writer.endNode(p, GraphSpec.POSITION, "sw-b-pos", 1, TODAY, null));
        m.put("addMembership of B's actor to A's body", p -> writer.addRelationship(p, MEMBERSHIP, "actor", "body",
                Map.of("key", "sw-x-m1", "actor", "sw-b-ki", "body", "sw-a-body", "role", "MEMBER"), MEMBERSHIP_ENDS, null));
        m.put("addMembership of A's actor to B's internal body", p -> writer.addRelationship(p, MEMBERSHIP, "actor",
                "body", Map.of("key", "sw-x-m2", "actor", "sw-a-ki", "body", "sw-b-body", "role", "MEMBER"),
                MEMBERSHIP_ENDS, null));
        m.put("updateMembership", p -> writer.updateRelationship(p, List.of("MEMBER_OF"), "sw-m-b", 1,
                Map.of("role", "MEMBER"), MEMBERSHIP_ENDS, null));
        m.put("endMembership", p -> writer.endRelationship(p, List.of("MEMBER_OF"), "sw-m-b", 1, TODAY, null));
        m.put("addRelation from B's actor", p -> writer.addRelationship(p, COOPERATION, "from", "to", Map.of(
                "key", "sw-x-r1", "type", "COOPERATES_WITH", "from", "sw-b-ki", "to", "sw-a-ki"), RELATION_ENDS, null));
        m.put("addRelation to B's internal actor", p -> writer.addRelationship(p, COOPERATION, "from", "to", Map.of(
                "key", "sw-x-r2", "type", "COOPERATES_WITH", "from", "sw-a-ki", "to", "sw-b-ki"), RELATION_ENDS, null));
        m.put("updateRelation", p -> writer.updateRelationship(p, GraphSpec.ACTOR_RELATION_TYPES, "sw-r-b", 1,
                Map.of("source", "x"), RELATION_ENDS, null));
        m.put("endRelation", p -> writer.endRelationship(p, GraphSpec.ACTOR_RELATION_TYPES, "sw-r-b", 1, TODAY, null));
        m.put("addFunding of B's position", p -> writer.addRelationship(p, POSITION_FUNDING, "position", "programme",
                Map.of("key", "sw-x-f1", "position", "sw-b-pos", "programme", "sw-a-prog", "share", 0.1), FUNDING_ENDS, null));
        m.put("addFunding from B's internal programme", p -> writer.addRelationship(p, POSITION_FUNDING, "position",
                "programme", Map.of("key", "sw-x-f2", "position", "sw-a-pos", "programme", "sw-b-prog", "share", 0.1),
                FUNDING_ENDS, null));
        m.put("updateFunding", p -> writer.updateRelationship(p, List.of("FUNDED_BY"), "sw-f-b", 1,
                Map.of("share", 0.2), FUNDING_ENDS, null));
        m.put("endFunding", p -> writer.endRelationship(p, List.of("FUNDED_BY"), "sw-f-b", 1, TODAY, null));
        return m;
    }

    @Test
    void aCoordinatorOfAIsForbiddenEveryMutationOfTenantBAndNothingIsWritten() {
        List<String> before = state();
        long events = auditEvents();

        mutationsOnB().forEach((name, mutation) -> assertThatThrownBy(() -> mutation.apply(COORDINATOR_A))
                .as(name).isInstanceOf(AccessDenied.class));

        assertThat(state()).isEqualTo(before);
        assertThat(auditEvents()).isEqualTo(events);
        assertThat(count("MATCH (n) WHERE n.key STARTS WITH 'sw-x-' RETURN count(n)")).isZero();
        assertThat(count("MATCH ()-[r]->() WHERE r.key STARTS WITH 'sw-x-' RETURN count(r)")).isZero();
    }

    @Test
    void theCoordinatorOfBMayDoWhatTheCoordinatorOfAMayNot() {
        mutationsOnB().forEach((name, mutation) -> {
            if (name.startsWith("create") || name.startsWith("add")) {
                return;
            }
            loadScenario();
            assertThat(mutation.apply(COORDINATOR_B).errors()).as(name).isEmpty();
            removeScenario();
        });
    }

    @Test
    void readOnlyRolesAreForbiddenEveryMutationEvenInTheirOwnTenant() {
        List<String> before = state();
        for (Principal reader : List.of(ADMINISTRATION_A, DASHBOARD, STATE)) {
            assertThatThrownBy(() -> writer.createNode(reader, type("Actor"), Map.of("key", "sw-x-ro", "name", "X",
                    "kind", "FREE_PROVIDER"), null)).isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> writer.updateNode(reader, type("Actor"), "sw-a-ki", 1, Map.of("name", "X"), null))
                    .isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> writer.endRelationship(reader, List.of("MEMBER_OF"), "sw-m-a-other", 1, TODAY, null))
                    .isInstanceOf(AccessDenied.class);
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aCoordinatorCreatesInItsOwnTenantAndMayLinkToPublishedRecordsOfOthers() {
        WriteResult created = writer.createNode(COORDINATOR_A, type("Service"), Map.of("key", "sw-a-new-service",
                "name", "Gemeinsame Sprechstunde", "form", "CONTACT_POINT", "providers", List.of("sw-a-ki", "sw-b-partner"),
                "areas", List.of("999961001001")), null);
        WriteResult membership = writer.addRelationship(COORDINATOR_A, MEMBERSHIP, "actor", "body", Map.of(
                "key", "sw-a-new-m", "actor", "sw-b-partner", "body", "sw-a-body", "role", "GUEST"), MEMBERSHIP_ENDS, null);

        assertThat(created.errors()).isEmpty();
        assertThat(created.record()).containsEntry("tenant", A);
        assertThat(count("MATCH (:Actor {key: 'sw-b-partner'})-[r:PROVIDES {tenant: '999961000000'}]->(:Service {key: 'sw-a-new-service'}) RETURN count(r)"))
                .isEqualTo(1);
        assertThat(membership.errors()).isEmpty();
        assertThat(membership.record()).containsEntry("tenant", A);
    }

    @Test
    void aCoordinatorCannotCreateInAnotherTenantButOperationsCan() {
        assertThatThrownBy(() -> writer.createNode(COORDINATOR_A, type("Body"), Map.of("key", "sw-x-b", "name", "X",
                "type", "WORKING_GROUP", "tenant", B), null)).isInstanceOf(AccessDenied.class)
                .hasMessageContaining("input.tenant");

        WriteResult byAdmin = writer.createNode(ADMIN, type("Body"), Map.of("key", "sw-b-admin-body", "name", "Runder Tisch",
                "type", "ROUND_TABLE", "tenant", B), null);
        WriteResult adminUpdate = writer.updateNode(ADMIN, type("Actor"), "sw-b-ki", 1, Map.of("website", "https://ki.example"), null);
        WriteResult adminWithoutTenant = writer.createNode(ADMIN, type("Body"), Map.of("key", "sw-b-admin-2", "name", "X",
                "type", "ROUND_TABLE"), null);

        assertThat(byAdmin.errors()).isEmpty();
        assertThat(byAdmin.record()).containsEntry("tenant", B);
        assertThat(adminUpdate.errors()).isEmpty();
        assertThat(adminWithoutTenant.errors()).extracting(e -> e.code() + "@" + e.field()).containsExactly("REQUIRED@input.tenant");
    }

    @Test
    void theBodysOwnerMayEndAMembershipOfAnotherTenantsActor() {
        writer.addRelationship(COORDINATOR_A, MEMBERSHIP, "actor", "body", Map.of("key", "sw-a-guest",
                "actor", "sw-b-partner", "body", "sw-a-body", "role", "GUEST"), MEMBERSHIP_ENDS, null);

        assertThat(writer.endRelationship(COORDINATOR_B, List.of("MEMBER_OF"), "sw-a-guest", 1, TODAY, null).errors())
                .as("B writes the member (its own actor)").isEmpty();
        assertThatThrownBy(() -> writer.updateRelationship(COORDINATOR_C, List.of("MEMBER_OF"), "sw-a-guest", 2,
                Map.of("role", "MEMBER"), MEMBERSHIP_ENDS, null)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void aPartnerEditsItsOwnProfileButNotHowTheKreisClassifiesOrPublishesIt() {
        WriteResult profile = writer.updateNode(PARTNER_A, type("Actor"), "sw-a-partner", 1, Map.of(
                "email", "beratung@bv-nordwald.example", "website", "https://bv-nordwald.example"), null);
        assertThat(profile.errors()).isEmpty();

        List<String> before = state();
        assertThatThrownBy(() -> writer.updateNode(PARTNER_A, type("Actor"), "sw-a-partner", 2, Map.of("kind", "AUTHORITY"), null))
                .isInstanceOf(AccessDenied.class).hasMessageContaining("input.kind");
        assertThatThrownBy(() -> writer.updateNode(PARTNER_A, type("Actor"), "sw-a-partner", 2,
                Map.of("visibility", "INTERNAL"), null)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> writer.updateNode(PARTNER_A, type("Actor"), "sw-a-other", 1, Map.of("name", "X"), null))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> writer.endNode(PARTNER_A, GraphSpec.ACTOR, "sw-a-partner", 2, TODAY, null))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> writer.createNode(PARTNER_A, type("Body"), Map.of("name", "X", "type", "ROUND_TABLE"), null))
                .isInstanceOf(AccessDenied.class);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aPartnerCreatesChangesAndEndsTheServicesItProvides() {
        WriteResult created = writer.createNode(PARTNER_A, type("Service"), Map.of("key", "sw-a-partner-course",
                "name", "Sprachcafé", "form", "GROUP_OFFER", "providers", List.of("sw-a-partner")), null);
        assertThat(created.errors()).isEmpty();
        assertThat(created.record()).containsEntry("tenant", A).containsEntry("visibility", "INTERNAL");
        assertThat(writer.updateNode(PARTNER_A, type("Service"), "sw-a-service", 1, Map.of("capacity", 20), null).errors())
                .isEmpty();
        assertThat(writer.endNode(PARTNER_A, GraphSpec.SERVICE, "sw-a-partner-course", 1, TODAY, null).errors()).isEmpty();

        List<String> before = state();
        assertThatThrownBy(() -> writer.createNode(PARTNER_A, type("Service"), Map.of("key", "sw-x-s", "name", "X",
                "form", "GROUP_OFFER", "providers", List.of("sw-a-other")), null)).isInstanceOf(AccessDenied.class)
                .hasMessageContaining("input.providers");
        assertThatThrownBy(() -> writer.updateNode(PARTNER_A, type("Service"), "sw-a-service-ki", 1,
                Map.of("capacity", 1), null)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> writer.updateNode(PARTNER_A, type("Service"), "sw-a-service", 2,
                Map.of("providers", List.of("sw-a-ki")), null)).as("may not hand its service to another provider")
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> writer.updateNode(PARTNER_A, type("Service"), "sw-a-service", 2,
                Map.of("visibility", "PUBLISHED"), null)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> writer.endNode(PARTNER_A, GraphSpec.SERVICE, "sw-b-service", 1, TODAY, null))
                .isInstanceOf(AccessDenied.class);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aPartnerManagesItsOwnMembershipsAndNothingElseRelational() {
        WriteResult added = writer.addRelationship(PARTNER_A, MEMBERSHIP, "actor", "body", Map.of("key", "sw-a-p-m",
                "actor", "sw-a-partner", "body", "sw-a-body", "role", "GUEST"), MEMBERSHIP_ENDS, null);
        assertThat(added.errors()).isEmpty();
        assertThat(added.record()).containsEntry("tenant", A);
        assertThat(writer.updateRelationship(PARTNER_A, List.of("MEMBER_OF"), "sw-m-a-partner", 1,
                Map.of("role", "SECRETARIAT"), MEMBERSHIP_ENDS, null).errors()).isEmpty();
        assertThat(writer.endRelationship(PARTNER_A, List.of("MEMBER_OF"), "sw-a-p-m", 1, TODAY, null).errors()).isEmpty();

        List<String> before = state();
        assertThatThrownBy(() -> writer.addRelationship(PARTNER_A, MEMBERSHIP, "actor", "body", Map.of(
                "actor", "sw-a-other", "body", "sw-a-body"), MEMBERSHIP_ENDS, null)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> writer.addRelationship(PARTNER_A, MEMBERSHIP, "actor", "body", Map.of(
                "actor", "sw-a-partner", "body", "sw-b-body"), MEMBERSHIP_ENDS, null)).as("B's internal body")
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> writer.endRelationship(PARTNER_A, List.of("MEMBER_OF"), "sw-m-a-other", 1, TODAY, null))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> writer.addRelationship(PARTNER_A, COOPERATION, "from", "to", Map.of(
                "type", "COOPERATES_WITH", "from", "sw-a-partner", "to", "sw-a-ki"), RELATION_ENDS, null))
                .isInstanceOf(AccessDenied.class).hasMessageContaining("proposeRelation");
        assertThatThrownBy(() -> writer.addRelationship(PARTNER_A, POSITION_FUNDING, "position", "programme", Map.of(
                "position", "sw-a-pos", "programme", "sw-a-prog", "share", 0.1), FUNDING_ENDS, null))
                .isInstanceOf(AccessDenied.class);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aLongCommentIsATypedErrorNamingTheFieldAndNothingIsWritten() {
        List<String> before = state();

        WriteResult result = writer.updateNode(COORDINATOR_A, type("Actor"), "sw-a-ki", 1, Map.of("name", "Neu"),
                "x".repeat(1_001));

        assertThat(result.errors()).extracting(e -> e.code() + "@" + e.field()).containsExactly("TOO_LONG@comment");
        assertThat(state()).isEqualTo(before);
    }
}
