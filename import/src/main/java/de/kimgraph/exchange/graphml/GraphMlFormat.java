package de.kimgraph.exchange.graphml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import de.kimgraph.exchange.Format;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.Snapshot;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetBuilder;
import de.kimgraph.model.dataset.DatasetException;
import de.kimgraph.model.dataset.DatasetParser;
import de.kimgraph.model.dataset.Problem;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.PropertySpec;
import org.jspecify.annotations.Nullable;

/**
 * GraphML (graphml.graphdrawing.org), read by yEd, Gephi, Cytoscape, NetworkX and igraph. Every property used
 * in the file is declared as a {@code <key>} whose {@code attr.name} is the model property name and whose
 * {@code attr.type} is {@code string}, {@code long}, {@code double} or {@code boolean}; lists are {@code ;}-joined
 * strings and dates ISO strings, each said so in the key's {@code <desc>}. Nodes have the id {@code Label:key} and
 * the attributes {@code label} (the model label), {@code name} (the display name), {@code key} and their
 * properties; edges {@code type} (the relationship type), {@code key} for keyed relationships, and their
 * properties. Validity is carried as the properties {@code validFrom}/{@code validTo}.
 *
 * <p>The export includes the nodes outside it that relationships point to (areas, vocabulary nodes), marked
 * {@code referenced=true}, so that the file is a complete graph; reading skips them (they must exist in the
 * database). A GraphML written by another tool is read when its nodes carry {@code label} and {@code key} (or
 * an id {@code Label:key}); layout and colour attributes of yEd and Gephi are ignored.
 */
public final class GraphMlFormat implements Format {

    static final String NS = "http://graphml.graphdrawing.org/xmlns";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XSD = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

    /** Attributes yEd and Gephi add that are presentation, not data. */
    static final Set<String> TOOL_NODE_FIELDS = Set.of("x", "y", "z", "size", "r", "g", "b", "color", "width",
            "height", "shape", "url", "xpos", "ypos");
    static final Set<String> TOOL_EDGE_FIELDS = Set.of("weight", "r", "g", "b", "color", "url", "edgeid", "id",
            "label", "edgelabel", "Edge Label", "Edge Weight");

    @Override
    public String id() {
        return "graphml";
    }

    @Override
    public String labelDe() {
        return "GraphML (yEd, Gephi, Cytoscape, NetworkX)";
    }

    @Override
    public String mediaType() {
        return "application/graphml+xml";
    }

    @Override
    public String extension() {
        return "graphml";
    }

