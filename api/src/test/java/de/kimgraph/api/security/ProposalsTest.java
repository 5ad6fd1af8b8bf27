package de.kimgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import de.kimgraph.queries.access.Principal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Relations between organisations that a partner proposes and the other side confirms or rejects, over HTTP
 * with real tokens.
 */
class ProposalsTest extends WriteScenario {

    private static final String COOPERATIONS_OF_THE_PARTNER =
            "MATCH (:Actor {key: 'sw-a-partner'})-[r:COOPERATES_WITH]->(:Actor {key: 'sw-b-partner'}) RETURN count(r)";

    private JsonNode propose(Principal principal, String from, String to) {
        return call(principal, "proposeRelation", Map.of("input", Map.of("type", "COOPERATES_WITH", "from", from,
                "to", to, "validFrom", "2026-01-01"), "comment", "Gemeinsames Elterncafé geplant"));
    }

    private List<String> visibleProposals(Principal principal) {
        return call(principal, "proposals", Map.of()).at("/data/proposals/edges").valueStream()
                .map(e -> e.at("/node/key").asString()).toList();
    }

    @Test
    void aPartnerProposesAndTheAskedPartnerConfirms() {
        JsonNode proposed = propose(PARTNER_A, "sw-a-partner", "sw-b-partner").at("/data/proposeRelation");
        assertThat(proposed.path("errors")).isEmpty();
        String key = proposed.at("/proposal/key").asString();
        assertThat(proposed.at("/proposal/status").asString()).isEqualTo("OPEN");
        assertThat(proposed.at("/proposal/tenant").asString()).isEqualTo(A);
        assertThat(proposed.at("/proposal/toTenant").asString()).isEqualTo(B);
        assertThat(proposed.at("/proposal/proposer").asString()).isEqualTo("partner-a");
        assertThat(proposed.at("/proposal/properties").valueStream()
                .map(p -> p.path("name").asString() + "=" + p.path("value").asString())).contains("validFrom=2026-01-01");
        assertThat(count(COOPERATIONS_OF_THE_PARTNER)).as("a proposal is no relationship").isZero();

        for (Principal wrongSide : List.of(PARTNER_A, COORDINATOR_A, COORDINATOR_C, DASHBOARD, ADMINISTRATION_A)) {
            JsonNode refused = call(wrongSide, "confirmProposal", Map.of("key", key));
            assertThat(classification(refused)).as(wrongSide.subject()).isEqualTo("FORBIDDEN");
        }
        assertThat(count(COOPERATIONS_OF_THE_PARTNER)).isZero();

        JsonNode confirmed = call(PARTNER_B, "confirmProposal", Map.of("key", key, "comment", "Gern"))
                .at("/data/confirmProposal");
        assertThat(confirmed.path("errors")).isEmpty();
        assertThat(confirmed.at("/proposal/status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.at("/proposal/decidedBy").asString()).isEqualTo("partner-b");
        assertThat(confirmed.at("/relation/type").asString()).isEqualTo("COOPERATES_WITH");
        assertThat(confirmed.at("/relation/tenant").asString()).as("owned by the proposer's tenant").isEqualTo(A);
        assertThat(confirmed.at("/relation/validFrom").asString()).isEqualTo("2026-01-01");
        assertThat(confirmed.at("/proposal/relation/key").asString()).isEqualTo(confirmed.at("/relation/key").asString());
        assertThat(count(COOPERATIONS_OF_THE_PARTNER)).isEqualTo(1);

        JsonNode again = call(COORDINATOR_B, "confirmProposal", Map.of("key", key)).at("/data/confirmProposal");
        assertThat(again.at("/errors/0/code").asString()).isEqualTo("PROPOSAL_DECIDED");
        assertThat(again.at("/errors/0/field").asString()).isEqualTo("key");
        assertThat(count(COOPERATIONS_OF_THE_PARTNER)).isEqualTo(1);
    }

    @Test
    void theCoordinatorOfTheAskedSideMayRejectAndNothingBecomesARelation() {
        String key = propose(PARTNER_A, "sw-a-partner", "sw-b-partner").at("/data/proposeRelation/proposal/key").asString();

        JsonNode rejected = call(COORDINATOR_B, "rejectProposal", Map.of("key", key, "comment", "Kein Bedarf"))
                .at("/data/rejectProposal");

        assertThat(rejected.path("errors")).isEmpty();
        assertThat(rejected.at("/proposal/status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.at("/proposal/decisionComment").asString()).isEqualTo("Kein Bedarf");
        assertThat(rejected.at("/proposal/relation").isNull()).isTrue();
        assertThat(count(COOPERATIONS_OF_THE_PARTNER)).isZero();
        assertThat(call(PARTNER_B, "confirmProposal", Map.of("key", key)).at("/data/confirmProposal/errors/0/code")
                .asString()).isEqualTo("PROPOSAL_DECIDED");
    }

    @Test
    void aPartnerProposesOnlyForItsOwnOrganisationAndOnlyToActorsItReads() {
        List<String> before = state();

        assertThat(classification(propose(PARTNER_A, "sw-a-other", "sw-b-partner"))).isEqualTo("FORBIDDEN");
        assertThat(classification(propose(PARTNER_A, "sw-a-partner", "sw-b-ki"))).as("B's internal actor")
                .isEqualTo("FORBIDDEN");
        assertThat(classification(propose(DASHBOARD, "sw-a-partner", "sw-b-partner"))).isEqualTo("FORBIDDEN");
        JsonNode unknown = propose(PARTNER_A, "sw-a-partner", "sw-nobody").at("/data/proposeRelation");
        assertThat(unknown.at("/errors/0/code").asString()).isEqualTo("UNKNOWN_REFERENCE");
        assertThat(unknown.at("/errors/0/field").asString()).isEqualTo("input.to");

        assertThat(state()).isEqualTo(before);
    }

    @Test
    void proposalsAreListedToTheSidesInvolvedOnly() {
        String key = propose(PARTNER_A, "sw-a-partner", "sw-b-partner").at("/data/proposeRelation/proposal/key").asString();

        for (Principal involved : List.of(PARTNER_A, PARTNER_B, COORDINATOR_A, COORDINATOR_B, ADMINISTRATION_A, ADMIN)) {
            assertThat(visibleProposals(involved)).as(involved.subject()).contains(key);
        }
        assertThat(visibleProposals(COORDINATOR_C)).doesNotContain(key);
        assertThat(visibleProposals(principal("partner-other", A, de.kimgraph.queries.access.AccessRole.PARTNER,
                "sw-a-other"))).doesNotContain(key);
        assertThat(classification(call(DASHBOARD, "proposals", Map.of()))).isEqualTo("FORBIDDEN");
        assertThat(classification(call(STATE, "proposals", Map.of()))).isEqualTo("FORBIDDEN");
        assertThat(call(ADMIN, "proposals", Map.of("filter", Map.of("status", "REJECTED"))).at("/data/proposals/edges")
                .valueStream().map(e -> e.at("/node/key").asString())).doesNotContain(key);
    }
}
