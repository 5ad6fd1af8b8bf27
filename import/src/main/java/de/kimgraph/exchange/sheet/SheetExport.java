package de.kimgraph.exchange.sheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import de.kimgraph.exchange.Snapshot;
import de.kimgraph.exchange.sheet.SheetLayout.Column;
import de.kimgraph.exchange.sheet.SheetLayout.Role;
import de.kimgraph.exchange.sheet.SheetLayout.Sheet;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.Terms;
import org.jspecify.annotations.Nullable;

/**
 * The rows of the sheets for a {@link Snapshot}, as typed cell values ({@link String}, {@link LocalDate},
 * {@link Long}, {@link Double}, null for empty), for the XLSX and CSV writers alike. Terms are written as their German
 * labels, references as keys (seeded vocabulary nodes as their German labels, which reading resolves back), lists
 * joined with {@code "; "}, booleans as {@code ja}/{@code nein}. Rows are sorted by key, list cells by key, so the same
 * graph always gives the same rows.
 *
 * <p>Links that have ended ({@code validTo} set) are left out: a list cell cannot say that one of its entries has
 * ended, and writing it would make it current again on import.
 */
final class SheetExport {

    private final Map<String, List<Dataset.NodeRecord>> nodes = new HashMap<>();
    private final Map<String, List<Dataset.RelationshipRecord>> links = new HashMap<>();
    private final Map<String, List<Dataset.RelationshipRecord>> byType = new HashMap<>();

    SheetExport(Snapshot snapshot) {
        for (Dataset.NodeRecord node : snapshot.dataset().nodes()) {
            nodes.computeIfAbsent(node.label(), l -> new ArrayList<>()).add(node);
        }
        nodes.values().forEach(list -> list.sort(Comparator.comparing(Dataset.NodeRecord::key)));
        for (Dataset.RelationshipRecord rel : snapshot.dataset().relationships()) {
            var spec = rel.spec();
            if (spec.keyed()) {
                byType.computeIfAbsent(spec.type(), t -> new ArrayList<>()).add(rel);
                if (spec.type().equals("FUNDED_BY")) {
                    links.computeIfAbsent(linkId(spec.type(), spec.fromLabel(), spec.toLabel(), true, rel.from()),
                            k -> new ArrayList<>()).add(rel);
                }
            } else if (rel.properties().get("validTo") == null) {
                links.computeIfAbsent(linkId(spec.type(), spec.fromLabel(), spec.toLabel(), true, rel.from()),
                        k -> new ArrayList<>()).add(rel);
                links.computeIfAbsent(linkId(spec.type(), spec.fromLabel(), spec.toLabel(), false, rel.to()),
                        k -> new ArrayList<>()).add(rel);
            }
        }
        byType.values().forEach(list -> list.sort(Comparator.comparing(r -> Objects.requireNonNull(r.key()))));
        links.values().forEach(list -> list.sort(Comparator.comparing((Dataset.RelationshipRecord r) -> r.from())
                .thenComparing(Dataset.RelationshipRecord::to)
                .thenComparing(r -> r.key() == null ? "" : r.key())));
    }

    /** Writes the rows of one sheet (without its header) to {@code sink}. */
    void rows(Sheet sheet, Consumer<List<@Nullable Object>> sink) {
        switch (sheet.kind()) {
            case NODES -> {
                for (Dataset.NodeRecord node : nodes.getOrDefault(sheet.subject(), List.of())) {
                    nodeRows(sheet, node, sink);
                }
            }
            case RELATIONSHIPS -> {
                for (Dataset.RelationshipRecord rel : byType.getOrDefault(sheet.subject(), List.of())) {
                    sink.accept(relationshipRow(sheet, rel, null));
                }
            }
            case RELATIONS -> {
                for (String type : SheetLayout.relationTypes()) {
                    for (Dataset.RelationshipRecord rel : byType.getOrDefault(type, List.of())) {
                        sink.accept(relationshipRow(sheet, rel, type));
                    }
                }
            }
        }
    }