    @Override
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        Network network = Network.of(snapshot);
        List<PropertySpec> nodeProperties = network.nodeProperties(Set.of(NetworkReader.NAME));
        List<PropertySpec> edgeProperties = network.edgeProperties(Set.of());
        boolean anyReferenced = network.nodes().stream().anyMatch(Network.Node::referenced);
        boolean anyKeyed = network.edges().stream().anyMatch(e -> e.key() != null);
        try (Xml.Writer w = new Xml.Writer(out)) {
            w.start("graphml").namespace("", NS).namespace("xsi", XSI).attribute("xsi:schemaLocation",
                    NS + " " + XSD);
            key(w, "g_format", "graph", "format", "string", "kim-graph: Format und Version der Datei (file format)", null);
            key(w, "g_tenant", "graph", "tenant", "string", "kim-graph: Mandant der exportierten Daten: ARS des Kreises oder der "
                    + "kreisfreien Stadt (tenant)", null);
            if (snapshot.scope().area() != null) {
                key(w, "g_area", "graph", "area", "string", "kim-graph: Gebiet des Exports, ARS (area of the export)", null);
            }
            if (snapshot.scope().asOf() != null) {
                key(w, "g_asOf", "graph", "asOf", "string", "kim-graph: Stichtag des Exports, ISO 8601 (as-of date)", null);
            }
            key(w, "n_label", "node", NetworkReader.LABEL, "string", "kim-graph: Knotenart im kim-graph-Modell, z. B. Actor, Body "
                    + "(model label)", null);
            key(w, "n_name", "node", NetworkReader.NAME, "string", "kim-graph: Anzeigename; bei Knotenarten mit dem Feld name "
                    + "ist er dieses Feld (display name)", null);
            if (anyReferenced) {
                key(w, "n_referenced", "node", NetworkReader.REFERENCED, "boolean", "kim-graph: true: Knoten außerhalb des "
                        + "Exports, nur als Endpunkt enthalten; wird beim Import nicht geschrieben (referenced node, "
                        + "skipped on import)", "false");
            }
            key(w, "n_key", "node", NetworkReader.KEY, "string", "kim-graph: Schlüssel, eindeutig je Knotenart (key)", null);
            for (PropertySpec p : nodeProperties) {
                key(w, "n_" + p.name(), "node", p.name(), Network.valueClass(p), describe(p, true), null);
            }
            key(w, "e_type", "edge", NetworkReader.TYPE, "string", "kim-graph: Beziehungsart im kim-graph-Modell, z. B. MEMBER_OF "
                    + "(relationship type)", null);
            if (anyKeyed) {
                key(w, "e_key", "edge", NetworkReader.KEY, "string", "kim-graph: Schlüssel, eindeutig je Beziehungsart (key)", null);
            }
            for (PropertySpec p : edgeProperties) {
                key(w, "e_" + p.name(), "edge", p.name(), Network.valueClass(p), describe(p, false), null);
            }
            w.start("graph").attribute("id", "kim-graph").attribute("edgedefault", "directed");
            w.start("data").attribute("key", "g_format").text(DatasetParser.FORMAT).end();
            w.start("data").attribute("key", "g_tenant").text(snapshot.scope().tenant()).end();
            if (snapshot.scope().area() != null) {
                w.start("data").attribute("key", "g_area").text(snapshot.scope().area()).end();
            }
            if (snapshot.scope().asOf() != null) {
                w.start("data").attribute("key", "g_asOf").text(snapshot.scope().asOf().toString()).end();
            }
            for (Network.Node node : network.nodes()) {
                w.start("node").attribute("id", node.id());
                data(w, "n_label", node.label());
                data(w, "n_name", node.displayName());
                if (node.referenced()) {
                    data(w, "n_referenced", "true");
                }
                data(w, "n_key", node.key());
                for (PropertySpec p : nodeProperties) {
                    Object value = node.properties().get(p.name());
                    if (value != null) {
                        data(w, "n_" + p.name(), Network.text(value));
                    }
                }
                w.end();
            }
            for (Network.Edge edge : network.edges()) {
                w.start("edge").attribute("id", edge.id()).attribute("source", edge.source())
                        .attribute("target", edge.target());
                if (edge.symmetric()) {
                    w.attribute("directed", "false");
                }
                data(w, "e_type", edge.type());
                if (edge.key() != null) {
                    data(w, "e_key", edge.key());
                }
                for (PropertySpec p : edgeProperties) {
                    Object value = edge.properties().get(p.name());
                    if (value != null) {
                        data(w, "e_" + p.name(), Network.text(value));
                    }
                }
                w.end();
            }
            w.end();
            w.end();
        }
    }

    private static void key(Xml.Writer w, String id, String domain, String name, String type, @Nullable String desc,
                            @Nullable String defaultValue) throws IOException {
        w.start("key").attribute("id", id).attribute("for", domain).attribute("attr.name", name)
                .attribute("attr.type", type);
        if (desc != null) {
            w.element("desc", desc);
        }
        if (defaultValue != null) {
            w.element("default", defaultValue);
        }
        w.end();
    }

    private static void data(Xml.Writer w, String key, String value) throws IOException {
        w.start("data").attribute("key", key).text(value).end();
    }

    /**
     * What a reader needs to know beyond {@code attr.type}, as the key's {@code <desc>}: that a string is a date, a
     * list, a vocabulary term or a key of other nodes. Plain text and numbers need no description.
     */
    static @Nullable String describe(PropertySpec p, boolean node) {
        String list = Network.isList(p) ? "Liste, Einträge durch ; getrennt (list, separated by ;); " : "";
        String text = switch (p.type()) {
            case DATE -> "Datum ISO 8601, JJJJ-MM-TT (date)";
            case ENUM, ENUM_LIST -> list + "Begriffsschlüssel (term key) aus terms.json: " + vocabularies(p.name(), node);
            case STRING, STRING_LIST -> p.referencesNodes()
                    ? list + "Schlüssel von Knoten der Art " + p.vocabulary() + " (keys of " + p.vocabulary() + " nodes)"
                    : p.name().equals("tenant") ? "ARS des Mandanten (tenant)" : list.isEmpty() ? null : list + "Text";
            case INTEGER, FLOAT, BOOLEAN -> null;
        };
        return text == null ? null : "kim-graph: " + text;
    }

    /** The vocabularies behind a term property of this name, over all labels or types, e.g. {@code AreaLevel, ActorLevel}. */
    private static String vocabularies(String name, boolean node) {
        var specs = node ? GraphSpec.nodes().stream().flatMap(n -> n.properties().stream())
                : GraphSpec.relationships().stream().flatMap(r -> r.properties().stream());
        return String.join(", ", specs.filter(q -> q.name().equals(name) && q.vocabulary() != null)
                .map(PropertySpec::vocabulary).distinct().toList());
    }

    private record Key(String domain, String name, @Nullable String defaultValue, boolean ignored) {
    }

    @Override
    public Dataset read(String fileName, InputStream in, ReadOptions options) throws IOException {
        XMLStreamReader r = Xml.reader(fileName, in);
        List<Problem> problems = new ArrayList<>();
        Map<String, Key> keys = new LinkedHashMap<>();
        Map<String, String> graphData = new HashMap<>();
        List<Element> nodes = new ArrayList<>();
        List<Element> edges = new ArrayList<>();
        try {
            boolean root = true;
            int graphs = 0;
            while (r.hasNext()) {
                if (r.next() != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                if (root) {
                    root = false;
                    if (!name.equals("graphml")) {
                        throw new DatasetException(List.of(new Problem(fileName, "", "UNKNOWN_FORMAT",
                                "Keine GraphML-Datei: das Wurzelelement ist <" + name + ">, erwartet <graphml>.",
                                "Not a GraphML file: the root element is <" + name + ">, expected <graphml>.")));
                    }
                    continue;
                }
                switch (name) {
                    case "key" -> readKey(r, keys);
                    case "graph" -> {
                        if (++graphs > 1) {
                            problems.add(new Problem(location(fileName, "graph", graphs, r.getAttributeValue(null, "id"),
                                    r), "", "UNSUPPORTED", "Nur ein Graph je Datei wird gelesen; dieser weitere wird "
                                    + "nicht unterstützt.", "Only one graph per file is read; this further one is not "
                                    + "supported."));
                            Xml.skip(r);
                        }
                    }
                    case "data" -> {
                        String key = r.getAttributeValue(null, "key");
                        Key k = key == null ? null : keys.get(key);
                        graphData.put(k == null ? String.valueOf(key) : k.name(), Xml.text(r).strip());
                    }
                    case "node" -> nodes.add(readElement(fileName, r, "node", nodes.size() + 1, keys, problems));
                    case "edge" -> edges.add(readElement(fileName, r, "edge", edges.size() + 1, keys, problems));
                    case "hyperedge" -> {
                        problems.add(new Problem(location(fileName, "hyperedge", 1, r.getAttributeValue(null, "id"), r),
                                "", "UNSUPPORTED", "Hyperkanten werden nicht unterstützt.",
                                "Hyperedges are not supported."));
                        Xml.skip(r);
                    }
                    default -> Xml.skip(r);
                }
            }
        } catch (XMLStreamException e) {
            throw Xml.invalid(fileName, e);
        }
        String tenant = graphData.getOrDefault("tenant", options.tenant());
        DatasetBuilder builder = new DatasetBuilder(fileName, tenant, options.source(), options.visibility());
        problems.forEach(builder::problem);
        NetworkReader network = new NetworkReader(builder, TOOL_NODE_FIELDS, TOOL_EDGE_FIELDS);
        for (Element node : nodes) {
            network.node(node.location(), node.id(), withDefaults(node.fields(), keys, "node"));
        }
        for (Element edge : edges) {
            network.edge(edge.location(), edge.id(), edge.source(), edge.target(),
                    withDefaults(edge.fields(), keys, "edge"));
        }
        return network.build();
    }

    private static void readKey(XMLStreamReader r, Map<String, Key> keys) throws XMLStreamException {
        String id = r.getAttributeValue(null, "id");
        String domain = r.getAttributeValue(null, "for");
        String name = r.getAttributeValue(null, "attr.name");
        boolean ignored = r.getAttributeValue(null, "yfiles.type") != null;
        String defaultValue = null;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                if (depth == 1 && r.getLocalName().equals("default")) {
                    defaultValue = Xml.text(r);
                } else {
                    depth++;
                }
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
        if (id != null) {
            keys.put(id, new Key(domain == null ? "all" : domain, name == null || name.isBlank() ? id : name.strip(),
                    defaultValue, ignored));
        }
    }

    private static Element readElement(String fileName, XMLStreamReader r, String element, int index,
                                       Map<String, Key> keys, List<Problem> problems) throws XMLStreamException {
        String id = r.getAttributeValue(null, "id");
        String source = r.getAttributeValue(null, "source");
        String target = r.getAttributeValue(null, "target");
        String location = location(fileName, element, index, id, r);
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamReader.START_ELEMENT) {
                String child = r.getLocalName();
                if (child.equals("data")) {
                    String keyId = r.getAttributeValue(null, "key");
                    Key key = keyId == null ? null : keys.get(keyId);
                    if (key != null && key.ignored()) {
                        Xml.skip(r);
                    } else {
                        fields.put(key == null ? String.valueOf(keyId) : key.name(), Xml.text(r));
                    }
                } else if (child.equals("graph")) {
                    problems.add(new Problem(location, "graph", "UNSUPPORTED",
                            "Verschachtelte Graphen (Gruppenknoten) werden nicht unterstützt.",
                            "Nested graphs (group nodes) are not supported."));
                    Xml.skip(r);
                } else {
                    Xml.skip(r);
                }
            }
        }
        return new Element(location, id, source, target, fields);
    }

    private static Map<String, @Nullable Object> withDefaults(Map<String, @Nullable Object> fields,
                                                              Map<String, Key> keys, String domain) {
        Map<String, @Nullable Object> result = new LinkedHashMap<>(fields);
        for (Key key : keys.values()) {
            if (key.defaultValue() != null && !key.ignored() && (key.domain().equals(domain)
                    || key.domain().equals("all")) && !result.containsKey(key.name())) {
                result.put(key.name(), key.defaultValue());
            }
        }
        return result;
    }

    /** {@code graph.graphml: node[12] (id=Actor:awo), Zeile 40}: position among its kind, 1-based as in XPath. */
    static String location(String fileName, String element, int index, @Nullable String id, XMLStreamReader r) {
        return fileName + ": " + element + "[" + index + "]" + (id == null ? "" : " (id=" + id + ")") + ", Zeile "
                + r.getLocation().getLineNumber();
    }
}
