package de.kimgraph.api.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The four interface papers: as text over GraphQL and as files over {@code GET /exports/interface-papers/…}, on the
 * demo district and on the fixture {@code whodoeswhat-kreisweit.json} (exact CSV lines).
 */
class InterfacePaperDownloadTest extends ReportTestSupport {

    private static final String WEGENTAL = "999942000000";
    private static final String AHRFELD = "999942001001";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void load() {
        TestNeo4j.get().withDemo().load("/fixtures/whodoeswhat-kreisweit.json");
    }

    @AfterAll
    static void remove() {
        TestNeo4j.get().deleteTenant(WEGENTAL);
    }

    private HttpResponse<String> get(String pathAndQuery) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                    .header("Authorization", "Bearer " + token(ADMIN)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCsvDownloadIsASemicolonSeparatedQuotedAttachmentWithAGermanName() {
        HttpResponse<String> response = get("/exports/interface-papers/projects-and-contacts.csv?area=" + AHRFELD
                + "&asOf=" + AS_OF);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; "
                + "filename=\"Schnittstellenpapier-Projekte-und-Anlaufstellen_999942001001_2026-12-01.csv\"; "
                + "filename*=UTF-8''Schnittstellenpapier-Projekte-und-Anlaufstellen_999942001001_2026-12-01.csv");
        assertThat(response.body()).startsWith("\uFEFF");
        List<String> lines = response.body().substring(1).lines().toList();
        assertThat(response.body()).contains("\r\n");
        assertThat(lines).containsExactly(
                "\"Angebot (service)\";\"Kategorie (category)\";\"Form (form)\";\"Träger (provider)\";"
                        + "\"Handlungsfelder (fields of action)\";\"Zielgruppen (target groups)\";\"Gebiet (area)\";"
                        + "\"Befristet bis (until)\";\"Förderung (funding)\";\"Kontakt (contact)\";\"Schlüssel (key)\"",
                "\"Projekt \"\"Ankommen\"\" Ahrfeld (fiktiv)\";\"Befristetes Projekt (time-limited project)\";\"Projekt\";"
                        + "\"Caritasverband Wegental (fiktiv)\";\"Gesellschaftliche und politische Teilhabe\";\"Geflüchtete\";"
                        + "\"Ahrfeld (fiktiv)\";\"30.06.2027\";\"Integrationsbudget Ahrfeld (fiktiv) (bis 30.06.2027, 100 %)\";"
                        + "\"Fachdienst Migration und Integration (Caritasverband Wegental (fiktiv)): "
                        + "migration@caritas-wegental.example, +49 0000 1234\";\"wx-svc-projekt\"");
    }

