package de.kimgraph.exchange.graphml;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import de.kimgraph.exchange.Snapshot;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.NodeSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.PropertyType;
import de.kimgraph.model.spec.RelationshipSpec;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot as the network tools see it: one flat list of nodes and one of edges, each with a string id. Gephi,
 * yEd and Kumu need every endpoint of an edge as a node of the same file, so the nodes outside the export that
 * relationships point to (reference areas, fields of action, target groups, legal domains) are included and
 * marked {@link Node#referenced()}; an endpoint the snapshot does not know at all becomes a node with only its
 * label and key. Readers skip referenced nodes: they must exist in the database already.
 *
 * <p>Node ids are {@code Label:key}. Edge ids are {@code TYPE:key} for keyed relationships, whose keys are
 * unique per type, and {@code TYPE:Label:from>Label:to} for the others, which are unique per endpoint pair.
 */
public final class Network {

    /**
     * One node.
     *
     * @param properties stored properties by model name, without {@code key}
     * @param referenced whether the node lies outside the export and is only there as an endpoint
     */
    public record Node(String id, String label, String key, Map<String, Object> properties, boolean referenced) {

        /** The name shown for the node: {@link NodeSpec#displayProperty()}, or the key when it has none. */
        public String displayName() {
            String property = GraphSpec.node(label).displayProperty();
            Object value = properties.get(property);
            return value instanceof String s && !s.isBlank() ? s : key;
        }
    }

    /**
     * One edge (relationship).
     *
     * @param properties stored properties by model name, without {@code key}
     */
    public record Edge(String id, RelationshipSpec spec, @Nullable String key, String source, String target,
                       Map<String, Object> properties) {

        public String type() {
            return spec.type();
        }

        /** {@code COOPERATES_WITH} is symmetric (MODEL.md): tools draw it without an arrow. */
        public boolean symmetric() {
            return spec.type().equals("COOPERATES_WITH");
        }
    }

    private static final Comparator<Dataset.NodeRecord> MODEL_ORDER = Comparator
            .comparingInt((Dataset.NodeRecord n) -> labelIndex(n.label())).thenComparing(Dataset.NodeRecord::key);

    private final List<Node> nodes;
    private final List<Edge> edges;

    private Network(List<Node> nodes, List<Edge> edges) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
    }

    /** The exported records in the snapshot's order, then the referenced nodes by label (model order) and key. */
    public static Network of(Snapshot snapshot) {
        List<Node> nodes = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Dataset.NodeRecord n : snapshot.dataset().nodes()) {
            nodes.add(new Node(Snapshot.id(n.label(), n.key()), n.label(), n.key(), n.properties(), false));
            ids.add(Snapshot.id(n.label(), n.key()));
        }
        List<Edge> edges = new ArrayList<>();
        Map<String, Dataset.NodeRecord> outside = new LinkedHashMap<>();
        snapshot.referenced().values().forEach(n -> outside.put(Snapshot.id(n.label(), n.key()), n));
        for (Dataset.RelationshipRecord r : snapshot.dataset().relationships()) {
            RelationshipSpec spec = r.spec();
            String source = Snapshot.id(spec.fromLabel(), r.from());
            String target = Snapshot.id(spec.toLabel(), r.to());
            for (String[] end : new String[][] {{spec.fromLabel(), r.from(), source}, {spec.toLabel(), r.to(), target}}) {
                if (!ids.contains(end[2]) && !outside.containsKey(end[2])) {
                    outside.put(end[2], snapshot.node(end[0], end[1])
                            .orElseGet(() -> new Dataset.NodeRecord(end[0], end[1], Map.of(), "")));
                }
            }
            String id = r.key() != null ? spec.type() + ":" + r.key() : spec.type() + ":" + source + ">" + target;
            edges.add(new Edge(id, spec, r.key(), source, target, r.properties()));
        }
        outside.values().stream().filter(n -> !ids.contains(Snapshot.id(n.label(), n.key()))).sorted(MODEL_ORDER)
                .forEach(n -> nodes.add(new Node(Snapshot.id(n.label(), n.key()), n.label(), n.key(), n.properties(),
                        true)));
        return new Network(nodes, edges);
    }

    public List<Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    /**
     * The node properties present on at least one node, in model order (labels in model order, then their
     * properties), one entry per name. {@code key} is left out: formats write it themselves.
     */
    public List<PropertySpec> nodeProperties(Set<String> leaveOut) {
        Set<String> used = nodes.stream().flatMap(n -> n.properties().keySet().stream())
                .collect(Collectors.toSet());
        return union(GraphSpec.nodes().stream().map(NodeSpec::properties).toList(), used, leaveOut);
    }

    /** The relationship properties present on at least one edge, in model order, without {@code key}. */
    public List<PropertySpec> edgeProperties(Set<String> leaveOut) {
        Set<String> used = edges.stream().flatMap(e -> e.properties().keySet().stream())
                .collect(Collectors.toSet());
        return union(GraphSpec.relationships().stream().map(RelationshipSpec::properties).toList(), used, leaveOut);
    }

    /**
     * One spec per property name; where labels give one name different value types (none do today) the
     * property becomes a string, which every reader converts back by the label's own spec.
     */
    private static List<PropertySpec> union(List<List<PropertySpec>> specs, Set<String> used, Set<String> leaveOut) {
        Map<String, PropertySpec> byName = new LinkedHashMap<>();
        for (List<PropertySpec> list : specs) {
            for (PropertySpec spec : list) {
                if (spec.name().equals("key") || leaveOut.contains(spec.name()) || !used.contains(spec.name())) {
                    continue;
                }
                PropertySpec previous = byName.putIfAbsent(spec.name(), spec);
                if (previous != null && valueClass(previous) != valueClass(spec)) {
                    byName.put(spec.name(), PropertySpec.string(spec.name()));
                }
            }
        }
        return List.copyOf(byName.values());
    }

    /** How a value of the spec is written: string, long, double or boolean. */
    public static String valueClass(PropertySpec spec) {
        return switch (spec.type()) {
            case INTEGER -> "long";
            case FLOAT -> "double";
            case BOOLEAN -> "boolean";
            default -> "string";
        };
    }

    /** Whether the property holds a list, written as {@code ;}-joined text in the XML formats. */
    public static boolean isList(PropertySpec spec) {
        return spec.type() == PropertyType.STRING_LIST || spec.type() == PropertyType.ENUM_LIST;
    }

    /**
     * A stored value as text: ISO dates, lists joined with {@code ;} (an empty list is the empty string),
     * numbers and booleans as Java prints them, which {@link de.kimgraph.model.dataset.Values} reads back.
     */
    public static String text(Object value) {
        return switch (value) {
            case LocalDate d -> d.toString();
            case Collection<?> list -> String.join(";", list.stream().map(Network::text).toList());
            default -> String.valueOf(value);
        };
    }

    private static int labelIndex(String label) {
        List<NodeSpec> specs = GraphSpec.nodes();
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).label().equals(label)) {
                return i;
            }
        }
        return specs.size();
    }
}
