package de.kimgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * DOMAIN.md §6 "Funding cliff" (Hessen's WIR case managers ended with their programme) as the fixture
 * {@code funding-cliff.json} (Kreis Förderbach, fictional): a Land programme for case management ends on
 * 2027-03-31 and funds two current posts (0.9 and 0.4 funded FTE), a Kreis-wide service, the chair of the case
 * conference and the secretariat of a network; an earlier post ended before asOf, an AWO post's share ended in
 * 2025, a service ended in 2025, a grant ended in 2025 — none of these count. A model project ends by its validTo
 * (2027-02-28) before its periodEnd; a federal programme ends in 2028, a special programme ended in 2026.
 */
class FundingCliffsScenarioTest extends ReportTestSupport {

    private static final String KREIS = "999940000000";
    private static final String TALHEIM = "999940002002";

    @BeforeAll
    static void load() {
        TestNeo4j.get().withDemo().load("/fixtures/funding-cliff.json");
    }

    @AfterAll
    static void remove() {
        TestNeo4j.get().deleteTenant(KREIS);
    }

    private JsonNode cliffs(String area, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(Map.of("area", area, "asOf", AS_OF));
        variables.putAll(more);
        return graphQl().execute("fundingCliffs", variables).at("/data/fundingCliffs");
    }

    @Test
    void theProgrammeEndRemovesExactlyTheFundedFteOfItsCurrentPosts() {
        JsonNode report = cliffs(KREIS, Map.of());

        assertThat(texts(report.path("programmes"), "/programme/key")).containsExactly("fx-prog-validto", "fx-prog-wir");
        JsonNode wir = report.at("/programmes/1");
        assertThat(wir.path("ends").asString()).isEqualTo("2027-03-31");
        assertThat(wir.path("fundedFte").asDouble()).isEqualTo(1.3);
        assertThat(texts(wir.path("positions"), "/position/key")).containsExactly("fx-pos-cm-1", "fx-pos-cm-2");
        assertThat(texts(wir.path("positions"), "/fundedFte")).containsExactly("0.9", "0.4");
        assertThat(texts(wir.path("positions"), "/funding/key")).containsExactly("fx-fb-cm-1", "fx-fb-cm-2");
    }

    @Test
    void aPositionEndedBeforeAsOfAndAnEndedShareDoNotCount() {
        JsonNode wir = cliffs(KREIS, Map.of("programme", "fx-prog-wir")).at("/programmes/0");

        assertThat(texts(wir.path("positions"), "/position/key")).doesNotContain("fx-pos-cm-alt", "fx-pos-koord");
        assertThat(texts(wir.path("services"), "/service/key")).containsExactly("fx-svc-cm");
        assertThat(texts(wir.path("grants"), "/key")).containsExactly("fx-grant-caritas", "fx-grant-im");
    }

    @Test
    void beforeThePostEndedItCounted() {
        JsonNode wir = cliffs(KREIS, Map.of("asOf", "2026-06-01", "programme", "fx-prog-wir")).at("/programmes/0");

        assertThat(texts(wir.path("positions"), "/position/key")).containsExactly("fx-pos-cm-1", "fx-pos-cm-2", "fx-pos-cm-alt");
        assertThat(wir.path("fundedFte").asDouble()).isEqualTo(2.3);
    }

    @Test
    void bodiesRunOnAFundedPostMoneyRelationsAndRequirementsAreListed() {
        JsonNode wir = cliffs(KREIS, Map.of()).at("/programmes/1");

        assertThat(texts(wir.path("bodies"), "/body/key")).containsExactly("fx-body-fallkonferenz", "fx-body-netzwerk");
        assertThat(texts(wir.path("bodies"), "/role")).containsExactly("CHAIR", "SECRETARIAT");
        assertThat(texts(wir.path("bodies"), "/membership/key")).containsExactly("fx-m-fk-im", "fx-m-nw-caritas");
        // the AK's chair (AWO) lost its programme share in 2025; the Kreis unit is only a member there
        assertThat(texts(wir.path("bodies"), "/body/key")).doesNotContain("fx-body-ak");
        assertThat(texts(wir.path("passOns"), "/key")).containsExactly("fx-pass-im-caritas");
        // the Land co-finances the Kreis unit, its grant recipient; its co-financing of the AWO (grant ended) is not the programme's
        assertThat(texts(wir.path("coFinancings"), "/key")).containsExactly("fx-cofin-land-im");
        assertThat(texts(wir.path("requirements"), "/requirement/key")).containsExactly("fx-req-steuerung");

        JsonNode finding = wir.path("finding");
        assertThat(finding.path("kind").asString()).isEqualTo("FUNDING_CLIFF");
        assertThat(finding.path("severity").asString()).isEqualTo("HIGH");
    }

    @Test
    void aProgrammeEndsByItsValidToWhenThatComesFirst() {
        JsonNode validTo = cliffs(KREIS, Map.of()).at("/programmes/0");

        assertThat(validTo.path("ends").asString()).isEqualTo("2027-02-28");
        assertThat(validTo.path("fundedFte").asDouble()).isEqualTo(0.3);
        // the AWO chairs the AK on this post
        assertThat(texts(validTo.path("bodies"), "/body/key")).containsExactly("fx-body-ak");
    }

    @Test
    void programmesEndingLaterAlreadyEndedOrWithoutEndAreNoCliff() {
        JsonNode report = cliffs(KREIS, Map.of("endingBefore", "2027-03-01"));

        assertThat(texts(report.path("programmes"), "/programme/key")).containsExactly("fx-prog-validto");
        assertThat(texts(cliffs(KREIS, Map.of("endingBefore", "2029-01-01")).path("programmes"), "/programme/key"))
                .containsExactly("fx-prog-validto", "fx-prog-wir", "fx-prog-later");
    }

    @Test
    void aPermanentBudgetAskedForShowsItsShareAndTheNetworkRunOnIt() {
        JsonNode kreis = cliffs(KREIS, Map.of("programme", "fx-prog-kreis")).at("/programmes/0");

        assertThat(kreis.path("ends").isNull()).isTrue();
        assertThat(texts(kreis.path("positions"), "/position/key")).containsExactly("fx-pos-cm-2");
        assertThat(kreis.path("fundedFte").asDouble()).isEqualTo(0.1);
        // the Caritas runs the network's secretariat on that post
        assertThat(kreis.at("/finding/severity").asString()).isEqualTo("HIGH");
    }

    @Test
    void theFixtureDoesNotLeakIntoTheDemoDistrict() {
        JsonNode demo = cliffs(DEMO_KREIS, Map.of());

        assertThat(texts(demo.path("programmes"), "/programme/key")).containsExactly("prog-esf-teilhabe");
        assertThat(texts(cliffs(TALHEIM, Map.of()).path("programmes"), "/programme/key"))
                .containsExactly("fx-prog-validto", "fx-prog-wir");
    }

    @Test
    void aProgrammeThatAlreadyEndedHasNothingLeftToLoseAndIsInfo() {
        JsonNode report = cliffs(KREIS, Map.of("programme", "fx-prog-past"));
        JsonNode past = report.at("/programmes/0");

        assertThat(past.path("positions")).isEmpty();
        assertThat(past.path("grants")).isEmpty();
        assertThat(past.at("/finding/severity").asString()).isEqualTo("INFO");
        assertThat(report.at("/findings/0/explanation").asString())
                .contains("endete am 30.06.2026", "hängt nichts Erfasstes daran");
    }
}
