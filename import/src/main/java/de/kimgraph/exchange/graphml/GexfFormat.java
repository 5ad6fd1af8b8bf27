package de.kimgraph.exchange.graphml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
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
 * GEXF 1.3 (gexf.net), Gephi's own format, as a <em>dynamic</em> graph: the validity of every node and edge
 * ({@code validFrom}/{@code validTo}, both inclusive like GEXF intervals) becomes one {@code <spell>}, so Gephi's
 * timeline shows how the network grew and what ended when. Records valid without limits have no spell and are
 * always shown. Node labels are display names; nodes and edges carry the attributes of {@link GraphMlFormat}
 * ({@code label}, {@code key}, {@code referenced}, {@code type}, the properties; lists {@code ;}-joined, dates ISO),
 * declared in {@code <attributes class="node|edge">}. Edges have their relationship type as {@code kind} (Gephi
 * 0.9.3+ keeps parallel edges of different kinds apart) and the German type name as label; {@code COOPERATES_WITH}
 * is undirected. Nodes are coloured ({@code viz:color}): actors by sector, other records by label.
 *
 * <p>Reading takes the same attributes back, the validity from a node's or edge's spell (or its {@code start}/
 * {@code end} attributes); more than one spell, or time-dependent attribute values, cannot be expressed in the
 * model and are reported.
 */
public final class GexfFormat implements Format {

    static final String NS = "http://gexf.net/1.3";
    static final String VIZ = "http://gexf.net/1.3/viz";
    static final String XSD = "http://gexf.net/1.3/gexf.xsd";

    private static final Set<String> VALIDITY = Set.of("validFrom", "validTo");

    /** Colours by actor sector (Tableau 10), so that Gephi shows the sectors of a network at first sight. */
    static final Map<String, int[]> SECTOR_COLOURS = Map.of(
            "PUBLIC", new int[] {31, 119, 180},
            "THIRD_SECTOR", new int[] {214, 39, 40},
            "CIVIL_SOCIETY", new int[] {44, 160, 44},
            "PRIVATE", new int[] {255, 127, 14});
    static final int[] ACTOR_WITHOUT_SECTOR = {127, 127, 127};
    static final Map<String, int[]> LABEL_COLOURS = Map.ofEntries(
            Map.entry(GraphSpec.AREA, new int[] {199, 199, 199}),
            Map.entry(GraphSpec.ROLE, new int[] {247, 182, 210}),
            Map.entry(GraphSpec.BODY, new int[] {148, 103, 189}),
            Map.entry(GraphSpec.SERVICE, new int[] {23, 190, 207}),
            Map.entry(GraphSpec.PROGRAMME, new int[] {188, 189, 34}),
            Map.entry(GraphSpec.REQUIREMENT, new int[] {219, 219, 141}),
            Map.entry(GraphSpec.POSITION, new int[] {140, 86, 75}),
            Map.entry(GraphSpec.AGREEMENT, new int[] {227, 119, 194}),
            Map.entry(GraphSpec.FIELD, new int[] {158, 218, 229}),
            Map.entry(GraphSpec.TARGET_GROUP, new int[] {255, 187, 120}),
            Map.entry(GraphSpec.LEGAL_DOMAIN, new int[] {196, 156, 148}),
            Map.entry(GraphSpec.RESIDENCE_STATUS, new int[] {197, 176, 213}));

    @Override
    public String id() {
        return "gexf";
    }

    @Override
    public String labelDe() {
        return "GEXF 1.3 für Gephi (mit Zeitleiste)";
    }

    @Override
    public String mediaType() {
        return "application/gexf+xml";
    }

    @Override
    public String extension() {
        return "gexf";
    }

