package de.kimgraph.exchange.graphml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetBuilder;
import de.kimgraph.model.dataset.Problem;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.NodeSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.RelationshipSpec;
import org.jspecify.annotations.Nullable;

/**
 * Turns the nodes and edges of a network file (GraphML, GEXF, Kumu) into a {@link Dataset} through
 * {@link DatasetBuilder}, so that these formats are judged by the same rules as every other. The format reader
 * hands over each element with its id and its fields by model name; this class finds the label and key (fields
 * {@code label} and {@code key}, or an id of the form {@code Label:key}), skips nodes marked {@code referenced},
 * resolves edge endpoints by node id, and names the element in every problem.
 *
 * <p>Field conventions (those of {@link GraphMlFormat}): {@code label} is the node label (German names such as
 * {@code Akteur} are accepted too), {@code name} the display name, which is stored only where the label's display
 * property ({@link NodeSpec#displayProperty()}) is not given by its own field; {@code type} is the relationship
 * type (or its German name). An empty value of a list property is the empty list; an empty value of a field the
 * label does not have is ignored, so that tools which write every column for every node do not fail a file.
 */
public final class NetworkReader {

    public static final String LABEL = "label";
    public static final String NAME = "name";
    public static final String KEY = "key";
    public static final String REFERENCED = "referenced";
    public static final String TYPE = "type";

    private record RawNode(String location, @Nullable String id, Map<String, @Nullable Object> fields) {
    }

    private record RawEdge(String location, @Nullable String id, @Nullable String source, @Nullable String target,
                           Map<String, @Nullable Object> fields) {
    }

    /** A node as an edge sees it; {@code valid} is false when the node itself has a problem (reported there). */
    private record End(String label, String key, boolean valid) {
    }

    private final DatasetBuilder builder;
    private final Set<String> ignoredNodeFields;
    private final Set<String> ignoredEdgeFields;
    private final List<RawNode> nodes = new ArrayList<>();
    private final List<RawEdge> edges = new ArrayList<>();
    private final Map<String, End> ends = new HashMap<>();

    /**
     * @param ignoredNodeFields fields tools add to nodes that are not data (layout, colours), ignoring case
     * @param ignoredEdgeFields the same for edges
     */
    public NetworkReader(DatasetBuilder builder, Set<String> ignoredNodeFields, Set<String> ignoredEdgeFields) {
        this.builder = builder;
        this.ignoredNodeFields = lower(ignoredNodeFields);
        this.ignoredEdgeFields = lower(ignoredEdgeFields);
    }

    public DatasetBuilder builder() {
        return builder;
    }

    public void node(String location, @Nullable String id, Map<String, @Nullable Object> fields) {
        nodes.add(new RawNode(location, id, fields));
    }

    public void edge(String location, @Nullable String id, @Nullable String source, @Nullable String target,
                     Map<String, @Nullable Object> fields) {
        edges.add(new RawEdge(location, id, source, target, fields));
    }

    /** Builds the dataset, or throws a {@link de.kimgraph.model.dataset.DatasetException} with every problem. */
    public Dataset build() {
        nodes.forEach(this::addNode);
        edges.forEach(this::addEdge);
        return builder.build();
    }

    /**
     * The model property name for a field name written in another case (Kumu lower-cases field names):
     * {@code validfrom} becomes {@code validFrom}; unknown names are returned as they are.
     */
    public static String modelName(String field) {
        return MODEL_NAMES.getOrDefault(field.toLowerCase(Locale.ROOT), field);
    }

    private static final Map<String, String> MODEL_NAMES = modelNames();

    private static Map<String, String> modelNames() {
        Map<String, String> names = new HashMap<>();
        GraphSpec.nodes().forEach(n -> n.properties().forEach(p -> names.put(p.name().toLowerCase(Locale.ROOT), p.name())));
        GraphSpec.relationships().forEach(r -> r.properties().forEach(p -> names.put(p.name().toLowerCase(Locale.ROOT),
                p.name())));
        for (String f : List.of(LABEL, NAME, KEY, REFERENCED, TYPE)) {
            names.put(f, f);
        }
        return Map.copyOf(names);
    }

