package de.kimgraph.exchange.kumu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.kimgraph.exchange.Format;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.Snapshot;
import de.kimgraph.exchange.graphml.Names;
import de.kimgraph.exchange.graphml.Network;
import de.kimgraph.exchange.graphml.NetworkReader;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetBuilder;
import de.kimgraph.model.dataset.DatasetParser;
import de.kimgraph.model.dataset.DatasetException;
import de.kimgraph.model.dataset.Problem;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.NodeSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.PropertyType;
import de.kimgraph.model.spec.RelationshipSpec;
import de.kimgraph.model.spec.Terms;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Kumu blueprint (docs.kumu.io, "JSON / Blueprints"): {@code {"elements": [...], "connections": [...]}}, for
 * stakeholder maps in Kumu. Elements have Kumu's own fields {@code id} ({@code Label:key}), {@code label} (the
 * display name), {@code type} (the German name of the label: Akteur, Gremium, Angebot …), {@code description} and
 * {@code tags} (the German names of sector, kind, body type or service form, and the fields of action of services
 * and bodies), then {@code key} and every other property by its model name; terms are written with their German
 * names so that Kumu's filters read well, and read back from them. Body's property {@code type} is written as
 * {@code kim-type}, because Kumu's {@code type} is the element type. Connections have {@code id}, {@code from},
 * {@code to} (element ids), {@code type} (the German name of the relationship type), {@code direction}
 * ({@code mutual} for {@code COOPERATES_WITH}, else {@code directed}), {@code key} and their properties.
 *
 * <p>As in {@link de.kimgraph.exchange.graphml.GraphMlFormat}, the nodes outside the export that connections
 * point to are elements with {@code referenced: true}, and reading skips them. Reading also takes Kumu's own JSON
 * export (fields nested in {@code attributes}, {@code _id}, {@code element type}/{@code connection type}, lower-case
 * field names). Elements need a type that names a label and a {@code key} (or an id {@code Label:key});
 * tags and direction are derived and not read back.
 */
public final class KumuFormat implements Format {

    /** Kumu's own element and connection fields; model properties with these names get the prefix. */
    private static final Set<String> KUMU_FIELDS = Set.of("id", "label", "type", "description", "tags", "from", "to",
            "direction");
    private static final String PREFIX = "kim-";

    /** Term-valued properties that become tags, in this order. */
    private static final List<String> TAG_PROPERTIES = List.of("sector", "kind", "type", "form");

    /** Relationship types whose target's name becomes a tag of the source (fields of action). */
    private static final Set<String> TAG_RELATIONSHIPS = Set.of("IN_FIELD", "ADDRESSES");