    @Override
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        Network network = Network.of(snapshot);
        List<PropertySpec> nodeProperties = network.nodeProperties(VALIDITY);
        List<PropertySpec> edgeProperties = network.edgeProperties(VALIDITY);
        boolean anyReferenced = network.nodes().stream().anyMatch(Network.Node::referenced);
        boolean anyKeyed = network.edges().stream().anyMatch(e -> e.key() != null);
        try (Xml.Writer w = new Xml.Writer(out)) {
            w.start("gexf").namespace("", NS).namespace("viz", VIZ).namespace("xsi", GraphMlFormat.XSI)
                    .attribute("xsi:schemaLocation", NS + " " + XSD).attribute("version", "1.3");
            w.start("meta");
            if (snapshot.scope().asOf() != null) {
                w.attribute("lastmodifieddate", snapshot.scope().asOf().toString());
            }
            w.element("creator", "kim-graph");
            w.element("description", description(snapshot));
            w.end();
            w.start("graph").attribute("mode", "dynamic").attribute("defaultedgetype", "directed")
                    .attribute("timeformat", "date");
            w.start("attributes").attribute("class", "node").attribute("mode", "static");
            attribute(w, "n_label", NetworkReader.LABEL, "string");
            if (anyReferenced) {
                w.start("attribute").attribute("id", "n_referenced").attribute("title", NetworkReader.REFERENCED)
                        .attribute("type", "boolean");
                w.element("default", "false");
                w.end();
            }
            attribute(w, "n_key", NetworkReader.KEY, "string");
            for (PropertySpec p : nodeProperties) {
                attribute(w, "n_" + p.name(), p.name(), Network.valueClass(p));
            }
            w.end();
            w.start("attributes").attribute("class", "edge").attribute("mode", "static");
            attribute(w, "e_type", NetworkReader.TYPE, "string");
            if (anyKeyed) {
                attribute(w, "e_key", NetworkReader.KEY, "string");
            }
            for (PropertySpec p : edgeProperties) {
                attribute(w, "e_" + p.name(), p.name(), Network.valueClass(p));
            }
            w.end();
            w.start("nodes").attribute("count", String.valueOf(network.nodes().size()));
            for (Network.Node node : network.nodes()) {
                w.start("node").attribute("id", node.id()).attribute("label", node.displayName());
                w.start("attvalues");
                value(w, "n_label", node.label());
                if (node.referenced()) {
                    value(w, "n_referenced", "true");
                }
                value(w, "n_key", node.key());
                for (PropertySpec p : nodeProperties) {
                    Object v = node.properties().get(p.name());
                    if (v != null) {
                        value(w, "n_" + p.name(), Network.text(v));
                    }
                }
                w.end();
                spells(w, node.properties());
                int[] rgb = colour(node);
                w.start("viz", "color").attribute("r", String.valueOf(rgb[0]))
                        .attribute("g", String.valueOf(rgb[1])).attribute("b", String.valueOf(rgb[2])).end();
                w.end();
            }
            w.end();
            w.start("edges").attribute("count", String.valueOf(network.edges().size()));
            for (Network.Edge edge : network.edges()) {
                w.start("edge").attribute("id", edge.id()).attribute("source", edge.source())
                        .attribute("target", edge.target());
                if (edge.symmetric()) {
                    w.attribute("type", "undirected");
                }
                w.attribute("kind", edge.type()).attribute("label", Names.typeDe(edge.type()));
                w.start("attvalues");
                value(w, "e_type", edge.type());
                if (edge.key() != null) {
                    value(w, "e_key", edge.key());
                }
                for (PropertySpec p : edgeProperties) {
                    Object v = edge.properties().get(p.name());
                    if (v != null) {
                        value(w, "e_" + p.name(), Network.text(v));
                    }
                }
                w.end();
                spells(w, edge.properties());
                w.end();
            }
            w.end();
            w.end();
            w.end();
        }
    }

    private static String description(Snapshot snapshot) {
        StringBuilder s = new StringBuilder(DatasetParser.FORMAT + "; Mandant/tenant " + snapshot.scope().tenant());
        if (snapshot.scope().area() != null) {
            s.append("; Gebiet/area ").append(snapshot.scope().area());
        }
        if (snapshot.scope().asOf() != null) {
            s.append("; Stichtag/as of ").append(snapshot.scope().asOf());
        }
        return s.toString();
    }

    private static void attribute(Xml.Writer w, String id, String title, String type) throws IOException {
        w.start("attribute").attribute("id", id).attribute("title", title).attribute("type", type).end();
    }

    private static void value(Xml.Writer w, String id, String value) throws IOException {
        w.start("attvalue").attribute("for", id).attribute("value", value).end();
    }

    private static void spells(Xml.Writer w, Map<String, Object> properties) throws IOException {
        Object from = properties.get("validFrom");
        Object to = properties.get("validTo");
        if (from == null && to == null) {
            return;
        }
        w.start("spells");
        w.start("spell");
        if (from != null) {
            w.attribute("start", Network.text(from));
        }
        if (to != null) {
            w.attribute("end", Network.text(to));
        }
        w.end();
        w.end();
    }

    static int[] colour(Network.Node node) {
        if (node.label().equals(GraphSpec.ACTOR)) {
            Object sector = node.properties().get("sector");
            return sector == null ? ACTOR_WITHOUT_SECTOR : SECTOR_COLOURS.getOrDefault(sector, ACTOR_WITHOUT_SECTOR);
        }
        return LABEL_COLOURS.getOrDefault(node.label(), ACTOR_WITHOUT_SECTOR);
    }

    private record Attribute(String title, @Nullable String defaultValue) {
    }

    @Override
    public Dataset read(String fileName, InputStream in, ReadOptions options) throws IOException {
        XMLStreamReader r = Xml.reader(fileName, in);
        List<Problem> problems = new ArrayList<>();
        Map<String, Map<String, Attribute>> attributes = Map.of("node", new LinkedHashMap<>(), "edge",
                new LinkedHashMap<>());
        List<Element> nodes = new ArrayList<>();
        List<Element> edges = new ArrayList<>();
        try {
            boolean root = true;
            while (r.hasNext()) {
                if (r.next() != XMLStreamReader.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                if (root) {
                    root = false;
                    if (!name.equals("gexf")) {
                        throw new DatasetException(List.of(new Problem(fileName, "", "UNKNOWN_FORMAT",
                                "Keine GEXF-Datei: das Wurzelelement ist <" + name + ">, erwartet <gexf>.",
                                "Not a GEXF file: the root element is <" + name + ">, expected <gexf>.")));
                    }
                    continue;
                }
                switch (name) {
                    case "graph", "nodes", "edges" -> {
                        // containers: their children are read as they come
                    }
                    case "attributes" -> readAttributes(r, attributes.getOrDefault(r.getAttributeValue(null, "class"),
                            new LinkedHashMap<>()));
                    case "node" -> nodes.add(readElement(fileName, r, "node", nodes.size() + 1,
                            attributes.get("node"), problems));
                    case "edge" -> edges.add(readElement(fileName, r, "edge", edges.size() + 1,
                            attributes.get("edge"), problems));
                    default -> Xml.skip(r);
                }
            }
        } catch (XMLStreamException e) {
            throw Xml.invalid(fileName, e);
        }
        DatasetBuilder builder = new DatasetBuilder(fileName, options.tenant(), options.source(), options.visibility());
        problems.forEach(builder::problem);
        NetworkReader network = new NetworkReader(builder, Set.of(), Set.of("weight"));
        nodes.forEach(n -> network.node(n.location(), n.id(), n.fields()));
        edges.forEach(e -> network.edge(e.location(), e.id(), e.source(), e.target(), e.fields()));
        return network.build();
    }

    private static void readAttributes(XMLStreamReader r, Map<String, Attribute> into) throws XMLStreamException {
        int depth = 1;
        String id = null;
        String title = null;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                if (r.getLocalName().equals("attribute")) {
                    id = r.getAttributeValue(null, "id");
                    title = r.getAttributeValue(null, "title");
                    if (id != null) {
                        into.put(id, new Attribute(title == null || title.isBlank() ? id : title.strip(), null));
                    }
                    depth++;
                } else if (r.getLocalName().equals("default") && id != null) {
                    into.put(id, new Attribute(title == null || title.isBlank() ? id : title.strip(), Xml.text(r)));
                } else {
                    depth++;
                }
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static Element readElement(String fileName, XMLStreamReader r, String element, int index,
                                       Map<String, Attribute> attributes, List<Problem> problems)
            throws XMLStreamException {
        String id = r.getAttributeValue(null, "id");
        String location = GraphMlFormat.location(fileName, element, index, id, r);
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        String label = r.getAttributeValue(null, "label");
        String kind = r.getAttributeValue(null, "kind");
        String source = r.getAttributeValue(null, "source");
        String target = r.getAttributeValue(null, "target");
        List<String[]> spells = new ArrayList<>();
        String start = r.getAttributeValue(null, "start");
        String end = r.getAttributeValue(null, "end");
        if (start != null || end != null) {
            spells.add(new String[] {start, end});
        }
        if (r.getAttributeValue(null, "intervals") != null || r.getAttributeValue(null, "timestamp") != null
                || r.getAttributeValue(null, "timestamps") != null) {
            problems.add(new Problem(location, "validFrom", "UNSUPPORTED",
                    "Zeitpunkte und Intervalllisten werden nicht gelesen; die Gültigkeit ist ein Zeitraum (spell).",
                    "Timestamps and interval lists are not read; validity is one interval (spell)."));
        }
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamReader.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "attvalues", "spells" -> depth++;
                    case "attvalue" -> {
                        String key = r.getAttributeValue(null, "for");
                        if (key == null) {
                            key = r.getAttributeValue(null, "id");
                        }
                        Attribute a = key == null ? null : attributes.get(key);
                        String title = a == null ? String.valueOf(key) : a.title();
                        if (r.getAttributeValue(null, "start") != null || r.getAttributeValue(null, "end") != null
                                || r.getAttributeValue(null, "timestamp") != null) {
                            problems.add(new Problem(location, title, "UNSUPPORTED",
                                    "Zeitabhängige Attributwerte kann das Modell nicht abbilden; jeder Wert gilt für den "
                                            + "ganzen Datensatz.",
                                    "Time-dependent attribute values cannot be expressed in the model; a value holds "
                                            + "for the whole record."));
                        }
                        fields.put(title, r.getAttributeValue(null, "value"));
                        Xml.skip(r);
                    }
                    case "spell" -> {
                        spells.add(new String[] {r.getAttributeValue(null, "start"), r.getAttributeValue(null, "end")});
                        Xml.skip(r);
                    }
                    case "nodes" -> {
                        problems.add(new Problem(location, "nodes", "UNSUPPORTED",
                                "Verschachtelte Knoten (Hierarchie) werden nicht unterstützt.",
                                "Nested nodes (hierarchy) are not supported."));
                        Xml.skip(r);
                    }
                    default -> Xml.skip(r);
                }
            }
        }
        for (Attribute a : attributes.values()) {
            if (a.defaultValue() != null && !fields.containsKey(a.title())) {
                fields.put(a.title(), a.defaultValue());
            }
        }
        if (element.equals("node") && label != null && !fields.containsKey(NetworkReader.NAME)) {
            fields.put(NetworkReader.NAME, label);
        }
        if (element.equals("edge") && kind != null && !fields.containsKey(NetworkReader.TYPE)) {
            fields.put(NetworkReader.TYPE, kind);
        }
        if (spells.size() > 1) {
            problems.add(new Problem(location, "spells", "MULTIPLE_SPELLS",
                    "Mehr als ein Zeitraum (spell): ein Datensatz hat genau eine Gültigkeit (gültig ab/bis).",
                    "More than one interval (spell): a record has exactly one validity (validFrom/validTo)."));
        } else if (spells.size() == 1) {
            putDate(fields, "validFrom", spells.getFirst()[0]);
            putDate(fields, "validTo", spells.getFirst()[1]);
        }
        return new Element(location, id, source, target, fields);
    }

    /** GEXF times of {@code timeformat="dateTime"} carry a time of day; the model keeps the date. */
    private static void putDate(Map<String, @Nullable Object> fields, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String v = value.strip();
        if (v.length() > 10 && v.charAt(10) == 'T') {
            v = v.substring(0, 10);
        }
        fields.put(field, v);
    }
}
