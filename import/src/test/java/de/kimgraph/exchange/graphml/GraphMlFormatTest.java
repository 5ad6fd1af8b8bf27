package de.kimgraph.exchange.graphml;

import static de.kimgraph.exchange.ExchangeFixtures.demo;
import static de.kimgraph.exchange.ExchangeFixtures.demoSnapshot;
import static de.kimgraph.exchange.ExchangeFixtures.read;
import static de.kimgraph.exchange.ExchangeFixtures.records;
import static de.kimgraph.exchange.ExchangeFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphMlFormatTest {

    private static final String TENANT = "999930000000";
    private static final String FIXTURE = "/graphs/gr-network.graphml";

    private final GraphMlFormat format = new GraphMlFormat();

    @AfterEach
    void removeWhatTheTestWrote() {
        ExchangeFixtures.deleteTenant(TENANT);
    }

    @Test
    void isRegistered() {
        assertThat(Formats.get("graphml")).isInstanceOf(GraphMlFormat.class);
    }

    @Test
    void declaresAKeyForEveryAttributeAndWritesACompleteGraph() throws Exception {
        Snapshot snapshot = demoSnapshot();
        Document doc = parse(write(format, snapshot));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(GraphMlFormat.NS);

        Map<String, Element> keys = new HashMap<>();
        for (Element key : children(root, "key")) {
            keys.put(key.getAttribute("id"), key);
            assertThat(key.getAttribute("attr.type")).isIn("string", "long", "double", "boolean");
        }
        assertThat(keys.get("n_label").getAttribute("attr.name")).isEqualTo("label");
        assertThat(keys.get("n_name").getAttribute("attr.name")).isEqualTo("name");
        assertThat(keys.get("n_capacity").getAttribute("attr.type")).isEqualTo("long");
        assertThat(keys.get("n_fte").getAttribute("attr.type")).isEqualTo("double");
        assertThat(keys.get("n_timeLimited").getAttribute("attr.type")).isEqualTo("boolean");
        assertThat(keys.get("n_validFrom").getTextContent()).contains("ISO 8601");
        assertThat(keys.get("n_languages").getTextContent()).contains("durch ; getrennt");
        assertThat(keys.get("e_type").getAttribute("for")).isEqualTo("edge");

        Element graph = children(root, "graph").getFirst();
        Set<String> nodeIds = new HashSet<>();
        List<Element> referenced = new ArrayList<>();
        for (Element node : children(graph, "node")) {
            assertThat(nodeIds.add(node.getAttribute("id"))).as("unique node id").isTrue();
            Map<String, String> data = data(node);
            assertThat(keys.keySet()).containsAll(data.keySet());
            assertThat(node.getAttribute("id")).isEqualTo(data.get("n_label") + ":" + data.get("n_key"));
            assertThat(data.get("n_name")).isNotBlank();
            if ("true".equals(data.get("n_referenced"))) {
                referenced.add(node);
            }
        }
        assertThat(nodeIds).hasSize(snapshot.dataset().nodes().size() + snapshot.referenced().size());
        assertThat(referenced).hasSize(snapshot.referenced().size())
                .allSatisfy(n -> assertThat(data(n).get("n_label")).isIn("FieldOfAction", "TargetGroup", "LegalDomain",
                        "ResidenceStatus"));
        assertThat(data(element(graph, "node", "FieldOfAction:EDUCATION_LANGUAGE")).get("n_name"))
                .isEqualTo("Bildung und Sprache");

        List<Element> edges = children(graph, "edge");
        assertThat(edges).hasSize(snapshot.dataset().relationships().size());
        for (Element edge : edges) {
            assertThat(nodeIds).contains(edge.getAttribute("source"), edge.getAttribute("target"));
            assertThat(keys.keySet()).containsAll(data(edge).keySet());
        }
        Element membership = element(graph, "edge", "MEMBER_OF:mem-kim-kerngruppe-auental-ki");
        assertThat(membership.getAttribute("source")).isEqualTo("Actor:auental-ki");
        assertThat(membership.getAttribute("target")).isEqualTo("Body:body-kim-kerngruppe");
        assertThat(data(membership)).containsEntry("e_type", "MEMBER_OF").containsEntry("e_key",
                "mem-kim-kerngruppe-auental-ki").containsEntry("e_role", "CHAIR").containsEntry("e_validFrom", "2021-02-01");
        assertThat(element(graph, "edge", "COOPERATES_WITH:coop-ki-caritas-mbe").getAttribute("directed"))
                .isEqualTo("false");
        Map<String, String> service = data(element(graph, "node", "Service:svc-mbe-caritas"));
        assertThat(service).containsEntry("n_languages", "de;ar;fa;tr").containsEntry("n_capacity", "110");
    }

    @Test
    void readsItsOwnExportBackToTheSameDatasetAndWritesTheSameBytes() {
        Snapshot snapshot = demoSnapshot();
        byte[] file = write(format, snapshot);

        Dataset back = read(format, "auental.graphml", file, ReadOptions.forTenant("ignored"));

        assertThat(records(back)).isEqualTo(records(demo()));
        assertThat(new String(write(format, new Snapshot(snapshot.scope(), back, snapshot.referenced())),
                StandardCharsets.UTF_8)).isEqualTo(new String(file, StandardCharsets.UTF_8));
    }

    @Test
    void importsAFileIntoNeo4jAndTheSecondImportChangesNothing() {
        Driver driver = TestNeo4j.get().withDemo().driver();
        Dataset dataset = read(format, "gr-network.graphml", Resources.read(FIXTURE), ReadOptions.forTenant(TENANT));

        LoadResult first = new DatasetLoader(driver).load(dataset);

        assertThat(first.created()).isEqualTo(4 + 6);
        assertThat(first.counts()).doesNotContainKeys("Area", "FieldOfAction");
        var row = driver.executableQuery("""
                MATCH (a:Actor {key: 'gr-traeger-a'})-[m:MEMBER_OF {key: 'gr-m1'}]->(b:Body {key: 'gr-netzwerk'}),
                      (a)-[:BASED_IN]->(:Area {key: '051580028028'}),
                      (a)-[:PROVIDES]->(s:Service {key: 'gr-beratung'})-[:IN_FIELD]->(:FieldOfAction {key: 'EDUCATION_LANGUAGE'}),
                      (a)-[c:COOPERATES_WITH]->(:Actor {key: 'gr-verein-b'})-[m2:MEMBER_OF]->(b)
                RETURN a.tenant AS tenant, a.sector AS sector, a.validFrom AS from, a.visibility AS visibility,
                       m.role AS role, m2.validTo AS to, s.languages AS languages, s.capacity AS capacity,
                       b.type AS type, c.key AS coop, m.tenant AS relTenant""").execute().records();
        assertThat(row).hasSize(1);
        assertThat(row.getFirst().asMap()).containsEntry("tenant", TENANT).containsEntry("sector", "THIRD_SECTOR")
                .containsEntry("from", java.time.LocalDate.of(2024, 1, 1)).containsEntry("visibility", "PUBLISHED")
                .containsEntry("role", "CHAIR").containsEntry("to", java.time.LocalDate.of(2025, 6, 30))
                .containsEntry("languages", List.of("de", "ar", "uk")).containsEntry("capacity", 40L)
                .containsEntry("type", "EXCHANGE_PLATFORM").containsEntry("coop", "gr-c1")
                .containsEntry("relTenant", TENANT);
        assertThat(driver.executableQuery("MATCH (a:Area {key: '051580028028'}) RETURN a.tenant AS t").execute()
                .records().getFirst().get("t").asString()).isEqualTo("REFERENCE");

        LoadResult second = new DatasetLoader(driver).load(
                read(format, "gr-network.graphml", Resources.read(FIXTURE), ReadOptions.forTenant(TENANT)));
        assertThat(second.created() + second.changed() + second.ended()).isZero();
        assertThat(second.unchanged()).isEqualTo(first.created());
    }

    @Test
    void anUnknownLabelWritesNothingAndNamesTheNode() {
        Problem problem = onlyProblem(fixture().replace("<data key=\"n_label\">Body</data>",
                "<data key=\"n_label\">Organisation</data>"));

        assertThat(problem.code()).isEqualTo("UNKNOWN_LABEL");
        assertThat(problem.location()).startsWith("gr-network.graphml: node[3] (id=Body:gr-netzwerk), Zeile ");
        assertThat(problem.messageDe()).contains("Organisation");
        assertNothingWritten();
    }

    @Test
    void anUnknownRelationshipTypeWritesNothingAndNamesTheEdge() {
        Problem problem = onlyProblem(fixture().replace("<data key=\"e_type\">MEMBER_OF</data>\n      <data key=\"e_key\">gr-m2",
                "<data key=\"e_type\">IS_MEMBER</data>\n      <data key=\"e_key\">gr-m2"));

        assertThat(problem.code()).isEqualTo("UNKNOWN_TYPE");
        assertThat(problem.location()).startsWith("gr-network.graphml: edge[2] (id=MEMBER_OF:gr-m2), Zeile ");
        assertNothingWritten();
    }

    @Test
    void aBadDateWritesNothingAndNamesTheElementAndField() {
        Problem problem = onlyProblem(fixture().replace("2025-06-30", "2025-06-31"));

        assertThat(problem.code()).isEqualTo("INVALID_VALUE");
        assertThat(problem.field()).isEqualTo("validTo");
        assertThat(problem.location()).contains("edge[2] (id=MEMBER_OF:gr-m2)");
        assertNothingWritten();
    }

    @Test
    void aReferencedNodeMissingInTheDatabaseWritesNothingAndNamesTheEdge() {
        Driver driver = TestNeo4j.get().withDemo().driver();
        Dataset dataset = read(format, "gr-network.graphml", fixture().replace("051580028028", "059999999999")
                .getBytes(StandardCharsets.UTF_8), ReadOptions.forTenant(TENANT));

        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> new DatasetLoader(driver).load(dataset))
                .satisfies(e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.location()).contains("edge[3]")));
        assertNothingWritten();
    }

    @Test
    void readsAGraphMlOfAnotherToolWhenNodesNameLabelAndKey() {
        String yed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
                  <key for="node" id="d3" attr.name="label" attr.type="string"/>
                  <key for="node" id="d4" attr.name="name" attr.type="string"/>
                  <key for="node" id="d5" attr.name="kind" attr.type="string"/>
                  <key for="node" id="d6" yfiles.type="nodegraphics"/>
                  <key for="node" id="x" attr.name="x" attr.type="float"/>
                  <key for="node" id="d7" attr.name="description" attr.type="string"/>
                  <key for="edge" id="d9" attr.name="type" attr.type="string"/>
                  <graph id="G" edgedefault="directed">
                    <node id="Actor:gr-x">
                      <data key="d4">Träger X (fiktiv)</data><data key="d5">Freier Träger</data><data key="x">12.5</data>
                      <data key="d6"><y:ShapeNode><y:NodeLabel>Träger X</y:NodeLabel></y:ShapeNode></data>
                    </node>
                    <node id="n1">
                      <data key="d3">Akteur</data><data key="d4">Verein Y (fiktiv)</data><data key="d5">OTHER</data>
                      <data key="d7"></data>
                    </node>
                    <edge source="Actor:gr-x" target="n1"><data key="d9">ist Teil von</data></edge>
                  </graph>
                </graphml>""";
        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> read(format, "yed.graphml",
                        yed.getBytes(StandardCharsets.UTF_8), ReadOptions.forTenant(TENANT)))
                .satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("MISSING_KEY");
                    assertThat(p.location()).isEqualTo("yed.graphml: node[2] (id=n1), Zeile 15");
                    assertThat(p.messageDe()).contains("n1");
                }));

        Dataset dataset = read(format, "yed.graphml", yed.replace("<data key=\"d3\">Akteur</data>",
                "<data key=\"d3\">Akteur</data><data key=\"k\">gr-y</data>").replace("<key for=\"edge\"",
                "<key for=\"node\" id=\"k\" attr.name=\"key\" attr.type=\"string\"/><key for=\"edge\"")
                .getBytes(StandardCharsets.UTF_8), ReadOptions.forTenant(TENANT));
        assertThat(records(dataset)).containsOnlyKeys("Actor:gr-x", "Actor:gr-y",
                "PART_OF Actor:gr-x→Actor:gr-y");
        assertThat(records(dataset).get("Actor:gr-x")).containsEntry("kind", "FREE_PROVIDER")
                .containsEntry("name", "Träger X (fiktiv)").containsEntry("tenant", TENANT);
    }

    @Test
    void aNodeWithoutLabelIsAProblemNamingTheElementAndItsId() {
        String networkx = """
                <?xml version="1.0" encoding="utf-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key id="d0" for="node" attr.name="name" attr.type="string"/>
                  <graph edgedefault="undirected">
                    <node id="0"><data key="d0">Irgendwer</data></node>
                  </graph>
                </graphml>""";
        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> read(format, "nx.graphml",
                        networkx.getBytes(StandardCharsets.UTF_8), ReadOptions.forTenant(TENANT)))
                .satisfies(e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.code()).isEqualTo("MISSING_LABEL");
                    assertThat(p.location()).isEqualTo("nx.graphml: node[1] (id=0), Zeile 5");
                    assertThat(p.messageDe()).contains("Knoten 0").contains("label");
                    assertThat(p.messageEn()).contains("Label:key");
                }));
    }

    @Test
    void refusesDoctypesAndNonGraphMl() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE graphml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\">"
                + "<node id=\"Actor:gr-x\"><data key=\"name\">&x;</data></node></graph></graphml>";
        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> read(format, "x.graphml",
                xxe.getBytes(StandardCharsets.UTF_8), ReadOptions.forTenant(TENANT)))
                .satisfies(e -> assertThat(e.problems().getFirst().code()).isEqualTo("INVALID_XML"));
        assertThatExceptionOfType(DatasetException.class).isThrownBy(() -> read(format, "x.graphml",
                "<gexf/>".getBytes(StandardCharsets.UTF_8), ReadOptions.forTenant(TENANT)))
                .satisfies(e -> assertThat(e.problems().getFirst().code()).isEqualTo("UNKNOWN_FORMAT"));
    }

    private Problem onlyProblem(String graphml) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(DatasetException.class,
                () -> new DatasetLoader(TestNeo4j.get().withDemo().driver()).load(read(format, "gr-network.graphml",
                        graphml.getBytes(StandardCharsets.UTF_8), ReadOptions.forTenant(TENANT))));
        assertThat(thrown).as("the file is refused").isNotNull();
        assertThat(thrown.problems()).hasSize(1);
        return thrown.problems().getFirst();
    }

    private static void assertNothingWritten() {
        ExchangeFixtures.assertNothingWritten(TENANT);
    }

    private static String fixture() {
        return new String(Resources.read(FIXTURE), StandardCharsets.UTF_8);
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getLocalName().equals(name)) {
                result.add(e);
            }
        }
        return result;
    }

    static Element element(Element parent, String name, String id) {
        return children(parent, name).stream().filter(e -> e.getAttribute("id").equals(id)).findFirst().orElseThrow();
    }

    private static Map<String, String> data(Element element) {
        Map<String, String> data = new HashMap<>();
        children(element, "data").forEach(d -> data.put(d.getAttribute("key"), d.getTextContent()));
        return data;
    }
}
