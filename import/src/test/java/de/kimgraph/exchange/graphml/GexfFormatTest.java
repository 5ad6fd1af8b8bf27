package de.kimgraph.exchange.graphml;

import static de.kimgraph.exchange.ExchangeFixtures.demo;
import static de.kimgraph.exchange.ExchangeFixtures.demoSnapshot;
import static de.kimgraph.exchange.ExchangeFixtures.read;
import static de.kimgraph.exchange.ExchangeFixtures.records;
import static de.kimgraph.exchange.ExchangeFixtures.write;
import static de.kimgraph.exchange.graphml.GraphMlFormatTest.children;
import static de.kimgraph.exchange.graphml.GraphMlFormatTest.element;
import static de.kimgraph.exchange.graphml.GraphMlFormatTest.parse;
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
import de.kimgraph.exchange.ExportScope;
import de.kimgraph.exchange.Formats;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.Snapshot;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetBuilder;
import de.kimgraph.model.dataset.DatasetException;
import de.kimgraph.model.dataset.DatasetLoader;
import de.kimgraph.model.dataset.LoadResult;
import de.kimgraph.model.dataset.Problem;
import de.kimgraph.model.dataset.Resources;
import de.kimgraph.model.testing.TestNeo4j;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class GexfFormatTest {

    private static final String TENANT = "999930000000";
    private static final String FIXTURE = "/graphs/gr-network.gexf";

    private final GexfFormat format = new GexfFormat();

    @AfterEach
    void removeWhatTheTestWrote() {
        ExchangeFixtures.deleteTenant(TENANT);
    }

    @Test
    void isRegistered() {
        assertThat(Formats.get("gexf")).isInstanceOf(GexfFormat.class);
    }

    @Test
    void writesADynamicGraphWithSpellsFromValidity() throws Exception {
        Snapshot snapshot = demoSnapshot();
        Document doc = parse(write(format, snapshot));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(GexfFormat.NS);
        assertThat(root.getAttribute("version")).isEqualTo("1.3");
        Element graph = children(root, "graph").getFirst();
        assertThat(graph.getAttribute("mode")).isEqualTo("dynamic");
        assertThat(graph.getAttribute("timeformat")).isEqualTo("date");

        Map<String, Map<String, String>> declared = new HashMap<>();
        for (Element attributes : children(graph, "attributes")) {
            Map<String, String> titles = new HashMap<>();
            children(attributes, "attribute").forEach(a -> titles.put(a.getAttribute("id"), a.getAttribute("title")));
            declared.put(attributes.getAttribute("class"), titles);
        }
        assertThat(declared.get("node").values()).contains("label", "key", "referenced", "name", "sector", "fte")
                .doesNotContain("validFrom", "validTo");
        assertThat(declared.get("edge").values()).contains("type", "key", "share", "role").doesNotContain("validFrom");

        Element nodes = children(graph, "nodes").getFirst();
        List<Element> nodeList = children(nodes, "node");
        assertThat(nodeList).hasSize(Integer.parseInt(nodes.getAttribute("count")))
                .hasSize(snapshot.dataset().nodes().size() + snapshot.referenced().size());
        Set<String> ids = new HashSet<>();
        for (Element node : nodeList) {
            ids.add(node.getAttribute("id"));
            for (Element value : children(children(node, "attvalues").getFirst(), "attvalue")) {
                assertThat(declared.get("node")).containsKey(value.getAttribute("for"));
            }
        }

        Element ended = element(nodes, "node", "Body:body-runder-tisch-2015");
        assertThat(ended.getAttribute("label")).isEqualTo(name(snapshot, "Body", "body-runder-tisch-2015"));
        assertThat(spell(ended)).containsExactly("2015-09-01", "2019-12-31");
        assertThat(spell(element(nodes, "node", "Service:svc-awo-suedost"))).containsExactly("2024-01-01", "2028-06-30");
        assertThat(children(element(nodes, "node", "Actor:caritas-auental"), "spells")).isEmpty();
        Element colour = children(element(nodes, "node", "Actor:caritas-auental"), "color").getFirst();
        assertThat(colour.getNamespaceURI()).isEqualTo(GexfFormat.VIZ);
        assertThat(List.of(colour.getAttribute("r"), colour.getAttribute("g"), colour.getAttribute("b")))
                .containsExactly("214", "39", "40");

        Element edges = children(graph, "edges").getFirst();
        assertThat(children(edges, "edge")).hasSize(snapshot.dataset().relationships().size())
                .allSatisfy(e -> assertThat(ids).contains(e.getAttribute("source"), e.getAttribute("target")));
        Element membership = element(edges, "edge", "MEMBER_OF:mem-runder-tisch-2015-caritas-auental");
        assertThat(membership.getAttribute("kind")).isEqualTo("MEMBER_OF");
        assertThat(membership.getAttribute("label")).isEqualTo("ist Mitglied in");
        assertThat(spell(membership)).containsExactly("2015-09-01", "2019-12-31");
        Element openEnded = element(edges, "edge", "MEMBER_OF:mem-kim-kerngruppe-auental-ki");
        assertThat(spell(openEnded)).containsExactly("2021-02-01", "");
        assertThat(element(edges, "edge", "COOPERATES_WITH:coop-ki-caritas-mbe").getAttribute("type"))
                .isEqualTo("undirected");
    }

    @Test
    void readsItsOwnExportBackToTheSameDatasetAndWritesTheSameBytes() {
        Snapshot snapshot = demoSnapshot();
        byte[] file = write(format, snapshot);

        Dataset back = read(format, "auental.gexf", file, ReadOptions.forTenant("ignored"));

        assertThat(records(back)).isEqualTo(records(demo()));
        assertThat(new String(write(format, new Snapshot(snapshot.scope(), back, snapshot.referenced())),
                StandardCharsets.UTF_8)).isEqualTo(new String(file, StandardCharsets.UTF_8));
    }

    @Test
    void keepsLineBreaksTabsQuotesAndMarkupInAttributeValuesAndDropsWhatXmlCannotCarry() {
        String text = "Erste Zeile\r\nzweite\tSpalte \"zitiert\" <b>&amp;</b>\u0001 Ende";
        Dataset dataset = new DatasetBuilder("t", TENANT, null, null)
                .node("Body", Map.of("key", "gr-text", "name", "Text & \"Zeichen\"", "type", "ROUND_TABLE",
                        "description", text), "t").build();

        for (var f : List.of(format, new GraphMlFormat())) {
            Dataset back = read(f, "t", write(f, Snapshot.of(ExportScope.wholeTenant(TENANT), dataset)),
                    ReadOptions.forTenant(TENANT));
            assertThat(back.nodes().getFirst().properties()).as(f.id())
                    .containsEntry("description", text.replace("\u0001", ""))
                    .containsEntry("name", "Text & \"Zeichen\"");
        }
    }

    @Test
    void importsAFileIntoNeo4jAndTheSecondImportChangesNothing() {
        Driver driver = TestNeo4j.get().withDemo().driver();

        LoadResult first = new DatasetLoader(driver).load(fixture(new String(Resources.read(FIXTURE),
                StandardCharsets.UTF_8)));

        assertThat(first.created()).isEqualTo(3 + 3);
        var row = driver.executableQuery("""
                MATCH (a:Actor {key: 'gr-traeger-a'})-[m:MEMBER_OF {key: 'gr-m1'}]->(b:Body {key: 'gr-runder-tisch'})
                      <-[m2:MEMBER_OF {key: 'gr-m2'}]-(:Actor {key: 'gr-verein-b'}),
                      (a)-[:BASED_IN]->(:Area {key: '051580028028'})
                RETURN a.validFrom AS aFrom, a.validTo AS aTo, a.name AS name, b.validFrom AS bFrom, b.validTo AS bTo,
                       b.hierarchyLevels AS levels, m.role AS role, m.validTo AS mTo, m2.validFrom AS m2From,
                       b.tenant AS tenant""").execute().records();
        assertThat(row).hasSize(1);
        Map<String, Object> values = new HashMap<>(row.getFirst().asMap());
        assertThat(values).containsEntry("aFrom", LocalDate.of(2020, 1, 1)).containsEntry("name", "Träger A (fiktiv)")
                .containsEntry("bFrom", LocalDate.of(2015, 9, 1)).containsEntry("bTo", LocalDate.of(2019, 12, 31))
                .containsEntry("levels", List.of("LEADERSHIP", "OPERATIONAL")).containsEntry("role", "CHAIR")
                .containsEntry("mTo", LocalDate.of(2019, 12, 31)).containsEntry("m2From", LocalDate.of(2016, 1, 1))
                .containsEntry("tenant", TENANT);
        assertThat(values.get("aTo")).isNull();

        LoadResult second = new DatasetLoader(driver).load(fixture(new String(Resources.read(FIXTURE),
                StandardCharsets.UTF_8)));
        assertThat(second.created() + second.changed() + second.ended()).isZero();
        assertThat(second.unchanged()).isEqualTo(6);
    }

    @Test
    void aBadDateInASpellWritesNothingAndNamesTheNode() {
        Problem problem = onlyProblem(text().replace("end=\"2019-12-31\"/></spells>\n      </node>",
                "end=\"31.12.2019\"/></spells>\n      </node>"));

        assertThat(problem.code()).isEqualTo("INVALID_VALUE");
        assertThat(problem.field()).isEqualTo("validTo");
        assertThat(problem.location()).startsWith("gr-network.gexf: node[3] (id=Body:gr-runder-tisch), Zeile ");
        assertNothingWritten();
    }

    @Test
    void twoSpellsWriteNothingBecauseARecordHasOneValidity() {
        Problem problem = onlyProblem(text().replace("<spells><spell start=\"2016-01-01\" end=\"2018-06-30\"/></spells>",
                "<spells><spell start=\"2016-01-01\" end=\"2016-06-30\"/><spell start=\"2017-01-01\"/></spells>"));

        assertThat(problem.code()).isEqualTo("MULTIPLE_SPELLS");
        assertThat(problem.location()).contains("edge[2] (id=MEMBER_OF:gr-m2)");
        assertNothingWritten();
    }

    @Test
    void anUnknownLabelOrTypeWritesNothingAndNamesTheElement() {
        Problem label = onlyProblem(text().replace("<attvalue for=\"0\" value=\"Body\"/>",
                "<attvalue for=\"0\" value=\"Netzwerk\"/>"));
        assertThat(label.code()).isEqualTo("UNKNOWN_LABEL");
        assertThat(label.location()).contains("node[3] (id=Body:gr-runder-tisch)");

        Problem type = onlyProblem(text().replace("<attvalue for=\"0\" value=\"BASED_IN\"/>",
                "<attvalue for=\"0\" value=\"LOCATED_IN\"/>"));
        assertThat(type.code()).isEqualTo("UNKNOWN_TYPE");
        assertThat(type.location()).startsWith("gr-network.gexf: edge[3], Zeile ");
        assertNothingWritten();
    }

    private Dataset fixture(String gexf) {
        return read(format, "gr-network.gexf", gexf.getBytes(StandardCharsets.UTF_8), ReadOptions.forTenant(TENANT));
    }

    private Problem onlyProblem(String gexf) {
        DatasetException thrown = catchThrowableOfType(DatasetException.class,
                () -> new DatasetLoader(TestNeo4j.get().withDemo().driver()).load(fixture(gexf)));
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

    private static String name(Snapshot snapshot, String label, String key) {
        return String.valueOf(snapshot.node(label, key).orElseThrow().properties().get("name"));
    }

    private static List<String> spell(Element element) {
        List<Element> spells = children(children(element, "spells").getFirst(), "spell");
        assertThat(spells).hasSize(1);
        return List.of(spells.getFirst().getAttribute("start"), spells.getFirst().getAttribute("end"));
    }
}
