package de.kimgraph.exchange.kumu;

import static de.kimgraph.exchange.ExchangeFixtures.demo;
import static de.kimgraph.exchange.ExchangeFixtures.demoSnapshot;
import static de.kimgraph.exchange.ExchangeFixtures.read;
import static de.kimgraph.exchange.ExchangeFixtures.records;
import static de.kimgraph.exchange.ExchangeFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.exchange.ExchangeFixtures;
import de.kimgraph.exchange.Formats;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.Snapshot;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetException;
import de.kimgraph.model.dataset.DatasetLoader;
import de.kimgraph.model.dataset.LoadResult;
import de.kimgraph.model.dataset.Problem;
import de.kimgraph.model.dataset.Resources;
import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class KumuFormatTest {

    private static final String TENANT = "999930000000";
    private static final String FIXTURE = "/graphs/gr-network.kumu.json";

    private final KumuFormat format = new KumuFormat();

    @AfterEach
    void removeWhatTheTestWrote() {
        ExchangeFixtures.deleteTenant(TENANT);
    }

    @Test
    void isRegistered() {
        assertThat(Formats.get("kumu")).isInstanceOf(KumuFormat.class);
    }

    @Test
    void writesABlueprintWithGermanTypesTagsAndDirections() {
        Snapshot snapshot = demoSnapshot();
        JsonNode root = JsonMapper.builder().build().readTree(write(format, snapshot));

        assertThat(root.propertyNames()).containsExactly("elements", "connections");
        assertThat(root.get("elements")).hasSize(snapshot.dataset().nodes().size() + snapshot.referenced().size());
        assertThat(root.get("connections")).hasSize(snapshot.dataset().relationships().size());
        Set<String> ids = new HashSet<>();
        Map<String, JsonNode> elements = new HashMap<>();
        for (JsonNode element : root.get("elements")) {
            assertThat(ids.add(element.get("id").asString())).isTrue();
            assertThat(element.get("label").asString()).isNotBlank();
            assertThat(element.get("type").asString()).isIn("Gebiet", "Akteur", "Rolle", "Gremium", "Angebot",
                    "Förderprogramm", "Fördervoraussetzung", "Stelle", "Vereinbarung", "Handlungsfeld", "Zielgruppe",
                    "Rechtskreis", "Aufenthaltsstatus");
            elements.put(element.get("id").asString(), element);
        }
        Map<String, JsonNode> connections = new HashMap<>();
        for (JsonNode connection : root.get("connections")) {
            if (connection.has("id")) {
                assertThat(ids.add(connection.get("id").asString())).as("ids unique across elements and connections")
                        .isTrue();
                connections.put(connection.get("id").asString(), connection);
            }
            assertThat(elements).containsKeys(connection.get("from").asString(), connection.get("to").asString());
        }

        JsonNode caritas = elements.get("Actor:caritas-auental");
        assertThat(caritas.get("label").asString()).isEqualTo("Caritasverband Auental e.V. (fiktiv)");
        assertThat(caritas.get("type").asString()).isEqualTo("Akteur");
        assertThat(caritas.get("key").asString()).isEqualTo("caritas-auental");
        assertThat(caritas.get("kind").asString()).isEqualTo("Wohlfahrtsverband");
        assertThat(caritas.has("name")).isFalse();
        assertThat(caritas.get("tags").valueStream().map(JsonNode::asString))
                .containsExactly("Dritter Sektor (Freie Wohlfahrtspflege)", "Wohlfahrtsverband");
        JsonNode service = elements.get("Service:svc-mbe-caritas");
        String field = String.valueOf(snapshot.node("FieldOfAction", "MIGRATION_COUNSELLING").orElseThrow()
                .properties().get("labelDe"));
        assertThat(service.get("tags").valueStream().map(JsonNode::asString)).contains(field);
        assertThat(service.get("capacity").isIntegralNumber()).isTrue();
        JsonNode body = elements.get("Body:body-kim-kerngruppe");
        assertThat(body.get("type").asString()).isEqualTo("Gremium");
        assertThat(body.get("kim-type").asString()).isEqualTo("Kerngruppe");
        assertThat(elements.get("FieldOfAction:MIGRATION_COUNSELLING").get("referenced").asBoolean()).isTrue();

        JsonNode coop = connections.get("COOPERATES_WITH:coop-ki-caritas-mbe");
        assertThat(coop.get("direction").asString()).isEqualTo("mutual");
        assertThat(coop.get("type").asString()).isEqualTo("kooperiert mit");
        JsonNode membership = connections.get("MEMBER_OF:mem-kim-kerngruppe-auental-ki");
        assertThat(membership.get("from").asString()).isEqualTo("Actor:auental-ki");
        assertThat(membership.get("direction").asString()).isEqualTo("directed");
        assertThat(membership.get("type").asString()).isEqualTo("ist Mitglied in");
        assertThat(membership.get("role").asString()).isEqualTo("Vorsitz/Federführung");
        assertThat(membership.get("validFrom").asString()).isEqualTo("2021-02-01");
    }

    @Test
    void readsItsOwnExportBackToTheSameDatasetAndWritesTheSameBytes() {
        Snapshot snapshot = demoSnapshot();
        byte[] file = write(format, snapshot);

        Dataset back = read(format, "auental.kumu.json", file, ReadOptions.forTenant("ignored"));

        assertThat(records(back)).isEqualTo(records(demo()));
        assertThat(new String(write(format, new Snapshot(snapshot.scope(), back, snapshot.referenced())),
                StandardCharsets.UTF_8)).isEqualTo(new String(file, StandardCharsets.UTF_8));
    }

    @Test
    void importsABlueprintIntoNeo4jAndTheSecondImportChangesNothing() {
        Driver driver = TestNeo4j.get().withDemo().driver();

        LoadResult first = new DatasetLoader(driver).load(fixture(text()));

        assertThat(first.created()).isEqualTo(4 + 4);
        var row = driver.executableQuery("""
                MATCH (a:Actor {key: 'gr-traeger-a'})-[c:COOPERATES_WITH]->(b:Actor {key: 'gr-verein-b'})
                      -[m:MEMBER_OF]->(g:Body {key: 'gr-ag'}),
                      (p:Position {key: 'gr-stelle-1'})-[:IN_UNIT]->(a)-[:BASED_IN]->(:Area {key: '051580028028'})
                RETURN a.kind AS kind, a.sector AS sector, a.identifiers AS identifiers, a.validFrom AS from,
                       b.identifiers AS none, p.title AS title, p.fte AS fte, p.function AS function,
                       p.permanent AS permanent, g.type AS type, g.name AS name, g.description AS description,
                       m.role AS role, c.key AS coop, c.validFrom AS coopFrom""").execute().records();
        assertThat(row).hasSize(1);
        assertThat(row.getFirst().asMap()).containsEntry("kind", "FREE_PROVIDER").containsEntry("sector", "THIRD_SECTOR")
                .containsEntry("identifiers", List.of("VR 0001 (fiktiv)")).containsEntry("from", LocalDate.of(2022, 3, 1))
                .containsEntry("none", List.of()).containsEntry("title", "Koordination Teilhabe (fiktiv)")
                .containsEntry("fte", 0.5).containsEntry("function", "COORDINATION").containsEntry("permanent", false)
                .containsEntry("type", "WORKING_GROUP").containsEntry("name", "AG Sprache (fiktiv)")
                .containsEntry("description", "Arbeitsgruppe\nmit zwei Zeilen").containsEntry("role", "CHAIR")
                .containsEntry("coop", "gr-c1").containsEntry("coopFrom", LocalDate.of(2023, 1, 1));

        LoadResult second = new DatasetLoader(driver).load(fixture(text()));
        assertThat(second.created() + second.changed() + second.ended()).isZero();
        assertThat(second.unchanged()).isEqualTo(8);
    }

    @Test
    void readsKumusOwnExportShape() {
        String export = """
                {"elements": [
                  {"_id": "elem-1", "attributes": {"label": "Träger X (fiktiv)", "element type": "Akteur",
                    "key": "gr-x", "kind": "Freier Träger", "validfrom": "2024-05-01", "tags": ["egal"]}},
                  {"_id": "elem-2", "attributes": {"label": "Netz Y (fiktiv)", "element type": "Gremium", "key": "gr-y",
                    "kim-type": "Runder Tisch"}}],
                 "connections": [
                  {"_id": "conn-1", "from": "elem-1", "to": "elem-2", "direction": "directed", "delayed": false,
                   "reversed": false, "attributes": {"connection type": "ist Mitglied in", "key": "gr-xy", "role": "Mitglied"}}],
                 "loops": [], "maps": []}""";

        Dataset dataset = read(format, "export.json", export.getBytes(StandardCharsets.UTF_8),
                ReadOptions.forTenant(TENANT));

        Map<String, Map<String, Object>> records = records(dataset);
        assertThat(records).containsOnlyKeys("Actor:gr-x", "Body:gr-y", "MEMBER_OF Actor:gr-x→Body:gr-y gr-xy");
        assertThat(records.get("Actor:gr-x")).containsEntry("name", "Träger X (fiktiv)")
                .containsEntry("kind", "FREE_PROVIDER").containsEntry("validFrom", LocalDate.of(2024, 5, 1))
                .containsEntry("tenant", TENANT);
        assertThat(records.get("Body:gr-y")).containsEntry("type", "ROUND_TABLE");
        assertThat(records.get("MEMBER_OF Actor:gr-x→Body:gr-y gr-xy")).containsEntry("role", "MEMBER");
    }

    @Test
    void anElementWithAnUnknownTypeWritesNothingAndIsNamed() {
        Problem problem = onlyProblem(text().replace("\"type\": \"Gremium\"", "\"type\": \"Organisation\""));

        assertThat(problem.code()).isEqualTo("UNKNOWN_LABEL");
        assertThat(problem.location()).isEqualTo("gr-network.kumu.json: elements[3] (id=Body:gr-ag)");
        assertNothingWritten();
    }

    @Test
    void aConnectionWithAnUnknownTypeOrBadDateWritesNothingAndIsNamed() {
        Problem type = onlyProblem(text().replace("\"type\": \"kooperiert mit\"", "\"type\": \"mag\""));
        assertThat(type.code()).isEqualTo("UNKNOWN_TYPE");
        assertThat(type.location()).isEqualTo("gr-network.kumu.json: connections[0] (id=COOPERATES_WITH:gr-c1)");

        Problem date = onlyProblem(text().replace("\"2023-01-01\"", "\"1. Januar 2023\""));
        assertThat(date.code()).isEqualTo("INVALID_VALUE");
        assertThat(date.field()).isEqualTo("validFrom");
        assertThat(date.location()).isEqualTo("gr-network.kumu.json: connections[0] (id=COOPERATES_WITH:gr-c1)");
        assertNothingWritten();
    }

    @Test
    void anElementWithoutKeyIsNamed() {
        Problem problem = onlyProblem(text().replace("\"id\": \"Position:gr-stelle-1\", ", "")
                .replace("\"key\": \"gr-stelle-1\",", "").replace("\"from\": \"Position:gr-stelle-1\"",
                        "\"from\": \"Koordination Teilhabe (fiktiv)\""));

        assertThat(problem.code()).isEqualTo("MISSING_KEY");
        assertThat(problem.location()).isEqualTo("gr-network.kumu.json: elements[2]");
        assertThat(problem.messageDe()).contains("Koordination Teilhabe (fiktiv)");
        assertNothingWritten();
    }

    private Dataset fixture(String json) {
        return read(format, "gr-network.kumu.json", json.getBytes(StandardCharsets.UTF_8),
                ReadOptions.forTenant(TENANT));
    }

    private Problem onlyProblem(String json) {
        DatasetException thrown = catchThrowableOfType(DatasetException.class,
                () -> new DatasetLoader(TestNeo4j.get().withDemo().driver()).load(fixture(json)));
        assertThat(thrown).as("the file is refused").isNotNull();
        assertThat(thrown.problems()).hasSize(1);
        return thrown.problems().getFirst();
    }

    private static void assertNothingWritten() {
        ExchangeFixtures.assertNothingWritten(TENANT);
    }

    private static String text() {
        return new String(Resources.read(FIXTURE), StandardCharsets.UTF_8);
    }
}
