package de.kimgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** fundingCliffs on the demo district against oracle #15 (Förderabbruch prog-esf-teilhabe) and its negative cases. */
class FundingCliffsTest extends ReportTestSupport {

    private JsonNode cliffs(Map<String, Object> arguments) {
        Map<String, Object> variables = new HashMap<>(Map.of("area", DEMO_KREIS, "asOf", AS_OF));
        variables.putAll(arguments);
        return graphQl().execute("fundingCliffs", variables);
    }

    @Test
    void theEsfProgrammeIsTheOnlyCliffWithinAYearAndTakesOnePointFourFundedFte() {
        JsonNode report = cliffs(Map.of()).at("/data/fundingCliffs");

        assertThat(report.path("endingBefore").asString()).isEqualTo("2027-12-01");
        assertThat(texts(report.path("programmes"), "/programme/key")).containsExactly("prog-esf-teilhabe");
        JsonNode esf = report.at("/programmes/0");
        assertThat(esf.path("ends").asString()).isEqualTo("2027-06-30");
        assertThat(esf.path("fundedFte").asDouble()).isEqualTo(1.4);
        assertThat(texts(esf.path("positions"), "/position/key"))
                .containsExactly("pos-drk-suedost", "pos-ehrenamt-netzwerk", "pos-mso-teilhabe");
        assertThat(texts(esf.path("positions"), "/fundedFte")).containsExactly("0.7", "0.45", "0.25");
        assertThat(texts(esf.path("positions"), "/unit/key"))
                .containsExactly("drk-auental", "ehrenamtsagentur-auental", "mso-verbund");
        assertThat(texts(esf.path("services"), "/service/key")).containsExactly("svc-drk-suedost", "svc-mso-teilhabe");
        assertThat(texts(esf.path("services"), "/share")).containsExactly("0.7", "0.5");
        assertThat(esf.path("bodies")).hasSize(1);
        JsonNode body = esf.at("/bodies/0");
        assertThat(body.at("/body/key").asString()).isEqualTo("body-netzwerk-ehrenamt");
        assertThat(body.path("role").asString()).isEqualTo("SECRETARIAT");
        assertThat(body.at("/membership/key").asString()).isEqualTo("mem-netzwerk-ehrenamt-ehrenamtsagentur-auental");
        assertThat(body.at("/actor/key").asString()).isEqualTo("ehrenamtsagentur-auental");
        assertThat(texts(body.path("positions"), "/key")).containsExactly("pos-ehrenamt-netzwerk");
        assertThat(texts(esf.path("grants"), "/to/key"))
                .containsExactly("drk-auental", "ehrenamtsagentur-auental", "mso-verbund");
        assertThat(esf.path("passOns")).isEmpty();
        assertThat(esf.path("coFinancings")).isEmpty();
        assertThat(esf.path("requirements")).isEmpty();
    }

    @Test
    void theCliffIsOneHighFindingWithItsEvidenceAndFigures() {
        JsonNode report = cliffs(Map.of()).at("/data/fundingCliffs");

        assertThat(report.path("findings")).hasSize(1);
        JsonNode finding = report.at("/findings/0");
        assertThat(finding.path("kind").asString()).isEqualTo("FUNDING_CLIFF");
        assertThat(finding.path("severity").asString()).isEqualTo("HIGH");
        assertThat(evidence(finding, "PROGRAMME")).containsExactly("prog-esf-teilhabe");
        assertThat(evidence(finding, "POSITION")).containsExactly("pos-drk-suedost", "pos-ehrenamt-netzwerk", "pos-mso-teilhabe");
        assertThat(evidence(finding, "FUNDING")).containsExactly("fb-pos-drk-suedost-prog-esf-teilhabe",
                "fb-pos-ehrenamt-netzwerk-prog-esf-teilhabe", "fb-pos-mso-teilhabe-prog-esf-teilhabe",
                "fb-svc-drk-suedost-prog-esf-teilhabe", "fb-svc-mso-teilhabe-prog-esf-teilhabe");
        assertThat(evidence(finding, "SERVICE")).containsExactly("svc-drk-suedost", "svc-mso-teilhabe");
        assertThat(evidence(finding, "BODY")).containsExactly("body-netzwerk-ehrenamt");
        assertThat(evidence(finding, "MEMBERSHIP")).containsExactly("mem-netzwerk-ehrenamt-ehrenamtsagentur-auental");
        assertThat(evidence(finding, "GRANT"))
                .containsExactly("grant-esf-drk", "grant-esf-ehrenamtsagentur", "grant-esf-mso-verbund");
        assertThat(evidence(finding, "ACTOR")).containsExactly("drk-auental", "ehrenamtsagentur-auental", "mso-verbund");
        assertThat(figures(finding)).containsExactly(entry("fundedFte", 1.4), entry("positions", 3.0),
                entry("services", 2.0), entry("bodies", 1.0), entry("grants", 3.0), entry("passOns", 0.0),
                entry("coFinancings", 0.0), entry("requirements", 0.0), entry("grantAmount", 115000.0));
        assertThat(finding.path("explanation").asString()).contains("endet am 30.06.2027", "1,4 geförderten VZÄ",
                "Sekretariat: Ehrenamtsagentur Kreis Auental (fiktiv)");
        assertThat(finding.path("explanationEn").asString()).contains("ends on 2027-06-30", "1.4 funded FTE");
        assertThat(finding.at("/evidence/1/position/key").asString()).isEqualTo("pos-drk-suedost");
    }

