package de.kimgraph.api.analytics;

import static de.kimgraph.api.analytics.FindingJson.evidence;
import static de.kimgraph.api.analytics.FindingJson.figure;
import static de.kimgraph.api.analytics.FindingJson.kinds;
import static de.kimgraph.api.analytics.FindingJson.ofKind;
import static de.kimgraph.api.analytics.FindingJson.subject;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.time.LocalDate;

import de.kimgraph.api.ApiTest;
import de.kimgraph.model.testing.TestNeo4j;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import de.kimgraph.queries.access.ReadRule;
import de.kimgraph.queries.analytics.Finding;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.interfaces.InterfacePoints;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code interfacePoints} over HTTP: on the demo district against its oracle (#12 handovers, #13 implicit
 * interface, #14 brokers and articulation point), and on scenario fixtures after DOMAIN.md §6 with their negative
 * cases (fixture tenants 99993…, removed after each test).
 */
class InterfacePointsTest extends ApiTest {

    private static final String KREIS = "999990000000";
    private static final String AS_OF = "2026-12-01";
    private static final String HANDOVER_KREIS = "999930000000";
    private static final String IMPLICIT_KREIS = "999931000000";
    private static final String IMPLICIT_ZWEITDORF = "999931002002";
    private static final String NETWORK_KREIS = "999932000000";

    private static final List<String> INITIATIVES = List.of("ini-fahrradwerkstatt-lindenfurt", "ini-frauentreff-auental",
            "ini-helferkreis-quellingen", "ini-sprachcafe-birkenhain", "ini-willkommen-tannwald");

    @Autowired
    InterfacePoints interfacePointsBean;

    @AfterEach
    void removeFixtures() {
        for (String tenant : List.of(HANDOVER_KREIS, IMPLICIT_KREIS, NETWORK_KREIS)) {
            TestNeo4j.get().deleteTenant(tenant);
        }
    }

    private JsonNode interfacePoints(String area, String asOf, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        variables.put("area", area);
        variables.put("asOf", asOf);
        JsonNode answer = graphQl().execute("interfacePoints", variables);
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        return answer.at("/data/interfacePoints");
    }

    private JsonNode interfacePoints(String area, String asOf) {
        return interfacePoints(area, asOf, Map.of());
    }

    // ---- demo district (oracle)

    @Test
    void theDemoGraphHasTheOraclesSize() {
        JsonNode report = interfacePoints(KREIS, AS_OF);

        assertThat(report.at("/area/name").asString()).isEqualTo("Kreis Auental (fiktiv)");
        assertThat(report.path("actorCount").asInt()).isEqualTo(54);
        assertThat(report.path("tieCount").asInt()).isEqualTo(301);
        assertThat(report.path("betweennessSampled").asBoolean()).isFalse();
        assertThat(report.path("betweennessSources").asInt()).isEqualTo(54);
    }

    @Test
    void theUnmanagedRechtskreiswechselComesFirstAndTheManagedHandoverAfterIt() {
        JsonNode report = interfacePoints(KREIS, AS_OF);

        List<JsonNode> unmanaged = ofKind(report, "UNMANAGED_HANDOVER");
        List<JsonNode> declared = ofKind(report, "DECLARED_HANDOVER");
        assertThat(unmanaged).singleElement().satisfies(f -> {
            assertThat(evidence(f, "RELATION")).containsExactly("ho-sozialamt-jobcenter-anerkennung");
            assertThat(f.path("severity").asString()).isEqualTo("HIGH");
            assertThat(f.path("interfaceKind").asString()).isEqualTo("HORIZONTAL");
            assertThat(evidence(f, "ACTOR", "abgebende Stelle")).containsExactly("auental-sozialamt");
            assertThat(evidence(f, "ACTOR", "aufnehmende Stelle")).containsExactly("jobcenter-auental");
            assertThat(evidence(f, "LEGAL_DOMAIN")).containsExactly("ASYLBLG", "SGB_II");
            assertThat(evidence(f, "AGREEMENT")).isEmpty();
            assertThat(figure(f, "unmanagedScore")).isEqualTo(3);
            assertThat(figure(f, "rechtskreiswechsel")).isEqualTo(1);
            assertThat(f.path("explanation").asString()).contains("ho-sozialamt-jobcenter-anerkennung")
                    .contains("keine benannte Ansprechstelle");
            assertThat(f.at("/evidence/0/relation/type").asString()).isEqualTo("HANDS_OVER_TO");
        });
        assertThat(declared).singleElement().satisfies(f -> {
            assertThat(evidence(f, "RELATION")).containsExactly("ho-abh-sozialamt-anerkennung");
            assertThat(f.path("severity").asString()).isEqualTo("INFO");
            assertThat(evidence(f, "AGREEMENT", "regelnde Vereinbarung")).containsExactly("agr-rkw-abh-sozialamt");
            assertThat(figure(f, "unmanagedScore")).isZero();
        });
        assertThat(kinds(report).subList(0, 2)).containsExactly("UNMANAGED_HANDOVER", "DECLARED_HANDOVER");
    }

    @Test
    void beforeItsAgreementTheAbhHandoverIsNotValidYet() {
        JsonNode report = interfacePoints(KREIS, "2025-01-01");

        assertThat(ofKind(report, "DECLARED_HANDOVER")).isEmpty();
        assertThat(ofKind(report, "UNMANAGED_HANDOVER")).extracting(f -> evidence(f, "RELATION").getFirst())
                .containsExactly("ho-sozialamt-jobcenter-anerkennung");
    }

    @Test
    void theOnlyImplicitInterfaceIsJobcenterAndBildungswerkForRecognisedRefugees() {
        JsonNode report = interfacePoints(KREIS, AS_OF);

        assertThat(ofKind(report, "IMPLICIT_INTERFACE")).singleElement().satisfies(f -> {
            assertThat(evidence(f, "SERVICE")).containsExactly("svc-bildungswerk-eingliederung", "svc-jobcenter-migration");
            assertThat(evidence(f, "ACTOR")).containsExactly("bildungswerk-auental", "jobcenter-auental");
            assertThat(evidence(f, "TARGET_GROUP")).containsExactly("RECOGNISED_REFUGEES");
            assertThat(evidence(f, "LEGAL_DOMAIN")).containsExactly("SGB_III", "SGB_II");
            assertThat(evidence(f, "AREA")).containsExactly(KREIS);
            assertThat(f.path("interfaceKind").asString()).isEqualTo("INTERSECTORAL");
            assertThat(f.path("severity").asString()).isEqualTo("MEDIUM");
        });
    }

    @Test
    void theKiIsTheStrongestBrokerAndTheVolunteerAgencyTheSecond() {
        JsonNode report = interfacePoints(KREIS, AS_OF);

        List<JsonNode> brokers = ofKind(report, "BROKER");
        assertThat(brokers).extracting(FindingJson::subject).containsExactly("auental-ki", "ehrenamtsagentur-auental");
        assertThat(brokers).extracting(f -> figure(f, "betweenness")).containsExactly(0.3437, 0.1764);
        assertThat(brokers).extracting(f -> figure(f, "rank")).containsExactly(1.0, 2.0);
        assertThat(figure(brokers.getFirst(), "degree")).isEqualTo(39);
        assertThat(evidence(brokers.get(1), "ACTOR")).containsAll(INITIATIVES);
    }

    @Test
    void aLowerBrokerThresholdAddsTheAwo() {
        JsonNode report = interfacePoints(KREIS, AS_OF, Map.of("brokerThreshold", 0.06));

        assertThat(ofKind(report, "BROKER")).extracting(FindingJson::subject)
                .containsExactly("auental-ki", "ehrenamtsagentur-auental", "awo-auental");
        assertThat(figure(ofKind(report, "BROKER").get(2), "betweenness")).isEqualTo(0.0717);
    }

    @Test
    void theVolunteerAgencyIsTheOnlyArticulationPointAndTheDemoHasNoBridge() {
        JsonNode report = interfacePoints(KREIS, AS_OF);

        assertThat(ofKind(report, "ARTICULATION_POINT")).singleElement().satisfies(f -> {
            assertThat(subject(f)).isEqualTo("ehrenamtsagentur-auental");
            assertThat(evidence(f, "ACTOR", "abgeschnitten")).containsExactlyElementsOf(INITIATIVES);
            assertThat(figure(f, "cutOffActors")).isEqualTo(5);
            assertThat(figure(f, "remainingActors")).isEqualTo(47);
            assertThat(f.path("severity").asString()).isEqualTo("MEDIUM");
            // Kreis-level agency (DISTRICT) and local initiatives (LOCAL), all civil society
            assertThat(f.path("interfaceKind").asString()).isEqualTo("VERTICAL");
        });
        // the initiatives sit with the agency in body-netzwerk-ehrenamt, so no single tie is a bridge
        assertThat(ofKind(report, "BRIDGE")).isEmpty();
    }

    @Test
    void brokerageRolesAcrossLegalDomainsAndSectors() {
        JsonNode report = interfacePoints(KREIS, AS_OF);

        List<JsonNode> roles = ofKind(report, "BROKERAGE_ROLE");
        assertThat(roles).extracting(f -> f.path("evidence").get(0).path("role").asString() + ":" + subject(f))
                .containsExactly("Vermittler:in zwischen Rechtskreisen:auental-ki",
                        "Vermittler:in zwischen Rechtskreisen:auental-abh",
                        "Vermittler:in zwischen Rechtskreisen:auental-jugendamt",
                        "Vermittler:in zwischen Sektoren:auental-ki",
                        "Vermittler:in zwischen Sektoren:diakonie-auental",
                        "Vermittler:in zwischen Sektoren:awo-auental");
        JsonNode ki = roles.getFirst();
        // the KI works under no legal domain itself: it links them as a liaison
        assertThat(figure(ki, "liaison")).isEqualTo(22);
        assertThat(figure(ki, "brokeredAcrossGroups")).isEqualTo(22);
        assertThat(evidence(ki, "ACTOR")).contains("jobcenter-auental", "auental-sozialamt", "auental-abh");
        assertThat(figure(roles.get(3), "brokeredAcrossGroups")).isEqualTo(604);
        assertThat(roles.get(3).path("interfaceKind").asString()).isEqualTo("INTERSECTORAL");

        JsonNode sectorsOnly = interfacePoints(KREIS, AS_OF, Map.of("groupings", List.of("SECTOR")));
        assertThat(ofKind(sectorsOnly, "BROKERAGE_ROLE")).extracting(FindingJson::subject)
                .containsExactly("auental-ki", "diakonie-auental", "awo-auental");
    }

    @Test
    void aGemeindeSeesTheKreisWideActorsButFewerThanTheKreis() {
        JsonNode tannwald = interfacePoints("999990002002", AS_OF);

        assertThat(tannwald.path("actorCount").asInt()).isBetween(2, 53);
        // the implicit interface lies in Kreis-wide services, which cover Tannwald too
        assertThat(ofKind(tannwald, "IMPLICIT_INTERFACE")).hasSize(1);
    }

    @Test
    void theCallersTenantsBoundTheGraph() {
        LocalDate asOf = LocalDate.parse(AS_OF);

        InterfacePoints.Report own = interfacePointsBean.analyse(Scope.of(KREIS, asOf,
                new Principal("test", KREIS, EnumSet.of(AccessRole.COORDINATOR), null).readRule()), InterfacePoints.Options.DEFAULTS);
        // another tenant's internal reads only (no published ones): the demo district is invisible
        InterfacePoints.Report foreign = interfacePointsBean.analyse(Scope.of(KREIS, asOf,
                new ReadRule(List.of(HANDOVER_KREIS, ReadRule.REFERENCE), false, null, List.of())), InterfacePoints.Options.DEFAULTS);

        assertThat(own.actorCount()).isEqualTo(54);
        assertThat(own.findings()).extracting(Finding::kind).contains("UNMANAGED_HANDOVER", "IMPLICIT_INTERFACE");
        assertThat(foreign.actorCount()).isZero();
        assertThat(foreign.findings()).isEmpty();
    }

    // ---- scenario: the Rechtskreiswechsel (DOMAIN.md §6)

    @Test
    void anAsylblgToSgbIiHandoverWithoutAgreementRanksAboveAManagedOne() {
        TestNeo4j.get().load("/fixtures/interfaces-handovers.json");

        JsonNode report = interfacePoints(HANDOVER_KREIS, AS_OF);

        List<JsonNode> handovers = report.path("findings").valueStream()
                .filter(f -> f.path("kind").asString().endsWith("_HANDOVER")).toList();
        assertThat(handovers).extracting(f -> f.path("kind").asString() + ":" + f.path("severity").asString() + ":"
                        + evidence(f, "RELATION").getFirst() + ":" + f.path("interfaceKind").asString())
                .containsExactly(
                        "UNMANAGED_HANDOVER:HIGH:ho-t-sozialamt-jobcenter:HORIZONTAL",
                        "UNMANAGED_HANDOVER:LOW:ho-t-jugendamt-jobcenter:VERTICAL",
                        "DECLARED_HANDOVER:INFO:ho-t-abh-sozialamt:HORIZONTAL");
        assertThat(handovers).extracting(f -> figure(f, "unmanagedScore")).containsExactly(3.0, 1.0, 0.0);
        // the Jugendamt's agreement expired on 2025-12-31: it no longer governs the handover
        JsonNode expired = handovers.get(1);
        assertThat(figure(expired, "noAgreement")).isEqualTo(1);
        assertThat(figure(expired, "noNamedContact")).isZero();
        assertThat(evidence(expired, "AGREEMENT", "Vereinbarung am Stichtag nicht gültig")).containsExactly("ho-t-agr-alt");
        assertThat(handovers.get(2).at("/evidence/0/relation/key").asString()).isEqualTo("ho-t-abh-sozialamt");
    }

    @Test
    void anEndedHandoverCountsOnlyUntilItsEnd() {
        TestNeo4j.get().load("/fixtures/interfaces-handovers.json");

        JsonNode before = interfacePoints(HANDOVER_KREIS, "2026-01-01");
        JsonNode after = interfacePoints(HANDOVER_KREIS, AS_OF);

        assertThat(ofKind(before, "UNMANAGED_HANDOVER")).extracting(f -> evidence(f, "RELATION").getFirst())
                .containsExactly("ho-t-sozialamt-jobcenter", "ho-t-abh-jobcenter-beendet", "ho-t-jugendamt-jobcenter");
        assertThat(figure(ofKind(before, "UNMANAGED_HANDOVER").get(1), "unmanagedScore")).isEqualTo(2);
        assertThat(ofKind(after, "UNMANAGED_HANDOVER")).extracting(f -> evidence(f, "RELATION").getFirst())
                .doesNotContain("ho-t-abh-jobcenter-beendet");
    }

    // ---- scenario: implicit interfaces and what silences them

    @Test
    void implicitInterfacesAreSilencedByAReferralASharedBodyOrNoOverlap() {
        TestNeo4j.get().load("/fixtures/interfaces-implicit.json");

        JsonNode report = interfacePoints(IMPLICIT_KREIS, AS_OF);

        // reported: Jobcenter / Bildungsträger (no tie), Jobcenter / Träger whose referral ended 2025-12-31.
        // silenced: im-t-svc-verweis (referral), im-t-svc-gremium (shared body), im-t-svc-jugend (other group),
        // im-t-svc-jc2 in Zweitdorf against the Erstdorf services (no overlapping area)
        assertThat(ofKind(report, "IMPLICIT_INTERFACE")).extracting(f -> evidence(f, "SERVICE"))
                .containsExactly(List.of("im-t-svc-alt", "im-t-svc-jc"), List.of("im-t-svc-bildung", "im-t-svc-jc"));
        assertThat(ofKind(report, "IMPLICIT_INTERFACE")).allSatisfy(f -> {
            assertThat(evidence(f, "AREA")).containsExactly("999931001001");
            assertThat(evidence(f, "TARGET_GROUP")).containsExactly("RECOGNISED_REFUGEES");
            assertThat(f.path("interfaceKind").asString()).isEqualTo("INTERSECTORAL");
        });
    }

    @Test
    void aReferralStillValidSilencesTheInterfaceEarlier() {
        TestNeo4j.get().load("/fixtures/interfaces-implicit.json");

        JsonNode report = interfacePoints(IMPLICIT_KREIS, "2025-06-01");

        assertThat(ofKind(report, "IMPLICIT_INTERFACE")).extracting(f -> evidence(f, "SERVICE"))
                .containsExactly(List.of("im-t-svc-bildung", "im-t-svc-jc"));
    }

    @Test
    void anOverlapOutsideTheAreaIsNotAnInterfaceOfIt() {
        TestNeo4j.get().load("/fixtures/interfaces-implicit.json");

        JsonNode zweitdorf = interfacePoints(IMPLICIT_ZWEITDORF, AS_OF);

        assertThat(ofKind(zweitdorf, "IMPLICIT_INTERFACE")).isEmpty();
    }

    // ---- scenario: articulation points and a bridge in a small network

    @Test
    void twoGroupsJoinedByOneReferralHaveTwoArticulationPointsAndABridge() {
        TestNeo4j.get().load("/fixtures/health-network.json");

        JsonNode report = interfacePoints(NETWORK_KREIS, AS_OF);

        List<JsonNode> points = ofKind(report, "ARTICULATION_POINT");
        assertThat(points).extracting(f -> subject(f) + "->" + evidence(f, "ACTOR", "abgeschnitten") + ":"
                        + f.path("interfaceKind").asString())
                .containsExactly("net-a3->[net-a1, net-a2]:HORIZONTAL", "net-b1->[net-b2, net-b3]:VERTICAL");
        assertThat(points).extracting(f -> figure(f, "remainingActors")).containsExactly(3.0, 3.0);
        assertThat(ofKind(report, "BRIDGE")).singleElement().satisfies(f -> {
            assertThat(evidence(f, "ACTOR")).containsExactly("net-a3", "net-b1");
            assertThat(evidence(f, "RELATION")).containsExactly("net-ref-bridge");
            assertThat(figure(f, "actorsOnFirstSide")).isEqualTo(3);
            assertThat(figure(f, "actorsOnSecondSide")).isEqualTo(3);
            assertThat(f.path("interfaceKind").asString()).isEqualTo("INTERSECTORAL");
        });
        // 2 × 3 pairs run through each end of the bridge, of 55 pairs of other actors
        assertThat(ofKind(report, "BROKER")).extracting(f -> subject(f) + ":" + figure(f, "betweenness"))
                .containsExactly("net-a3:0.1091", "net-b1:0.1091");
    }

    @Test
    void anEndedCooperationNoLongerHangsOnItsPartner() {
        TestNeo4j.get().load("/fixtures/health-network.json");

        JsonNode earlier = interfacePoints(NETWORK_KREIS, "2025-06-01");
        JsonNode later = interfacePoints(NETWORK_KREIS, AS_OF);

        assertThat(ofKind(earlier, "ARTICULATION_POINT")).extracting(FindingJson::subject).contains("net-a1");
        assertThat(ofKind(earlier, "ARTICULATION_POINT")).filteredOn(f -> subject(f).equals("net-a1"))
                .singleElement().satisfies(f -> {
                    assertThat(evidence(f, "ACTOR", "abgeschnitten")).containsExactly("net-ended-relation");
                    assertThat(f.path("severity").asString()).isEqualTo("LOW");
                });
        assertThat(ofKind(later, "ARTICULATION_POINT")).extracting(FindingJson::subject).doesNotContain("net-a1");
    }
}