    @Test
    void theResponsibilitiesPaperNamesUmlautsInTheUtf8FileName() {
        HttpResponse<String> response = get("/exports/interface-papers/responsibilities.csv?area=" + WEGENTAL
                + "&asOf=" + AS_OF + "&legalDomain=AUFENTHG");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename=\"Schnittstellenpapier-Zustaendigkeiten_999942000000_2026-12-01.csv\"")
                .contains("filename*=UTF-8''Schnittstellenpapier-Zust%C3%A4ndigkeiten_999942000000_2026-12-01.csv");
        List<String> lines = response.body().substring(1).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("\"Einheit (unit)\";\"Art (kind)\";\"Rechtskreise (legal domains)\"");
        assertThat(lines.get(1)).startsWith("\"Ausländerbehörde Kreis Wegental (fiktiv)\";\"Behörde\";\"Aufenthaltsgesetz");
        assertThat(lines.get(2)).startsWith("\"Caritasverband Wegental (fiktiv)\";\"Wohlfahrtsverband\";\"\";");
    }

    @Test
    void theMarkdownNetworksPaperOfTheDemoListsItsBodiesInATable() {
        HttpResponse<String> response = get("/exports/interface-papers/networks.md?area=" + AUENSTADT + "&asOf=" + AS_OF
                + "&field=MIGRATION_COUNSELLING");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/markdown;charset=UTF-8");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("Schnittstellenpapier-Netzwerke_999990001001_2026-12-01.md");
        List<String> lines = response.body().lines().toList();
        assertThat(lines.subList(0, 5)).containsExactly("# Schnittstellenpapier: Netzwerke und Gremien",
                "*Interface paper: Networks and bodies*", "", "- Gebiet (area): Auenstadt (999990001001)",
                "- Stichtag (as of): 01.12.2026");
        assertThat(lines).contains("- Filter: Handlungsfeld (field of action) Migrationsberatung (MIGRATION_COUNSELLING)",
                "| Gremium (body) | Art (type) | Handlungsfelder (fields of action) | Gebiet (area) | Leitung (lead) | "
                        + "Mitglieder (members) | Rhythmus (meetings) | Status (status) | Kontakt (contact) | Schlüssel (key) |",
                "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |", "1 Eintrag (entry).");
        assertThat(lines).anyMatch(l -> l.startsWith("| Arbeitskreis Asyl und Flucht Kreis Auental |")
                && l.contains("| Vorsitz: Diakonisches Werk Auental e.V. (fiktiv) | 12 |") && l.endsWith("| body-ak-asyl |"));
    }

    @Test
    void theAssociationsPaperOfTheDemoHasOneRowPerAssociation() {
        HttpResponse<String> response = get("/exports/interface-papers/associations.csv?area=" + DEMO_KREIS + "&asOf=" + AS_OF);

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = response.body().substring(1).lines().toList();
        assertThat(lines.getFirst()).isEqualTo("\"Verein/Verband (association)\";\"Art (kind)\";\"Sitz (based in)\";"
                + "\"Angebote (services)\";\"Gremien (bodies)\";\"Kontakt (contact)\";\"Website (website)\";\"Schlüssel (key)\"");
        assertThat(lines).anyMatch(l -> l.startsWith("\"Caritasverband Auental e.V. (fiktiv)\";\"Wohlfahrtsverband\";\"Auenstadt\";"));
        assertThat(lines).noneMatch(l -> l.contains("\"auental-abh\""));
        assertThat(lines.stream().skip(1).map(l -> l.substring(l.lastIndexOf(";") + 1))).doesNotHaveDuplicates();
    }

    @Test
    void graphQlReturnsTheSameDocumentAsText() {
        JsonNode answer = graphQl().execute("interfacePaper", Map.of("area", AHRFELD, "asOf", AS_OF,
                "paper", "PROJECTS_AND_CONTACTS", "format", "CSV"));
        HttpResponse<String> file = get("/exports/interface-papers/projects-and-contacts.csv?area=" + AHRFELD + "&asOf=" + AS_OF);

        assertThat("\uFEFF" + answer.at("/data/interfacePaper").asString()).isEqualTo(file.body());
        JsonNode markdown = graphQl().execute("interfacePaper", Map.of("area", AHRFELD, "asOf", AS_OF, "paper", "NETWORKS"));
        assertThat(markdown.at("/data/interfacePaper").asString()).startsWith("# Schnittstellenpapier: Netzwerke und Gremien\n")
                .contains("| Steuerungsgruppe Integration Ahrfeld (fiktiv) | Steuerungsgremium (Lenkungsgruppe) |");
    }

    @Test
    void badRequestsAreRefused() {
        assertThat(get("/exports/interface-papers/stadtplan.csv?area=" + AHRFELD).statusCode()).isEqualTo(404);
        assertThat(get("/exports/interface-papers/networks.pdf?area=" + AHRFELD).statusCode()).isEqualTo(404);
        assertThat(get("/exports/interface-papers/networks.csv").statusCode()).isEqualTo(400);
        HttpResponse<String> unknownArea = get("/exports/interface-papers/networks.csv?area=000000000000");
        assertThat(unknownArea.statusCode()).isEqualTo(400);
        assertThat(unknownArea.body()).contains("Unbekanntes Gebiet");
        assertThat(get("/exports/interface-papers/networks.csv?area=" + AHRFELD + "&asOf=gestern").statusCode()).isEqualTo(400);
        assertThat(get("/exports/interface-papers/networks.csv?area=" + AHRFELD + "&field=NO_SUCH_FIELD").statusCode())
                .isEqualTo(400);
    }
}
