package de.kimgraph.api.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import de.kimgraph.exchange.Format;
import de.kimgraph.exchange.Formats;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The REST side of import and export over real HTTP with real tokens: uploads as the raw body and as a multipart
 * part (dry run by default, 422 with the problems, 403 for roles that do not import, larger than the 100 KB of
 * {@code /graphql}), exports whose content depends on the caller, the export → import → export round trip of a
 * tenant, and the templates.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExchangeRestTest extends ExchangeTestSupport {

    private static final Principal DASHBOARD_DEMO = as(AccessRole.DASHBOARD, DEMO);
    private static final Principal COORDINATOR_DEMO = as(AccessRole.COORDINATOR, DEMO);

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ import

    @Test
    void aRawUploadIsADryRunByDefaultAndAnswersLikeGraphQl() {
        Answer answer = upload("/imports/json", "application/json", bytes(fixture("exchange-ax.json")), COORDINATOR_A);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode result = answer.json().path("result");
        assertThat(result.path("dryRun").asBoolean()).isTrue();
        assertThat(result.path("created").asInt()).isEqualTo(FIXTURE_RECORDS);
        assertThat(result.path("changes")).hasSize(FIXTURE_RECORDS);
        assertThat(result.at("/changes/0/location").asString()).isEqualTo("import.json: nodes.Area[0]");
        assertThat(result.path("counts")).isNotEmpty();
        assertThat(answer.json().path("problems")).isEmpty();
        assertThat(answer.json().path("errors")).isEmpty();
        assertThat(records(A)).isZero();
    }

    @Test
    void aRawUploadSentAsAFormBodyIsReadAsTheFileAndWrites() {
        Answer answer = upload("/imports/json?dryRun=false&fileName=ahornwald.json&comment=Erstimport%20per%20curl",
                "application/x-www-form-urlencoded", bytes(fixture("exchange-ax.json")), COORDINATOR_A);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().at("/result/dryRun").asBoolean()).isFalse();
        assertThat(records(A)).isEqualTo(FIXTURE_RECORDS);
        assertThat(count("MATCH (a:Actor {key: 'ax-ki', source: 'ahornwald.json'}) RETURN count(a)", Map.of()))
                .as("the file name is the source of records without one").isEqualTo(1);
        assertThat(count("MATCH (e:AuditEvent {tenant: $a, comment: 'Erstimport per curl'}) RETURN count(e)",
                Map.of("a", A))).isEqualTo(1);
    }

    @Test
    void aMultipartUploadTakesThePartsFileNameAndTheSecondUploadChangesNothing(CapturedOutput log) {
        byte[] file = bytes(fixture("exchange-ax.json"));

        Answer first = uploadPart("/imports/json", "netzwerk-ahornwald.json", file, Map.of("dryRun", "false"),
                COORDINATOR_A);
        Answer again = uploadPart("/imports/json?dryRun=false", "netzwerk-ahornwald.json", file, Map.of(),
                COORDINATOR_A);
        Answer dryRun = uploadPart("/imports/json", "netzwerk-ahornwald.json", file, Map.of(), COORDINATOR_A);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().at("/result/created").asInt()).isEqualTo(FIXTURE_RECORDS);
        assertThat(first.json().at("/result/changes/0/location").asString())
                .isEqualTo("netzwerk-ahornwald.json: nodes.Area[0]");
        assertThat(again.json().at("/result/unchanged").asInt()).isEqualTo(FIXTURE_RECORDS);
        assertThat(again.json().at("/result/created").asInt() + again.json().at("/result/changed").asInt()
                + again.json().at("/result/ended").asInt()).isZero();
        assertThat(dryRun.json().at("/result/dryRun").asBoolean()).isTrue();
        assertThat(records(A)).isEqualTo(FIXTURE_RECORDS);
        assertThat(count("MATCH (s:Service {key: 'ax-beratung', source: 'netzwerk-ahornwald.json'}) RETURN count(s)",
                Map.of())).isEqualTo(1);
        assertThat(log.getOut()).as("progress in the log").contains("Import netzwerk-ahornwald.json von/by "
                + COORDINATOR_A.subject() + " (COORDINATOR): Gelesen/read: 7 Knoten/nodes, 10 Beziehungen/relationships");
    }

    @Test
    void aMultipartUploadWithoutTheFilePartIsAnArgumentError() {
        Answer answer = uploadPart("/imports/json", "x.json", bytes("{}"), Map.of(), COORDINATOR_A, "datei");

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/code").asString()).isEqualTo("REQUIRED");
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("file");
    }

    @Test
    void anUploadDeclaredLargerThanTheLimitIs413BeforeItIsRead() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /imports/json HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token(COORDINATOR_A)
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (65L << 20) + "\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            for (int n; !received.toString(StandardCharsets.UTF_8).contains("}]}") && (n = in.read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
            }
            String answer = received.toString(StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("\"code\":\"REQUEST_SIZE\"", "67108864", "Die Datei ist zu groß");
        }
        assertThat(records(A)).isZero();
    }

    @Test
    void aFileWithOneBadRecordIsAnswered422WithTheProblemAndWritesNothing() {
        String bad = fixture("exchange-ax.json").replace("\"to\": \"HOUSING\"", "\"to\": \"GIBT_ES_NICHT\"");

        Answer answer = uploadPart("/imports/json?dryRun=false", "ahornwald.json", bytes(bad), Map.of(),
                COORDINATOR_A);

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        JsonNode problems = answer.json().path("problems");
        assertThat(answer.json().path("result").isNull()).isTrue();
        assertThat(problems).hasSize(1);
        assertThat(problems.at("/0/location").asString()).isEqualTo("ahornwald.json: relationships.IN_FIELD[0]");
        assertThat(problems.at("/0/field").asString()).isEqualTo("to");
        assertThat(problems.at("/0/code").asString()).isEqualTo("UNKNOWN_REFERENCE");
        assertThat(problems.at("/0/messageDe").asString()).contains("GIBT_ES_NICHT");
        assertThat(problems.at("/0/messageEn").asString()).contains("GIBT_ES_NICHT");
        assertThat(records(A)).isZero();
    }

    @Test
    void rolesThatDoNotImportGet403AndCallersWithoutTokenGet401() {
        for (Principal principal : new Principal[] {as(AccessRole.DASHBOARD, A), as(AccessRole.PARTNER, A, "ax-verein"),
                as(AccessRole.ADMINISTRATION, A)}) {
            Answer answer = upload("/imports/json?dryRun=false", "application/json", bytes(fixture("exchange-ax.json")),
                    principal);

            assertThat(answer.status()).as(principal.actingRole().name()).isEqualTo(403);
            JsonNode error = answer.json().at("/errors/0");
            assertThat(error.at("/extensions/classification").asString()).isEqualTo("FORBIDDEN");
            assertThat(error.path("message").asString()).contains("darf keine Dateien importieren");
            assertThat(error.at("/extensions/messageEn").asString()).contains("may not import");
        }
        Answer coordinatorOfB = upload("/imports/json?tenant=" + A, "application/json",
                bytes(fixture("exchange-ax.json")), COORDINATOR_B);
        Answer anonymous = upload("/imports/json", "application/json", bytes(fixture("exchange-ax.json")), null);

        assertThat(coordinatorOfB.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(records(A)).isZero();
    }

    @Test
    void anUploadLargerThanTheGraphQlBodyLimitIsAccepted() {
        byte[] file = bytes(manyActors(1_000));
        assertThat(file.length).isGreaterThan(200_000);

        Answer raw = upload("/imports/json?changes=5", "application/json", file, COORDINATOR_A);
        Answer part = uploadPart("/imports/json", "gross.json", file, Map.of("changes", "0"), COORDINATOR_A);

        assertThat(raw.status()).as(raw.body()).isEqualTo(200);
        assertThat(raw.json().at("/result/created").asInt()).isEqualTo(1_000);
        assertThat(raw.json().at("/result/changes")).hasSize(5);
        assertThat(raw.json().at("/result/changesComplete").asBoolean()).isTrue();
        assertThat(part.status()).as(part.body()).isEqualTo(200);
        assertThat(part.json().at("/result/changes")).isEmpty();
        assertThat(records(A)).isZero();
    }

    @Test
    void badParametersAndUnknownFormatsAreNamed() {
        Answer unknown = upload("/imports/docx", "application/octet-stream", bytes("x"), COORDINATOR_A);
        Answer dryRun = upload("/imports/json?dryRun=vielleicht", "application/json", bytes("{}"), COORDINATOR_A);
        Answer tenant = upload("/imports/json?tenant=Ahornwald", "application/json", bytes("{}"), ADMIN);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/errors/0/message").asString()).contains("docx", "json");
        assertThat(unknown.json().at("/errors/0/extensions/messageEn").asString()).contains("Unknown format docx");
        assertThat(dryRun.status()).isEqualTo(400);
        assertThat(dryRun.json().at("/errors/0/field").asString()).isEqualTo("dryRun");
        assertThat(dryRun.json().at("/errors/0/message").asString()).contains("vielleicht");
        assertThat(tenant.status()).isEqualTo(400);
        assertThat(tenant.json().at("/errors/0/field").asString()).isEqualTo("tenant");
        assertThat(tenant.json().at("/errors/0/code").asString()).isEqualTo("INVALID_VALUE");
    }

    // ------------------------------------------------------------------ export

    @Test
    void theDemoExportOfItsCoordinatorHasInternalRecordsAndContactsAndTheDashboardsHasNot() {
        Answer coordinator = get("/exports/json", COORDINATOR_DEMO);
        Answer dashboard = get("/exports/json", DASHBOARD_DEMO);
        Answer otherCoordinator = get("/exports/json?tenant=" + DEMO, COORDINATOR_A);

        assertThat(coordinator.status()).isEqualTo(200);
        assertThat(coordinator.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(coordinator.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"kim-graph-" + DEMO + ".json\"");
        assertThat(coordinator.body()).startsWith("{\n \"format\": \"kim-graph/1\",\n \"tenant\": \"" + DEMO + "\"")
                .contains("\"body-kim-kerngruppe\"", "\"visibility\": \"INTERNAL\"", "\"email\"");
        for (Answer publicView : new Answer[] {dashboard, otherCoordinator}) {
            assertThat(publicView.status()).isEqualTo(200);
            assertThat(publicView.body()).contains("\"visibility\": \"PUBLISHED\"")
                    .doesNotContain("\"body-kim-kerngruppe\"", "\"visibility\": \"INTERNAL\"", "\"email\"", "\"phone\"");
        }
        assertThat(otherCoordinator.body()).isEqualTo(dashboard.body());
    }

    @Test
    void anAreaExportOnADayIsNamedAfterBoth() {
        Answer answer = get("/exports/json?area=999990002002&asOf=2026-12-01", COORDINATOR_DEMO);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"kim-graph-" + DEMO + "-999990002002-2026-12-01.json\"");
        assertThat(answer.body()).contains("\"area\": \"999990002002\"").contains("\"999990002002\"");
        assertThat(answer.body().length()).isLessThan(get("/exports/json", COORDINATOR_DEMO).body().length());
    }

    @Test
    void badExportParametersAre400NamingTheParameterAndUnknownFormats404() {
        Answer asOf = get("/exports/json?asOf=01.12.2026", COORDINATOR_DEMO);
        Answer unknownArea = get("/exports/json?area=999990009999", COORDINATOR_DEMO);
        Answer malformedArea = get("/exports/json?area=Auenstadt", COORDINATOR_DEMO);
        Answer noTenant = get("/exports/json", ADMIN);
        Answer unknown = get("/exports/pdf", COORDINATOR_DEMO);

        assertThat(asOf.status()).isEqualTo(400);
        assertThat(asOf.json().at("/errors/0/extensions/parameter").asString()).isEqualTo("asOf");
        assertThat(asOf.json().at("/errors/0/message").asString()).contains("asOf", "01.12.2026");
        assertThat(unknownArea.status()).isEqualTo(400);
        assertThat(unknownArea.json().at("/errors/0/extensions/parameter").asString()).isEqualTo("area");
        assertThat(malformedArea.status()).isEqualTo(400);
        assertThat(malformedArea.json().at("/errors/0/extensions/parameter").asString()).isEqualTo("area");
        assertThat(noTenant.status()).isEqualTo(400);
        assertThat(noTenant.json().at("/errors/0/extensions/parameter").asString()).isEqualTo("tenant");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/errors/0/message").asString()).contains("pdf", "json");
        assertThat(get("/exports/json", null).status()).isEqualTo(401);
    }

    @Test
    void theInterfacePapersStillDownloadBesideTheExports() {
        Answer paper = get("/exports/interface-papers/networks.md?area=" + DEMO + "&asOf=2026-12-01", COORDINATOR_DEMO);

        assertThat(paper.status()).isEqualTo(200);
        assertThat(paper.body()).startsWith("# Schnittstellenpapier: Netzwerke und Gremien");
    }

    @Test
    void aTenantExportedImportedAfreshAndExportedAgainIsTheSameFile() {
        uploadPart("/imports/json?dryRun=false", "ahornwald.json", bytes(fixture("exchange-ax.json")), Map.of(),
                COORDINATOR_A);
        Answer first = get("/exports/json", COORDINATOR_A);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("\"ax-kerngruppe\"", "\"ki@ahornwald.example\"", "\"source\": \"ahornwald.json\"");

        Answer unchanged = upload("/imports/json?dryRun=false", "application/json", first.response().body(),
                COORDINATOR_A);
        removeWhatTheTestsWrote();
        Answer afresh = upload("/imports/json?dryRun=false", "application/json", first.response().body(),
                COORDINATOR_A);
        Answer second = get("/exports/json", COORDINATOR_A);

        assertThat(unchanged.json().at("/result/unchanged").asInt()).isEqualTo(FIXTURE_RECORDS);
        assertThat(unchanged.json().at("/result/created").asInt() + unchanged.json().at("/result/changed").asInt()
                + unchanged.json().at("/result/ended").asInt()).isZero();
        assertThat(afresh.json().at("/result/created").asInt()).isEqualTo(FIXTURE_RECORDS);
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void everyFormatExportsTheTenantAndEveryReadableOneReadsItsExportBackWithoutNewRecords() {
        uploadPart("/imports/json?dryRun=false", "ahornwald.json", bytes(fixture("exchange-ax.json")), Map.of(),
                COORDINATOR_A);

        for (Format format : Formats.all()) {
            Answer export = get("/exports/" + format.id(), COORDINATOR_A);

            String file = "kim-graph-" + A + "." + format.extension();
            assertThat(export.status()).as(format.id() + " " + export.body()).isEqualTo(200);
            assertThat(export.header("Content-Disposition")).as(format.id())
                    .isEqualTo("attachment; filename=\"" + file + "\"");
            assertThat(export.header("Content-Type")).as(format.id()).startsWith(format.mediaType());
            if (!format.readable()) {
                continue;
            }
            Answer rest = uploadPart("/imports/" + format.id(), file, export.response().body(), Map.of(),
                    COORDINATOR_A);
            JsonNode graphQl = graphQl(COORDINATOR_A).execute("importData", Map.of("input", Map.of("format",
                    format.id(), "fileName", file, "encoding", "BASE64", "content",
                    Base64.getEncoder().encodeToString(export.response().body()))));

            assertThat(rest.status()).as(format.id() + " " + rest.body()).isEqualTo(200);
            assertThat(rest.json().at("/result/dryRun").asBoolean()).as(format.id()).isTrue();
            assertThat(rest.json().at("/result/created").asInt()).as(format.id()).isZero();
            assertThat(graphQl.at("/data/importData/result").toString()).as(format.id())
                    .isEqualTo(rest.json().path("result").toString());
        }
        assertThat(records(A)).isEqualTo(FIXTURE_RECORDS);
    }

    // ------------------------------------------------------------------ templates

    @Test
    void templatesDownloadWithoutTokenAndFormatsWithoutOneAre404() {
        Answer json = get("/templates/json", null);

        assertThat(json.status()).isEqualTo(404);
        assertThat(json.json().at("/errors/0/message").asString()).contains("json", "keine Vorlage");
        assertThat(json.json().at("/errors/0/extensions/messageEn").asString()).contains("has no template");
        for (Format format : Formats.all()) {
            Answer template = get("/templates/" + format.id(), null);
            if (format.hasTemplate()) {
                assertThat(template.status()).as(format.id()).isEqualTo(200);
                assertThat(template.header("Content-Disposition")).as(format.id())
                        .isEqualTo("attachment; filename=\"kim-graph-vorlage." + format.extension() + "\"");
                assertThat(template.header("Content-Type")).as(format.id()).startsWith(format.mediaType());
                assertThat(template.response().body()).as(format.id()).isNotEmpty();
            } else {
                assertThat(template.status()).as(format.id()).isEqualTo(404);
            }
        }
        assertThat(get("/templates/docx", null).status()).isEqualTo(404);
    }

    /** Skipped until the spreadsheet formats are registered in {@code Formats}. */
    @Test
    void theSpreadsheetTemplateDownloadsWithoutTokenAndUploadsBackAsAnEmptyDryRun() {
        Assumptions.assumeTrue(Formats.find("xlsx").isPresent(), "no xlsx format registered yet");

        Answer template = get("/templates/xlsx", null);
        Answer back = uploadPart("/imports/xlsx", "kim-graph-vorlage.xlsx", template.response().body(), Map.of(),
                COORDINATOR_A);

        assertThat(template.status()).isEqualTo(200);
        assertThat(template.header("Content-Type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(template.header("Content-Disposition")).isEqualTo("attachment; filename=\"kim-graph-vorlage.xlsx\"");
        assertThat(new String(template.response().body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().at("/result/created").asInt()).isZero();
    }
}
