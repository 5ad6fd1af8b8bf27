package de.kimgraph.exchange.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.kimgraph.exchange.Format;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.Snapshot;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetParser;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.RelationshipSpec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kim-graph/1}, the format of the demo and the fixtures (MODEL.md): nodes grouped by label, relationships
 * by type, every stored property by its model name. It carries everything but the database's {@code version}
 * counter, so export, import into an empty database and export again give the same bytes.
 *
 * <p>The file states its tenant at the top and on every record; an importer's options fill in records without one.
 */
public final class JsonFormat implements Format {

    private static final ObjectWriter WRITER = JsonMapper.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build().writer()
            .with(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter(" ", "\n"))
                    .withArrayIndenter(new DefaultIndenter(" ", "\n"))
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectNameValueSpacing(Separators.Spacing.AFTER)));

    @Override
    public String id() {
        return "json";
    }

    @Override
    public String labelDe() {
        return "kim-graph JSON (vollständig, verlustfrei)";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public Dataset read(String fileName, InputStream in, ReadOptions options) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (options.tenant() == null && options.source() == null && options.visibility() == null) {
            return DatasetParser.parse(fileName, bytes);
        }
        return DatasetParser.parse(fileName, bytes, options.tenant(), options.source(), options.visibility());
    }

    @Override
    public void write(Snapshot snapshot, OutputStream out) throws IOException {
        try (JsonGenerator g = WRITER.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("format", DatasetParser.FORMAT);
            g.writeStringProperty("tenant", snapshot.scope().tenant());
            if (snapshot.scope().area() != null) {
                g.writeStringProperty("area", snapshot.scope().area());
            }
            if (snapshot.scope().asOf() != null) {
                g.writeStringProperty("asOf", snapshot.scope().asOf().toString());
            }
            g.writeName("nodes");
            g.writeStartObject();
            Map<String, List<Dataset.NodeRecord>> byLabel = new LinkedHashMap<>();
            snapshot.dataset().nodes().forEach(n -> byLabel.computeIfAbsent(n.label(), l -> new java.util.ArrayList<>())
                    .add(n));
            for (var group : byLabel.entrySet()) {
                g.writeName(group.getKey());
                g.writeStartArray();
                List<PropertySpec> specs = GraphSpec.node(group.getKey()).properties();
                for (Dataset.NodeRecord node : group.getValue()) {
                    g.writeStartObject();
                    g.writeStringProperty("key", node.key());
                    writeProperties(g, specs, node.properties());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeName("relationships");
            g.writeStartObject();
            Map<String, List<Dataset.RelationshipRecord>> byType = new LinkedHashMap<>();
            snapshot.dataset().relationships().forEach(r -> byType.computeIfAbsent(r.spec().type(),
                    t -> new java.util.ArrayList<>()).add(r));
            for (var group : byType.entrySet()) {
                g.writeName(group.getKey());
                g.writeStartArray();
                boolean ambiguous = GraphSpec.relationships(group.getKey()).size() > 1;
                for (Dataset.RelationshipRecord rel : group.getValue()) {
                    RelationshipSpec spec = rel.spec();
                    g.writeStartObject();
                    if (rel.key() != null) {
                        g.writeStringProperty("key", rel.key());
                    }
                    if (ambiguous) {
                        g.writeStringProperty("fromLabel", spec.fromLabel());
                    }
                    g.writeStringProperty("from", rel.from());
                    if (ambiguous) {
                        g.writeStringProperty("toLabel", spec.toLabel());
                    }
                    g.writeStringProperty("to", rel.to());
                    writeProperties(g, spec.properties(), rel.properties());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** Properties in model order, so the same record always gives the same text. */
    private static void writeProperties(JsonGenerator g, List<PropertySpec> specs, Map<String, Object> properties) {
        for (PropertySpec spec : specs) {
            if (spec.name().equals("key") || spec.name().equals("version")) {
                continue;
            }
            Object value = properties.get(spec.name());
            if (value == null) {
                continue;
            }
            g.writeName(spec.name());
            writeValue(g, value);
        }
    }

    private static void writeValue(JsonGenerator g, Object value) {
        switch (value) {
            case String s -> g.writeString(s);
            case Long l -> g.writeNumber(l);
            case Integer i -> g.writeNumber(i);
            case Double d -> g.writeNumber(d);
            case Boolean b -> g.writeBoolean(b);
            case LocalDate d -> g.writeString(d.toString());
            case List<?> list -> {
                g.writeStartArray();
                list.forEach(v -> writeValue(g, v));
                g.writeEndArray();
            }
            default -> g.writeString(String.valueOf(value));
        }
    }
}