    @Test
    void kimEndsJustOutsideTheYearAndComesInWithALaterDate() {
        JsonNode report = cliffs(Map.of("endingBefore", "2028-01-01")).at("/data/fundingCliffs");

        assertThat(texts(report.path("programmes"), "/programme/key")).containsExactly("prog-esf-teilhabe", "prog-kim");
        JsonNode kim = report.at("/programmes/1");
        assertThat(kim.path("ends").asString()).isEqualTo("2027-12-31");
        assertThat(texts(kim.path("passOns"), "/key")).containsExactly("pass-kim-cm-drk", "pass-kim-koordination-auenstadt");
        assertThat(texts(kim.path("grants"), "/key")).containsExactly("grant-kim-kreis");
        assertThat(texts(kim.path("requirements"), "/requirement/key"))
                .containsExactly("req-kim-lenkungsgruppe", "req-kim-schnittstelle-jmd", "req-kim-schnittstelle-mbe");
        assertThat(texts(kim.path("requirements"), "/direction")).containsOnly("REQUIRED_BY_PROGRAMME");
        assertThat(kim.path("positions")).hasSize(12);
        assertThat(kim.path("fundedFte").asDouble()).isEqualTo(8.8);
    }

    @Test
    void theEndingDateIsExclusive() {
        JsonNode report = cliffs(Map.of("endingBefore", "2027-12-31")).at("/data/fundingCliffs");

        assertThat(texts(report.path("programmes"), "/programme/key")).containsExactly("prog-esf-teilhabe");
    }

    @Test
    void aProgrammeAskedForIsAnalysedWhateverItsEnd() {
        JsonNode mbe = cliffs(Map.of("programme", "prog-mbe")).at("/data/fundingCliffs");

        assertThat(mbe.path("endingBefore").isNull()).isTrue();
        assertThat(mbe.at("/programme/key").asString()).isEqualTo("prog-mbe");
        assertThat(texts(mbe.path("programmes"), "/programme/key")).containsExactly("prog-mbe");
        JsonNode cliff = mbe.at("/programmes/0");
        assertThat(texts(cliff.path("positions"), "/position/key")).containsExactly("pos-caritas-mbe", "pos-diakonie-mbe");
        assertThat(cliff.path("fundedFte").asDouble()).isEqualTo(1.8);
        // KIM requires a defined interface to MBE: that requirement hangs on MBE too
        assertThat(texts(cliff.path("requirements"), "/requirement/key")).containsExactly("req-kim-schnittstelle-mbe");
        assertThat(texts(cliff.path("requirements"), "/direction")).containsExactly("CONCERNS_PROGRAMME");
        assertThat(texts(cliff.path("requirements"), "/requiredBy/key")).containsExactly("prog-kim");
        // the Diakonie chairs the AK Asyl and co-chairs the Auenstadt network on its MBE-funded post
        assertThat(texts(cliff.path("bodies"), "/body/key")).containsExactly("body-ak-asyl", "body-auenstadt-nw-teilhabe");
    }

    @Test
    void aFoundationsCoFinancingOfItsGrantRecipientsLosesItsFunding() {
        JsonNode cliff = cliffs(Map.of("programme", "prog-stiftung-zusammenhalt")).at("/data/fundingCliffs/programmes/0");

        assertThat(texts(cliff.path("coFinancings"), "/key"))
                .containsExactly("cofin-stiftung-awo", "cofin-stiftung-ehrenamtsagentur", "cofin-stiftung-psz");
        assertThat(texts(cliff.path("coFinancings"), "/from/key")).containsOnly("stiftung-zusammenhalt");
        assertThat(texts(cliff.path("grants"), "/key"))
                .containsExactly("grant-stiftung-awo", "grant-stiftung-ehrenamtsagentur", "grant-stiftung-psz");
        // the piece-funded coordination post: 0.75 FTE x 0.3
        assertThat(texts(cliff.path("positions"), "/position/key")).containsExactly("pos-ehrenamt-netzwerk");
        assertThat(cliff.path("fundedFte").asDouble()).isEqualTo(0.225);
    }

    @Test
    void aGemeindeSeesTheCliffThroughKreisWideServicesAndItsBodies() {
        JsonNode report = cliffs(Map.of("area", TANNWALD)).at("/data/fundingCliffs");

        // svc-mso-teilhabe serves the whole Kreis, the Netzwerk Ehrenamt covers it, and the funded units sit in Kreis bodies
        assertThat(texts(report.path("programmes"), "/programme/key")).containsExactly("prog-esf-teilhabe");
        assertThat(texts(report.at("/programmes/0/services"), "/service/key")).containsExactly("svc-mso-teilhabe");
        assertThat(report.at("/programmes/0/fundedFte").asDouble()).isEqualTo(1.4);
    }

    @Test
    void rejectsAnUnknownProgrammeBothSelectorsAndAnUnknownArea() {
        assertThat(errorType(cliffs(Map.of("programme", "prog-gibt-es-nicht")))).isEqualTo("BAD_REQUEST");
        assertThat(errorType(cliffs(Map.of("programme", "prog-kim", "endingBefore", "2028-01-01")))).isEqualTo("BAD_REQUEST");
        assertThat(errorType(cliffs(Map.of("endingBefore", "2026-01-01")))).isEqualTo("BAD_REQUEST");
        assertThat(errorType(cliffs(Map.of("area", "000000000000")))).isEqualTo("BAD_REQUEST");
    }
}
