package de.kimgraph.exchange.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import de.kimgraph.exchange.ExportScope;
import de.kimgraph.exchange.Format;
import de.kimgraph.exchange.Formats;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.Snapshot;
import de.kimgraph.exchange.sheet.SheetLayout.Role;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetParser;
import de.kimgraph.model.spec.GraphSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Export of the demo district to a workbook (and to CSV) reads back to the same records for everything the sheets
 * carry: every node of the eight kinds with all its properties, every keyed relationship with all its properties, and
 * every current link by its endpoints (a list cell does not carry a link's own visibility or validity). Exporting
 * what was read gives the same bytes again.
 */
class SheetRoundTripTest {

    private static final String DEMO = "999990000000";

    static Dataset demo() throws IOException {
        try (InputStream in = SheetRoundTripTest.class.getResourceAsStream("/demo/auental.json")) {
            return DatasetParser.parse("auental.json", in);
        }
    }

    private static byte[] write(Format format, Dataset dataset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(Snapshot.of(ExportScope.wholeTenant(DEMO), dataset), out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv"})
    void theDemoExportReadsBackToTheSameRecordsAndExportsToTheSameBytes(String id) throws IOException {
        Format format = Formats.get(id);
        Dataset original = demo();

        byte[] exported = write(format, original);
        Dataset back = format.read("auental." + format.extension(), new ByteArrayInputStream(exported),
                ReadOptions.forTenant(DEMO));

        assertSame(nodes(back), nodes(original));
        assertSame(keyed(back), keyed(original));
        assertThat(links(back)).isEqualTo(links(original));
        assertThat(nodes(original)).hasSize(54 + 21 + 45 + 8 + 27 + 7);
        assertThat(write(format, back)).as("export, import, export gives the same file").isEqualTo(exported);
        assertThat(write(format, original)).as("deterministic").isEqualTo(exported);
    }

    /** Equal maps, or a failure listing only the entries that differ. */
    private static <V> void assertSame(Map<String, V> actual, Map<String, V> expected) {
        Map<String, String> differences = new TreeMap<>();
        for (String key : new TreeSet<>(java.util.stream.Stream.concat(actual.keySet().stream(),
                expected.keySet().stream()).toList())) {
            if (!java.util.Objects.equals(actual.get(key), expected.get(key))) {
                differences.put(key, "read " + actual.get(key) + "\n   expected " + expected.get(key));
            }
        }
        assertThat(differences).isEmpty();
    }

    /** Without empty lists: a sheet cell cannot tell an empty list from no value. */
    private static Map<String, Object> properties(Map<String, Object> properties) {
        Map<String, Object> result = new TreeMap<>(properties);
        result.values().removeIf(v -> v instanceof List<?> l && l.isEmpty());
        return result;
    }

    private static final Set<String> LABELS = SheetLayout.sheets().stream()
            .filter(s -> s.kind() == SheetLayout.SheetKind.NODES).map(SheetLayout.Sheet::subject)
            .collect(Collectors.toSet());

    /** The labels' nodes, by label and key, with every property. */
    private static Map<String, Map<String, Object>> nodes(Dataset dataset) {
        Map<String, Map<String, Object>> result = new TreeMap<>();
        dataset.nodes().stream().filter(n -> LABELS.contains(n.label()))
                .forEach(n -> result.put(n.label() + ":" + n.key(), properties(n.properties())));
        return result;
    }

    /** Keyed relationships of the carried types, by type and key, with endpoints and every property. */
    private static Map<String, List<Object>> keyed(Dataset dataset) {
        Set<String> types = new TreeSet<>(SheetLayout.relationTypes());
        types.addAll(List.of("MEMBER_OF", "FUNDED_BY"));
        Map<String, List<Object>> result = new TreeMap<>();
        dataset.relationships().stream().filter(r -> r.spec().keyed() && types.contains(r.spec().type()))
                .forEach(r -> result.put(r.spec().type() + ":" + r.key(), List.of(r.spec().fromLabel(), r.from(),
                        r.spec().toLabel(), r.to(), properties(r.properties()))));
        return result;
    }

    /** Current links of the types the sheets carry as list cells, by endpoints. */
    private static Set<String> links(Dataset dataset) {
        Set<String> carried = SheetLayout.sheets().stream().flatMap(s -> s.columns().stream()
                        .filter(c -> c.role() == Role.LINK)
                        .map(c -> c.type() + "|" + (c.outgoing() ? s.subject() : c.target()) + "|"
                                + (c.outgoing() ? c.target() : s.subject())))
                .collect(Collectors.toSet());
        return dataset.relationships().stream()
                .filter(r -> !r.spec().keyed() && r.properties().get("validTo") == null)
                .filter(r -> carried.contains(r.spec().type() + "|" + r.spec().fromLabel() + "|" + r.spec().toLabel()))
                .map(r -> r.spec().type() + " " + r.spec().fromLabel() + ":" + r.from() + " → " + r.spec().toLabel()
                        + ":" + r.to())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv"})
    void whatTheSheetsDoNotCarryIsLeftOutOfTheComparisonOnPurpose(String id) throws IOException {
        Dataset original = demo();
        Dataset back = Formats.get(id).read("auental", new ByteArrayInputStream(write(Formats.get(id), original)),
                ReadOptions.forTenant(DEMO));

        Set<String> lost = original.nodes().stream().map(Dataset.NodeRecord::label)
                .filter(l -> !LABELS.contains(l)).collect(Collectors.toCollection(TreeSet::new));
        assertThat(lost).containsExactly(GraphSpec.AREA, "Requirement", "Role");
        Set<String> lostTypes = original.relationships().stream().map(r -> r.spec().type())
                .filter(t -> back.relationships().stream().noneMatch(b -> b.spec().type().equals(t)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(lostTypes).containsExactly("CONCERNS", "HELD_IN", "REQUIRES");
    }
}
