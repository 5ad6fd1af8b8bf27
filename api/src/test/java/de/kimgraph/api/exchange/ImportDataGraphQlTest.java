package de.kimgraph.api.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.exchange.Format;
import de.kimgraph.exchange.Formats;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code importData} and {@code exchangeFormats} over HTTP with real tokens: a dry run writes nothing and reports
 * the diff, a real run writes the file and a second run changes nothing, a file with one bad record writes nothing
 * and names the record and field, and only coordinators (their own tenant) and operations import.
 */
class ImportDataGraphQlTest extends ExchangeTestSupport {

    private JsonNode importData(Principal principal, Map<String, Object> input) {
        return importData(principal, input, null);
    }

    private JsonNode importData(Principal principal, Map<String, Object> input, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", input);
        variables.put("comment", comment);
        return graphQl(principal).execute("importData", variables);
    }

    private static Map<String, Object> json(String content) {
        return new HashMap<>(Map.of("format", "json", "content", content));
    }

    private static Map<String, Object> json(String content, boolean dryRun) {
        Map<String, Object> input = json(content);
        input.put("dryRun", dryRun);
        return input;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(field).asString()));
        return values;
    }

    @Test
    void theFormatsAreThoseOfTheImportModule() {
        JsonNode formats = graphQl(as(AccessRole.DASHBOARD, A)).execute("exchangeFormats").at("/data/exchangeFormats");

        assertThat(texts(formats, "id")).containsExactlyElementsOf(Formats.all().stream().map(Format::id).toList());
        JsonNode json = formats.get(texts(formats, "id").indexOf("json"));
        assertThat(json.path("mediaType").asString()).isEqualTo("application/json");
        assertThat(json.path("extension").asString()).isEqualTo("json");
        assertThat(json.path("readable").asBoolean()).isTrue();
        assertThat(json.path("hasTemplate").asBoolean()).isFalse();
        assertThat(json.path("labelDe").asString()).isNotBlank();
    }

    @Test
    void aDryRunIsTheDefaultReportsTheCreatedRecordsAndWritesNothing() {
        JsonNode answer = importData(COORDINATOR_A, json(fixture("exchange-ax.json")));

        JsonNode result = answer.at("/data/importData/result");
        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        assertThat(result.path("dryRun").asBoolean()).isTrue();
        assertThat(result.path("created").asInt()).isEqualTo(FIXTURE_RECORDS);
        assertThat(result.path("changed").asInt() + result.path("ended").asInt() + result.path("unchanged").asInt())
                .isZero();
        Map<String, Integer> created = new HashMap<>();
        result.path("counts").forEach(c -> created.put(c.path("label").asString(), c.path("created").asInt()));
        assertThat(created).containsEntry("Actor", 2).containsEntry("Body", 2).containsEntry("Area", 2)
                .containsEntry("MEMBER_OF", 2).containsEntry("BASED_IN", 2).containsEntry("SERVES", 1);
        assertThat(result.path("changes")).hasSize(FIXTURE_RECORDS);
        assertThat(texts(result.path("changes"), "kind")).containsOnly("CREATED");
        assertThat(result.path("changesComplete").asBoolean()).isTrue();
        assertThat(answer.at("/data/importData/problems")).isEmpty();
        assertThat(records(A)).isZero();
        assertThat(auditEvents(A)).as("the dry run's audit event is rolled back with it").isZero();
    }

    @Test
    void anImportWritesTheFileInOneGoAndTheSecondImportChangesNothing() {
        JsonNode first = importData(COORDINATOR_A, json(fixture("exchange-ax.json"), false),
                "Erstimport aus der Netzwerkliste");

        assertThat(first.at("/data/importData/result/dryRun").asBoolean()).isFalse();
        assertThat(first.at("/data/importData/result/created").asInt()).isEqualTo(FIXTURE_RECORDS);
        assertThat(records(A)).isEqualTo(FIXTURE_RECORDS);
        assertThat(count("""
                MATCH (ki:Actor {key: 'ax-ki', tenant: $a})-[m:MEMBER_OF {key: 'ax-m-ki', role: 'CHAIR'}]->
                      (:Body {key: 'ax-netzwerk'})-[:COVERS]->(:Area {key: $a})
                MATCH (:Actor {key: 'ax-verein'})-[:PROVIDES]->(s:Service {key: 'ax-beratung'})-[:IN_FIELD]->
                      (:FieldOfAction {key: 'HOUSING'})
                WHERE ki.email = 'ki@ahornwald.example' AND s.languages = ['de', 'ar'] AND ki.version = 1
                RETURN count(*)""", Map.of("a", A))).isEqualTo(1);
        assertThat(count("""
                MATCH (e:AuditEvent {tenant: $a, operation: 'IMPORT'})
                WHERE e.subject = $subject AND e.role = 'COORDINATOR' AND e.actingTenant = $a
                  AND e.comment = 'Erstimport aus der Netzwerkliste'
                RETURN count(e)""", Map.of("a", A, "subject", COORDINATOR_A.subject()))).isEqualTo(1);

        JsonNode second = importData(COORDINATOR_A, json(fixture("exchange-ax.json"), false));

        JsonNode result = second.at("/data/importData/result");
        assertThat(result.path("created").asInt() + result.path("changed").asInt() + result.path("ended").asInt())
                .isZero();
        assertThat(result.path("unchanged").asInt()).isEqualTo(FIXTURE_RECORDS);
        assertThat(result.path("changes")).isEmpty();
        assertThat(count("MATCH (n {tenant: $a}) WHERE n.version <> 1 RETURN count(n)", Map.of("a", A)))
                .as("unchanged records keep their version").isZero();
    }

    @Test
    void aChangedFileShowsEachChangeWithTheValueBeforeAndTheDryRunKeepsTheGraph() {
        importData(COORDINATOR_A, json(fixture("exchange-ax.json"), false));
        String changed = fixture("exchange-ax.json")
                .replace("\"ki@ahornwald.example\"", "\"integration@ahornwald.example\"")
                .replace("\"validFrom\": \"2024-01-01\"", "\"validFrom\": \"2024-01-01\", \"validTo\": \"2026-06-30\"");

        JsonNode answer = importData(COORDINATOR_A, json(changed));

        JsonNode result = answer.at("/data/importData/result");
        assertThat(result.path("changed").asInt()).isEqualTo(1);
        assertThat(result.path("ended").asInt()).isEqualTo(1);
        assertThat(result.path("unchanged").asInt()).isEqualTo(FIXTURE_RECORDS - 2);
        JsonNode email = result.path("changes").get(0);
        assertThat(email.path("kind").asString()).isEqualTo("CHANGED");
        assertThat(email.path("label").asString()).isEqualTo("Actor");
        assertThat(email.path("key").asString()).isEqualTo("ax-ki");
        assertThat(email.path("location").asString()).isEqualTo("import.json: nodes.Actor[0]");
        assertThat(email.path("fields")).hasSize(1);
        assertThat(email.path("fields").get(0).asString()).isEqualTo("email");
        assertThat(email.at("/before/0/field").asString()).isEqualTo("email");
        assertThat(email.at("/before/0/value").asString()).isEqualTo("ki@ahornwald.example");
        JsonNode ended = result.path("changes").get(1);
        assertThat(ended.path("kind").asString()).isEqualTo("ENDED");
        assertThat(ended.path("key").asString()).isEqualTo("ax-m-verein");
        assertThat(ended.at("/before/0/field").asString()).isEqualTo("validTo");
        assertThat(ended.at("/before/0/value").isNull()).isTrue();
        assertThat(count("MATCH (a:Actor {key: 'ax-ki', email: 'ki@ahornwald.example'}) RETURN count(a)", Map.of()))
                .as("dry run").isEqualTo(1);
        assertThat(count("MATCH ()-[m:MEMBER_OF {key: 'ax-m-verein'}]->() WHERE m.validTo IS NULL RETURN count(m)",
                Map.of())).isEqualTo(1);
    }

    @Test
    void aFileWithOneBadRecordNamesItsLocationAndFieldAndWritesNothing() {
        String bad = fixture("exchange-ax.json").replace("\"kind\": \"FREE_PROVIDER\"", "\"kind\": \"KEIN_TRAEGER\"");

        JsonNode answer = importData(COORDINATOR_A, Map.of("format", "json", "fileName", "ahornwald.json",
                "content", bad, "dryRun", false));

        JsonNode payload = answer.at("/data/importData");
        assertThat(payload.path("result").isNull()).isTrue();
        assertThat(payload.path("problems")).hasSize(1);
        JsonNode problem = payload.at("/problems/0");
        assertThat(problem.path("location").asString()).isEqualTo("ahornwald.json: nodes.Actor[1]");
        assertThat(problem.path("field").asString()).isEqualTo("kind");
        assertThat(problem.path("code").asString()).isNotBlank();
        assertThat(problem.path("messageDe").asString()).contains("KEIN_TRAEGER");
        assertThat(problem.path("messageEn").asString()).contains("KEIN_TRAEGER");
        assertThat(records(A)).isZero();
        assertThat(auditEvents(A)).isZero();
    }

    @Test
    void aCoordinatorCannotImportRecordsOfAnotherTenant() {
        JsonNode foreign = importData(COORDINATOR_A, json(fixture("exchange-ax-foreign.json"), false));

        JsonNode problems = foreign.at("/data/importData/problems");
        assertThat(foreign.at("/data/importData/result").isNull()).isTrue();
        assertThat(problems).hasSize(3);
        assertThat(texts(problems, "code")).containsOnly("FOREIGN_TENANT");
        assertThat(texts(problems, "field")).containsOnly("tenant");
        assertThat(texts(problems, "location")).contains("import.json: nodes.Actor[0]");

        JsonNode naming = importData(COORDINATOR_A, Map.of("format", "json", "content",
                fixture("exchange-ax-foreign.json"), "tenant", B, "dryRun", false));

        assertThat(naming.at("/errors/0/extensions/classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(naming.at("/errors/0/message").asString()).contains(B);
        assertThat(naming.at("/errors/0/extensions/messageEn").asString()).contains(B);
        assertThat(naming.at("/data").isNull()).isTrue();
        assertThat(records(B)).isZero();
    }

    @Test
    void rolesThatDoNotWriteAreForbiddenAndNothingIsRead() {
        for (Principal principal : List.of(as(AccessRole.DASHBOARD, A), as(AccessRole.PARTNER, A, "ax-verein"),
                as(AccessRole.ADMINISTRATION, A), new Principal("land", null, java.util.EnumSet.of(AccessRole.STATE),
                        null))) {
            JsonNode answer = importData(principal, json(fixture("exchange-ax.json"), false));

            String role = principal.actingRole().name();
            assertThat(answer.at("/errors/0/extensions/classification").asString()).as(role).isEqualTo("FORBIDDEN");
            assertThat(answer.at("/errors/0/message").asString()).as(role).contains("darf keine Dateien importieren");
            assertThat(answer.at("/data").isNull()).as(role).isTrue();
        }
        assertThat(records(A)).isZero();
    }

    @Test
    void operationsImportIntoTheTenantTheyName() {
        String withoutTenant = fixture("exchange-ax-foreign.json").replace("\"tenant\": \"999880000000\",", "");

        JsonNode answer = importData(ADMIN, Map.of("format", "json", "content", withoutTenant, "tenant", B,
                "dryRun", false));

        assertThat(answer.at("/data/importData/result/created").asInt()).as(answer.toString()).isEqualTo(3);
        assertThat(records(B)).isEqualTo(3);
        assertThat(count("MATCH (e:AuditEvent {tenant: $b, role: 'ADMIN', subject: $s}) RETURN count(e)",
                Map.of("b", B, "s", ADMIN.subject()))).isEqualTo(1);

        JsonNode malformed = importData(ADMIN, Map.of("format", "json", "content", withoutTenant, "tenant", "Birkenau"));
        assertThat(malformed.at("/data/importData/errors/0/code").asString()).isEqualTo("INVALID_VALUE");
        assertThat(malformed.at("/data/importData/errors/0/field").asString()).isEqualTo("input.tenant");
    }

    @Test
    void base64ContentReadsLikeTextAndBadBase64IsAnInputError() {
        String base64 = Base64.getEncoder().encodeToString(fixture("exchange-ax.json").getBytes(StandardCharsets.UTF_8));

        JsonNode answer = importData(COORDINATOR_A, Map.of("format", "json", "content", base64, "encoding", "BASE64"));
        JsonNode broken = importData(COORDINATOR_A, Map.of("format", "json", "content", "nicht*base64!",
                "encoding", "BASE64"));

        assertThat(answer.at("/data/importData/result/created").asInt()).isEqualTo(FIXTURE_RECORDS);
        assertThat(answer.at("/data/importData/result/dryRun").asBoolean()).isTrue();
        assertThat(broken.at("/data/importData/result").isNull()).isTrue();
        assertThat(broken.at("/data/importData/errors/0/code").asString()).isEqualTo("INVALID_VALUE");
        assertThat(broken.at("/data/importData/errors/0/field").asString()).isEqualTo("input.content");
        assertThat(records(A)).isZero();
    }

    @Test
    void anUnknownFormatIsAnInputErrorListingTheFormats() {
        JsonNode answer = importData(COORDINATOR_A, Map.of("format", "docx", "content", "x"));

        JsonNode error = answer.at("/data/importData/errors/0");
        assertThat(error.path("code").asString()).isEqualTo("UNKNOWN_FORMAT");
        assertThat(error.path("field").asString()).isEqualTo("input.format");
        assertThat(error.path("message").asString()).contains("docx", "json");
        assertThat(error.path("messageEn").asString()).contains("docx", "json");
    }

    @Test
    void aNewActorNamedLikeAnExistingOneIsReportedForReviewNotMerged() {
        importData(COORDINATOR_A, json(fixture("exchange-ax.json"), false));
        String twin = """
                {"format": "kim-graph/1", "tenant": "999890000000", "nodes": {"Actor": [
                  {"key": "ax-verein-2", "name": "Beratungsverein Ahornstadt (fiktiv) e.V.", "kind": "FREE_PROVIDER"}]}}
                """;

        JsonNode answer = importData(COORDINATOR_A, Map.of("format", "json", "content", twin, "dryRun", false));

        JsonNode warnings = answer.at("/data/importData/result/warnings");
        assertThat(texts(warnings, "code")).containsExactly("POSSIBLE_DUPLICATE");
        assertThat(warnings.at("/0/messageDe").asString()).contains("ax-verein");
        assertThat(count("MATCH (a:Actor) WHERE a.key IN ['ax-verein', 'ax-verein-2'] RETURN count(a)", Map.of()))
                .isEqualTo(2);
    }

    @Test
    void aFileLargerThanTheStringArgumentLimitPassesUnderTheBodyLimit() {
        String file = manyActors(200);
        assertThat(file.length()).isBetween(20_000, 90_000);

        JsonNode answer = importData(COORDINATOR_A, Map.of("format", "json", "content", file));

        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        assertThat(answer.at("/data/importData/result/created").asInt()).isEqualTo(200);
    }

    @Test
    void changesTakeFirst() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("input", json(fixture("exchange-ax.json")));
        variables.put("first", 3);

        JsonNode answer = graphQl(COORDINATOR_A).execute("importData", variables);
        variables.put("first", 1001);
        JsonNode tooMany = graphQl(COORDINATOR_A).execute("importData", variables);

        assertThat(answer.at("/data/importData/result/changes")).hasSize(3);
        assertThat(answer.at("/data/importData/result/changesComplete").asBoolean()).isTrue();
        assertThat(tooMany.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
    }
}