    private void nodeRows(Sheet sheet, Dataset.NodeRecord node, Consumer<List<@Nullable Object>> sink) {
        List<Column> columns = sheet.columns();
        @Nullable Object[] row = new Object[columns.size()];
        List<Dataset.RelationshipRecord> fundings = sheet.funded()
                ? links.getOrDefault(linkId("FUNDED_BY", sheet.subject(), de.kimgraph.model.spec.GraphSpec.PROGRAMME,
                true, node.key()), List.of())
                : List.of();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            row[i] = switch (c.role()) {
                case KEY -> node.key();
                case PROPERTY -> cell(sheet.spec(c), node.properties().get(c.property()));
                case LINK -> linkCell(sheet, c, node.key());
                case FUNDING -> fundings.isEmpty() ? null : fundingCell(sheet, c, node.key(), fundings.getFirst());
                default -> null;
            };
        }
        sink.accept(Arrays.asList(row));
        for (Dataset.RelationshipRecord funding : fundings.subList(Math.min(1, fundings.size()), fundings.size())) {
            @Nullable Object[] more = new Object[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                more[i] = c.role() == Role.KEY ? node.key()
                        : c.role() == Role.FUNDING ? fundingCell(sheet, c, node.key(), funding) : null;
            }
            sink.accept(Arrays.asList(more));
        }
    }

    private @Nullable Object fundingCell(Sheet sheet, Column column, String owner, Dataset.RelationshipRecord funding) {
        return switch (column.property()) {
            case "to" -> funding.to();
            case "key" -> Objects.equals(funding.key(), owner + "~" + funding.to()) ? null : funding.key();
            default -> cell(SheetLayout.funding(sheet).property(column.property()).orElse(null),
                    funding.properties().get(column.property()));
        };
    }

    private @Nullable Object linkCell(Sheet sheet, Column column, String key) {
        String type = Objects.requireNonNull(column.type());
        String target = Objects.requireNonNull(column.target());
        String fromLabel = column.outgoing() ? sheet.subject() : target;
        String toLabel = column.outgoing() ? target : sheet.subject();
        List<Dataset.RelationshipRecord> found = links.getOrDefault(linkId(type, fromLabel, toLabel, column.outgoing(),
                key), List.of());
        if (found.isEmpty()) {
            return null;
        }
        List<String> others = found.stream().map(r -> column.outgoing() ? r.to() : r.from()).sorted().distinct()
                .map(k -> reference(target, k)).toList();
        return String.join("; ", others);
    }

    private List<@Nullable Object> relationshipRow(Sheet sheet, Dataset.RelationshipRecord rel, @Nullable String type) {
        List<Column> columns = sheet.columns();
        @Nullable Object[] row = new Object[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            row[i] = switch (c.role()) {
                case KEY -> rel.key();
                case TYPE -> type == null ? null : SheetLayout.relationLabelDe(type);
                case FROM -> reference(rel.spec().fromLabel(), rel.from());
                case TO -> reference(rel.spec().toLabel(), rel.to());
                case PROPERTY -> type != null && !c.types().isEmpty() && !c.types().contains(type) ? null
                        : cell(rel.spec().property(c.property()).orElse(null), rel.properties().get(c.property()));
                default -> null;
            };
        }
        return Arrays.asList(row);
    }

    /** A stored value as a cell; empty lists and blank text as an empty cell (a sheet cannot tell them apart). */
    private @Nullable Object cell(@Nullable PropertySpec spec, @Nullable Object value) {
        if (spec == null || value == null || value instanceof List<?> l && l.isEmpty()
                || value instanceof String s && s.isBlank()) {
            return null;
        }
        String referenced = SheetLayout.referencedLabel(spec);
        return switch (spec.type()) {
            case ENUM -> term(Objects.requireNonNull(spec.vocabulary()), String.valueOf(value));
            case ENUM_LIST -> join(value, v -> term(Objects.requireNonNull(spec.vocabulary()), v));
            case STRING_LIST -> join(value, v -> referenced == null ? v : reference(referenced, v));
            case STRING -> referenced == null ? String.valueOf(value) : reference(referenced, String.valueOf(value));
            case BOOLEAN -> Boolean.TRUE.equals(value) ? "ja" : "nein";
            case DATE -> value instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(value));
            case INTEGER -> value instanceof Number n ? (Object) n.longValue() : value;
            case FLOAT -> value instanceof Number n ? (Object) n.doubleValue() : value;
        };
    }

    private static String join(Object value, java.util.function.Function<String, String> each) {
        List<?> list = value instanceof List<?> l ? l : List.of(value);
        return String.join("; ", list.stream().map(String::valueOf).map(each).toList());
    }

    private static String term(String vocabulary, String key) {
        return Terms.get().term(vocabulary, key).map(Terms.Term::de).orElse(key);
    }

    /** A key as a cell: seeded vocabulary nodes by their German label, everything else by key. */
    private String reference(String label, String key) {
        if (Vocabularies.isVocabulary(label)) {
            String de = Vocabularies.get().labelDe(label, key);
            return de == null ? key : de;
        }
        return key;
    }

    private static String linkId(String type, String fromLabel, String toLabel, boolean outgoing, String key) {
        return type + "|" + fromLabel + "|" + toLabel + "|" + (outgoing ? ">" : "<") + key;
    }
}