    private static final JsonMapper MAPPER = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private static final ObjectWriter WRITER = MAPPER.writer()
            .with(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter(" ", "\n"))
                    .withArrayIndenter(new DefaultIndenter(" ", "\n")));

    @Override
    public String id() {
        return "kumu";
    }

    @Override
    public String labelDe() {
        return "Kumu-Blueprint (JSON)";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    /** {@code json}, like kim-graph's own format; the command line tells them apart by content. */
    @Override
    public String extension() {
        return "json";
    }

    @Override
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        Network network = Network.of(snapshot);
        Map<String, Network.Node> byId = new HashMap<>();
        network.nodes().forEach(n -> byId.put(n.id(), n));
        Map<String, Set<String>> fieldTags = new HashMap<>();
        for (Network.Edge edge : network.edges()) {
            if (TAG_RELATIONSHIPS.contains(edge.type())) {
                fieldTags.computeIfAbsent(edge.source(), s -> new LinkedHashSet<>())
                        .add(byId.get(edge.target()).displayName());
            }
        }
        try (JsonGenerator g = WRITER.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("elements");
            g.writeStartArray();
            for (Network.Node node : network.nodes()) {
                NodeSpec spec = GraphSpec.node(node.label());
                g.writeStartObject();
                g.writeStringProperty("id", node.id());
                g.writeStringProperty("label", node.displayName());
                g.writeStringProperty("type", Names.labelDe(node.label()));
                if (node.properties().get("description") instanceof String description) {
                    g.writeStringProperty("description", description);
                }
                List<String> tags = tags(spec, node, fieldTags.getOrDefault(node.id(), Set.of()));
                if (!tags.isEmpty()) {
                    g.writeName("tags");
                    g.writeStartArray();
                    tags.forEach(g::writeString);
                    g.writeEndArray();
                }
                if (node.referenced()) {
                    g.writeBooleanProperty(NetworkReader.REFERENCED, true);
                }
                g.writeStringProperty(NetworkReader.KEY, node.key());
                for (PropertySpec p : spec.properties()) {
                    String name = p.name();
                    if (name.equals("key") || name.equals("version") || name.equals("description")
                            || name.equals(spec.displayProperty())) {
                        continue;
                    }
                    Object value = node.properties().get(name);
                    if (value != null) {
                        g.writeName(KUMU_FIELDS.contains(name) ? PREFIX + name : name);
                        writeValue(g, p, value);
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("connections");
            g.writeStartArray();
            for (Network.Edge edge : network.edges()) {
                RelationshipSpec spec = edge.spec();
                g.writeStartObject();
                g.writeStringProperty("id", edge.id());
                g.writeStringProperty("from", edge.source());
                g.writeStringProperty("to", edge.target());
                g.writeStringProperty("type", Names.typeDe(edge.type()));
                g.writeStringProperty("direction", edge.symmetric() ? "mutual" : "directed");
                if (edge.key() != null) {
                    g.writeStringProperty(NetworkReader.KEY, edge.key());
                }
                for (PropertySpec p : spec.properties()) {
                    Object value = edge.properties().get(p.name());
                    if (value != null && !p.name().equals("key")) {
                        g.writeName(KUMU_FIELDS.contains(p.name()) ? PREFIX + p.name() : p.name());
                        writeValue(g, p, value);
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static List<String> tags(NodeSpec spec, Network.Node node, Set<String> fields) {
        Set<String> tags = new LinkedHashSet<>();
        for (String name : TAG_PROPERTIES) {
            spec.property(name).filter(p -> p.type() == PropertyType.ENUM).ifPresent(p -> {
                if (node.properties().get(name) instanceof String term) {
                    tags.add(termDe(p, term));
                }
            });
        }
        tags.addAll(fields);
        return List.copyOf(tags);
    }

    private static String termDe(PropertySpec spec, String key) {
        return spec.vocabulary() == null ? key
                : Terms.get().term(spec.vocabulary(), key).map(Terms.Term::de).orElse(key);
    }

    private static void writeValue(JsonGenerator g, PropertySpec spec, Object value) {
        switch (value) {
            case String s -> g.writeString(spec.type() == PropertyType.ENUM || spec.type() == PropertyType.ENUM_LIST
                    ? termDe(spec, s) : s);
            case Long l -> g.writeNumber(l);
            case Integer i -> g.writeNumber(i);
            case Double d -> g.writeNumber(d);
            case Boolean b -> g.writeBoolean(b);
            case LocalDate d -> g.writeString(d.toString());
            case List<?> list -> {
                g.writeStartArray();
                list.forEach(v -> writeValue(g, spec, v));
                g.writeEndArray();
            }
            default -> g.writeString(String.valueOf(value));
        }
    }

    /** Fields of a Kumu element or connection that are Kumu's own, derived, or presentation. */
    private static final Set<String> IGNORED_ELEMENT_FIELDS = Set.of("id", "_id", "tags", "attributes", "image",
            "layout", "x", "y");
    private static final Set<String> IGNORED_CONNECTION_FIELDS = Set.of("id", "_id", "from", "to", "direction",
            "delayed", "reversed", "tags", "attributes", "label");

    @Override
    public Dataset read(String fileName, InputStream in, ReadOptions options) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new DatasetException(List.of(new Problem(fileName, "", "INVALID_JSON",
                    "Kein gültiges JSON: " + e.getOriginalMessage(), "Not valid JSON: " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject() || !root.path("elements").isArray()) {
            throw new DatasetException(List.of(new Problem(fileName, "elements", "UNKNOWN_FORMAT",
                    "Kein Kumu-Blueprint: erwartet ein Objekt mit der Liste \"elements\".",
                    "Not a Kumu blueprint: expected an object with the list \"elements\".")));
        }
        DatasetBuilder builder = new DatasetBuilder(fileName, options.tenant(), options.source(), options.visibility());
        NetworkReader network = new NetworkReader(builder, Set.of(), Set.of());
        int index = 0;
        for (JsonNode element : root.get("elements")) {
            Map<String, @Nullable Object> raw = flatten(element);
            String id = id(raw);
            String location = fileName + ": elements[" + index++ + "]" + (id == null ? "" : " (id=" + id + ")");
            Map<String, @Nullable Object> fields = new LinkedHashMap<>();
            for (Map.Entry<String, @Nullable Object> f : raw.entrySet()) {
                String name = f.getKey().strip();
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (IGNORED_ELEMENT_FIELDS.contains(lower)) {
                    continue;
                }
                switch (lower) {
                    case "label" -> fields.put(NetworkReader.NAME, f.getValue());
                    case "type", "element type" -> fields.put(NetworkReader.LABEL, f.getValue());
                    default -> fields.put(fieldName(name), f.getValue());
                }
            }
            if (id == null && raw.get("label") instanceof String label) {
                id = label;
            }
            network.node(location, id, fields);
        }
        index = 0;
        for (JsonNode connection : root.path("connections")) {
            Map<String, @Nullable Object> raw = flatten(connection);
            String id = id(raw);
            String location = fileName + ": connections[" + index++ + "]" + (id == null ? "" : " (id=" + id + ")");
            Map<String, @Nullable Object> fields = new LinkedHashMap<>();
            for (Map.Entry<String, @Nullable Object> f : raw.entrySet()) {
                String name = f.getKey().strip();
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (IGNORED_CONNECTION_FIELDS.contains(lower)) {
                    continue;
                }
                if (lower.equals("type") || lower.equals("connection type")) {
                    fields.put(NetworkReader.TYPE, f.getValue());
                } else {
                    fields.put(fieldName(name), f.getValue());
                }
            }
            network.edge(location, id, string(raw.get("from")), string(raw.get("to")), fields);
        }
        return network.build();
    }

    /** A field's model name: {@code kim-type} is {@code type}, and case does not matter. */
    private static String fieldName(String name) {
        String n = name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? name.substring(PREFIX.length()) : name;
        return NetworkReader.modelName(n);
    }

    private static @Nullable String id(Map<String, @Nullable Object> raw) {
        String id = string(raw.get("id"));
        return id != null ? id : string(raw.get("_id"));
    }

    private static @Nullable String string(@Nullable Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
    }

    /** The element's own fields and those of a nested {@code attributes} object (Kumu's export). */
    private static Map<String, @Nullable Object> flatten(JsonNode entry) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : entry.properties()) {
            if (field.getKey().equals("attributes") && field.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> nested : field.getValue().properties()) {
                    fields.putIfAbsent(nested.getKey(), DatasetParser.plain(nested.getValue()));
                }
            } else {
                fields.put(field.getKey(), DatasetParser.plain(field.getValue()));
            }
        }
        return fields;
    }
}