    private void addNode(RawNode node) {
        String label = text(node.fields().get(LABEL));
        String key = text(node.fields().get(KEY));
        Optional<String[]> fromId = split(node.id());
        if (label == null && fromId.isPresent()) {
            label = fromId.get()[0];
        }
        if (label != null) {
            label = Names.label(label).orElse(label);
        }
        if (key == null && label != null && fromId.isPresent() && fromId.get()[0].equals(label)) {
            key = fromId.get()[1];
        }
        String idText = node.id() == null ? "(ohne id/no id)" : node.id();
        if (label == null) {
            builder.problem(new Problem(node.location(), LABEL, "MISSING_LABEL",
                    "Knoten " + idText + " hat keine Knotenart: das Attribut label (z. B. Actor, Body) fehlt, und die id "
                            + "hat nicht die Form Knotenart:Schlüssel.",
                    "Node " + idText + " has no label: attribute label (e.g. Actor, Body) is missing and the id is not "
                            + "of the form Label:key."));
            remember(node.id(), new End("", "", false));
            return;
        }
        if (key == null) {
            builder.problem(new Problem(node.location(), KEY, "MISSING_KEY",
                    "Knoten " + idText + " hat keinen Schlüssel: das Attribut key fehlt, und die id hat nicht die Form "
                            + label + ":Schlüssel.",
                    "Node " + idText + " has no key: attribute key is missing and the id is not of the form " + label
                            + ":key."));
            remember(node.id(), new End(label, "", false));
            return;
        }
        boolean known = GraphSpec.hasNode(label);
        End end = new End(label, key, known);
        remember(node.id(), end);
        ends.putIfAbsent(label + ":" + key, end);
        if (isTrue(node.fields().get(REFERENCED))) {
            return;
        }
        if (!known) {
            builder.node(label, Map.of(KEY, key), node.location());
            return;
        }
        NodeSpec spec = GraphSpec.node(label);
        Map<String, @Nullable Object> raw = new LinkedHashMap<>();
        raw.put(KEY, key);
        Object name = null;
        for (Map.Entry<String, @Nullable Object> field : node.fields().entrySet()) {
            String f = field.getKey();
            if (f.equals(LABEL) || f.equals(KEY) || f.equals(REFERENCED)
                    || ignoredNodeFields.contains(f.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (f.equals(NAME) && spec.property(NAME).isEmpty()) {
                name = field.getValue();
                continue;
            }
            put(raw, spec.property(f), f, field.getValue());
        }
        String display = spec.displayProperty();
        if (name != null && !display.equals(KEY) && raw.get(display) == null) {
            raw.put(display, name);
        }
        builder.node(label, raw, node.location());
    }

    private void addEdge(RawEdge edge) {
        String type = text(edge.fields().get(TYPE));
        String idText = edge.id() == null ? edge.source() + "→" + edge.target() : edge.id();
        if (type == null) {
            builder.problem(new Problem(edge.location(), TYPE, "MISSING_TYPE",
                    "Kante " + idText + " hat keine Beziehungsart: das Attribut type (z. B. MEMBER_OF) fehlt.",
                    "Edge " + idText + " has no relationship type: attribute type (e.g. MEMBER_OF) is missing."));
            return;
        }
        type = Names.type(type).orElse(type);
        End from = end(edge, edge.source(), "source", idText);
        End to = end(edge, edge.target(), "target", idText);
        if (from == null || to == null || !from.valid() || !to.valid()) {
            return;
        }
        List<RelationshipSpec> candidates = GraphSpec.relationships(type);
        RelationshipSpec spec = candidates.stream()
                .filter(c -> c.fromLabel().equals(from.label()) && c.toLabel().equals(to.label())).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.getFirst());
        Map<String, @Nullable Object> raw = new LinkedHashMap<>();
        for (Map.Entry<String, @Nullable Object> field : edge.fields().entrySet()) {
            String f = field.getKey();
            if (f.equals(TYPE) || ignoredEdgeFields.contains(f.toLowerCase(Locale.ROOT))) {
                continue;
            }
            put(raw, spec == null ? Optional.empty() : spec.property(f), f, field.getValue());
        }
        raw.put("from", from.key());
        raw.put("to", to.key());
        builder.relationship(type, from.label(), to.label(), raw, edge.location());
    }

    private @Nullable End end(RawEdge edge, @Nullable String id, String field, String idText) {
        if (id != null) {
            End end = ends.get(id);
            if (end != null) {
                return end;
            }
            Optional<String[]> parts = split(id);
            if (parts.isPresent()) {
                String label = Names.label(parts.get()[0]).orElse(parts.get()[0]);
                if (GraphSpec.hasNode(label)) {
                    return new End(label, parts.get()[1], true);
                }
            }
        }
        builder.problem(new Problem(edge.location(), field, "UNKNOWN_NODE",
                "Kante " + idText + " verweist auf den Knoten " + id + ", den die Datei nicht enthält (und der nicht die "
                        + "Form Knotenart:Schlüssel hat).",
                "Edge " + idText + " points to node " + id + ", which the file does not contain (and which is not of "
                        + "the form Label:key)."));
        return null;
    }

    /** Adds a field: empty text is the empty list for list properties, and ignored for fields the record lacks. */
    private static void put(Map<String, @Nullable Object> raw, Optional<PropertySpec> spec, String field,
                            @Nullable Object value) {
        boolean blank = value == null || value instanceof String s && s.isBlank();
        if (spec.isEmpty()) {
            if (!blank) {
                raw.put(field, value);
            }
            return;
        }
        if (blank && Network.isList(spec.get()) && value != null) {
            raw.put(field, List.of());
            return;
        }
        raw.put(field, value);
    }

    private void remember(@Nullable String id, End end) {
        if (id != null) {
            ends.putIfAbsent(id, end);
        }
    }

    private static Optional<String[]> split(@Nullable String id) {
        if (id == null) {
            return Optional.empty();
        }
        int colon = id.indexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            return Optional.empty();
        }
        String label = id.substring(0, colon);
        String resolved = Names.label(label).orElse(null);
        return resolved == null ? Optional.empty() : Optional.of(new String[] {resolved, id.substring(colon + 1)});
    }

    private static boolean isTrue(@Nullable Object value) {
        return value instanceof Boolean b ? b
                : value instanceof String s && Set.of("true", "ja", "yes", "1").contains(s.strip().toLowerCase(Locale.ROOT));
    }

    private static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value).strip();
        return s.isEmpty() ? null : s;
    }

    private static Set<String> lower(Set<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
