package de.kimgraph.exchange.sheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.sheet.SheetLayout.Column;
import de.kimgraph.exchange.sheet.SheetLayout.Role;
import de.kimgraph.exchange.sheet.SheetLayout.Sheet;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetBuilder;
import de.kimgraph.model.dataset.DatasetException;
import de.kimgraph.model.dataset.Problem;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.PropertyType;
import de.kimgraph.model.spec.RelationshipSpec;
import org.jspecify.annotations.Nullable;

/**
 * Turns the rows of the sheets of {@link SheetLayout} into a {@link Dataset}, whatever file they came from (XLSX or
 * CSV): header check, one record per row plus the links of its list cells and its funding, label-to-key resolution
 * of vocabulary cells, German dates, and problems that name the sheet, the Excel row number and the column. The
 * values themselves are judged by {@link DatasetBuilder}, like every other format.
 *
 * <p>Rows are handed over one at a time, so the file never needs to be in memory as a whole; only the records are.
 */
final class SheetReader {

    /** Node keys as the API accepts them. */
    private static final Pattern NODE_KEY = Pattern.compile("[\\p{L}\\p{N}._:-]{1,200}");
    /** Relationship keys may also carry the {@code ~} of derived keys. */
    private static final Pattern RELATIONSHIP_KEY = Pattern.compile("[\\p{L}\\p{N}._:~-]{1,200}");
    private static final Pattern GERMAN_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final String fileName;
    private final DatasetBuilder builder;
    private final Set<String> seen = new HashSet<>();
    private final boolean noTenant;

    SheetReader(String fileName, ReadOptions options) {
        this.fileName = fileName;
        this.builder = new DatasetBuilder(fileName, options.tenant(), options.source(), options.visibility());
        this.noTenant = options.tenant() == null;
        if (noTenant) {
            builder.problem(new Problem(fileName, "tenant", "NO_TENANT",
                    "Tabellen tragen keinen Mandanten; der Import muss ihn vorgeben.",
                    "Sheets carry no tenant; the import must give one."));
        }
    }

    /**
     * The handler for the rows of one sheet, or null when the sheet is skipped: a help sheet ({@code Hinweise},
     * {@code Listen}), or an unknown or repeated one (a problem).
     *
     * @param name    the sheet name (or CSV file name without {@code .csv})
     * @param display how locations name the sheet, e.g. {@code Akteure} or {@code Akteure.csv}
     */
    @Nullable Rows sheet(String name, String display) {
        if (SheetLayout.HELP_SHEETS.stream().anyMatch(h -> h.equalsIgnoreCase(name.strip()))) {
            return null;
        }
        Sheet sheet = SheetLayout.sheet(name).orElse(null);
        if (sheet == null) {
            builder.problem(new Problem(fileName + ": " + display, "Tabellenblatt (sheet)", "UNKNOWN_SHEET",
                    "Unbekanntes Tabellenblatt „" + name + "“; erwartet: " + names() + " (Hinweise und Listen werden "
                            + "übersprungen).",
                    "Unknown sheet '" + name + "'; expected: " + names() + " (Hinweise and Listen are skipped)."));
            return null;
        }
        if (!seen.add(sheet.name())) {
            builder.problem(new Problem(fileName + ": " + display, "Tabellenblatt (sheet)", "DUPLICATE_SHEET",
                    "Das Tabellenblatt " + sheet.name() + " kommt mehrfach vor.",
                    "The sheet " + sheet.name() + " occurs more than once."));
            return null;
        }
        return new Rows(sheet, display);
    }

    /** Reports a problem of the file itself (not readable, not a workbook). */
    void problem(Problem problem) {
        builder.problem(problem);
    }

    /** The dataset, or a {@link DatasetException} with every problem, fields named by their columns. */
    Dataset build() {
        try {
            return builder.build();
        } catch (DatasetException e) {
            List<Problem> problems = new ArrayList<>();
            for (Problem p : e.problems()) {
                if (noTenant && p.field().equals("tenant") && p.code().equals("REQUIRED")) {
                    continue;
                }
                problems.add(SheetLayout.describe(p));
            }
            throw new DatasetException(problems);
        }
    }

    private static String names() {
        return String.join(", ", SheetLayout.sheets().stream().map(Sheet::name).toList());
    }

    /** The rows of one sheet: row 1 is the header, empty rows are skipped. */
    final class Rows {

        private final Sheet sheet;
        private final String display;
        /** The sheet's columns present in the file, in sheet order, and where they are. */
        private final Map<Column, Integer> index = new java.util.IdentityHashMap<>();
        private final List<Column> present = new ArrayList<>();
        private final Set<Integer> unnamed = new HashSet<>();
        private final Map<String, First> firsts = new HashMap<>();
        private boolean header;
        private boolean broken;
        private int width;
        private int number;

        private Rows(Sheet sheet, String display) {
            this.sheet = sheet;
            this.display = display;
        }

        /**
         * One row.
         *
         * @param number the row number as Excel shows it (the header is row 1)
         * @param cells  the cell texts by column index, null or blank for empty cells
         */
        void row(int number, List<@Nullable String> cells) {
            if (broken) {
                return;
            }
            if (!header) {
                header = true;
                header(number, cells);
                return;
            }
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            this.number = number;
            String location = display + ", Zeile " + number;
            for (int i = 0; i < cells.size(); i++) {
                String c = cells.get(i);
                if (c != null && !c.isBlank() && (unnamed.contains(i) || i >= width)) {
                    problem(location, "Spalte " + columnName(i), "VALUE_WITHOUT_COLUMN",
                            "Wert „" + c.strip() + "“ in einer Spalte ohne Überschrift.",
                            "Value '" + c.strip() + "' in a column without a header.");
                }
            }
            switch (sheet.kind()) {
                case NODES -> node(location, cells);
                case RELATIONSHIPS -> relationship(location, cells, sheet.subject());
                case RELATIONS -> relation(location, cells);
            }
        }

        private void header(int number, List<@Nullable String> cells) {
            String location = display + ", Zeile 1";
            if (number != 1) {
                broken = true;
                problem(location, "Kopfzeile (header)", "MISSING_HEADER",
                        "Zeile 1 muss die Spaltenüberschriften enthalten; sie ist leer.",
                        "Row 1 must hold the column headers; it is empty.");
                return;
            }
            width = cells.size();
            for (int i = 0; i < cells.size(); i++) {
                String text = cells.get(i);
                if (text == null || text.isBlank()) {
                    unnamed.add(i);
                    continue;
                }
                Column column = sheet.column(text).orElse(null);
                if (column == null) {
                    problem(location, text.strip(), "UNKNOWN_COLUMN",
                            "Unbekannte Spalte „" + text.strip() + "“ im Tabellenblatt " + sheet.name() + "; erlaubt: "
                                    + headers() + ".",
                            "Unknown column '" + text.strip() + "' in sheet " + sheet.name() + "; allowed: "
                                    + headers() + ".");
                    continue;
                }
                if (index.putIfAbsent(column, i) != null) {
                    problem(location, column.field(), "DUPLICATE_COLUMN",
                            "Die Spalte „" + column.header() + "“ kommt im Tabellenblatt " + sheet.name() + " mehrfach vor.",
                            "The column '" + column.header() + "' occurs more than once in sheet " + sheet.name() + ".");
                }
            }
            for (Column column : sheet.columns()) {
                if (index.containsKey(column)) {
                    present.add(column);
                }
                if (sheet.required(column) && !index.containsKey(column)) {
                    problem(location, column.field(), "MISSING_COLUMN",
                            "Im Tabellenblatt " + sheet.name() + " fehlt die Pflichtspalte „" + column.header() + "“.",
                            "Sheet " + sheet.name() + " lacks the required column '" + column.header() + "' ("
                                    + column.name() + ").");
                }
            }
        }

        private String headers() {
            return String.join(", ", sheet.columns().stream().map(Column::header).toList());
        }

        private @Nullable String value(List<@Nullable String> cells, Column column) {
            Integer i = index.get(column);
            if (i == null || i >= cells.size()) {
                return null;
            }
            String v = cells.get(i);
            return v == null || v.isBlank() ? null : v.strip();
        }

        // ---------------------------------------------------------------- nodes

        private void node(String location, List<@Nullable String> cells) {
            String label = sheet.subject();
            Column keyColumn = sheet.byProperty(Role.KEY, "key").orElseThrow();
            String key = value(cells, keyColumn);
            if (key != null && !NODE_KEY.matcher(key).matches()) {
                problem(location, keyColumn.field(), "INVALID_KEY",
                        "Schlüssel „" + key + "“ darf nur Buchstaben, Ziffern und . _ : - enthalten (höchstens 200 Zeichen).",
                        "Key '" + key + "' may only contain letters, digits and . _ : - (at most 200 characters).");
                return;
            }
            long hash = sheet.funded() ? recordHash(cells) : EMPTY_HASH;
            if (sheet.funded() && key != null) {
                First first = firsts.get(key);
                if (first != null) {
                    if (hash != EMPTY_HASH && hash != first.hash()) {
                        problem(location, keyColumn.field(), "CONFLICTING_ROW",
                                "Zeile hat denselben Schlüssel " + key + " wie Zeile " + first.row() + ", aber andere "
                                        + "Angaben. Eine weitere Förderung steht in einer Folgezeile, die nur Schlüssel und "
                                        + "Förder-Spalten füllt.",
                                "Row has the same key " + key + " as row " + first.row() + " but different values. A "
                                        + "further funding goes into a continuation row that fills only the key and the "
                                        + "funding columns.");
                        return;
                    }
                    funding(location, cells, key, first.source(), first.visibility());
                    return;
                }
            }
            Map<String, Object> raw = new LinkedHashMap<>();
            if (key != null) {
                raw.put("key", key);
            }
            for (Column c : present) {
                if (c.role() == Role.PROPERTY) {
                    String v = value(cells, c);
                    if (v != null) {
                        raw.put(c.property(), prepare(c, v));
                    }
                }
            }
            builder.node(label, raw, location);
            if (key == null) {
                return;
            }
            Object source = raw.get("source");
            Object visibility = raw.get("visibility");
            if (sheet.funded()) {
                firsts.put(key, new First(number, hash, source, visibility));
            }
            for (Column c : present) {
                if (c.role() != Role.LINK) {
                    continue;
                }
                String v = value(cells, c);
                if (v == null) {
                    continue;
                }
                String target = java.util.Objects.requireNonNull(c.target());
                for (String item : split(v)) {
                    String other = reference(target, item);
                    Map<String, Object> link = new HashMap<>();
                    link.put("from", c.outgoing() ? key : other);
                    link.put("to", c.outgoing() ? other : key);
                    putIfPresent(link, "source", source);
                    putIfPresent(link, "visibility", visibility);
                    builder.relationship(java.util.Objects.requireNonNull(c.type()), c.outgoing() ? label : target,
                            c.outgoing() ? target : label, link, location + ", " + SheetLayout.linkPart(c));
                }
            }
            if (sheet.funded()) {
                funding(location, cells, key, source, visibility);
            }
        }

        private void funding(String location, List<@Nullable String> cells, String key, @Nullable Object source,
                             @Nullable Object visibility) {
            Column programmeColumn = sheet.byProperty(Role.FUNDING, "to").orElseThrow();
            String programme = value(cells, programmeColumn);
            Map<String, Object> raw = new HashMap<>();
            for (Column c : present) {
                if (c.role() == Role.FUNDING && c != programmeColumn) {
                    String v = value(cells, c);
                    if (v != null) {
                        raw.put(c.property(), prepare(c, v));
                    }
                }
            }
            if (programme == null) {
                if (!raw.isEmpty()) {
                    problem(location, programmeColumn.field(), "REQUIRED",
                            "Förderangaben ohne Förderprogramm.", "Funding details without a funding programme.");
                }
                return;
            }
            if (raw.get("key") instanceof String k && !RELATIONSHIP_KEY.matcher(k).matches()) {
                problem(location, sheet.byProperty(Role.FUNDING, "key").orElseThrow().field(), "INVALID_KEY",
                        "Schlüssel „" + k + "“ darf nur Buchstaben, Ziffern und . _ : ~ - enthalten.",
                        "Key '" + k + "' may only contain letters, digits and . _ : ~ -.");
                return;
            }
            raw.putIfAbsent("key", key + "~" + programme);
            raw.put("from", key);
            raw.put("to", programme);
            putIfPresent(raw, "source", source);
            putIfPresent(raw, "visibility", visibility);
            builder.relationship("FUNDED_BY", sheet.subject(), GraphSpec.PROGRAMME, raw,
                    location + ", " + SheetLayout.FUNDING_PART);
        }

        /** A hash of the row's record cells (all but the key and the funding), {@link #EMPTY_HASH} when all are empty. */
        private long recordHash(List<@Nullable String> cells) {
            long hash = EMPTY_HASH;
            boolean empty = true;
            for (Column c : present) {
                if (c.role() == Role.KEY || c.role() == Role.FUNDING) {
                    continue;
                }
                String v = value(cells, c);
                String text = c.header() + "=" + (v == null ? "" : v) + "\u0000";
                empty &= v == null;
                for (int i = 0; i < text.length(); i++) {
                    hash ^= text.charAt(i);
                    hash *= 0x100000001b3L;
                }
            }
            return empty ? EMPTY_HASH : hash == EMPTY_HASH ? hash + 1 : hash;
        }

        // ---------------------------------------------------------------- relationships

        private void relationship(String location, List<@Nullable String> cells, String type) {
            RelationshipSpec spec = GraphSpec.relationships(type).getFirst();
            Map<String, Object> raw = new LinkedHashMap<>();
            String from = null;
            String to = null;
            String key = null;
            for (Column c : present) {
                String v = value(cells, c);
                if (v == null) {
                    continue;
                }
                switch (c.role()) {
                    case FROM -> from = reference(spec.fromLabel(), v);
                    case TO -> to = reference(spec.toLabel(), v);
                    case KEY -> key = v;
                    case PROPERTY -> raw.put(c.property(), prepare(c, v));
                    default -> {
                    }
                }
            }
            if (key != null && !RELATIONSHIP_KEY.matcher(key).matches()) {
                problem(location, sheet.byProperty(Role.KEY, "key").orElseThrow().field(), "INVALID_KEY",
                        "Schlüssel „" + key + "“ darf nur Buchstaben, Ziffern und . _ : ~ - enthalten.",
                        "Key '" + key + "' may only contain letters, digits and . _ : ~ -.");
                return;
            }
            if (key == null && from != null && to != null) {
                key = sheet.kind() == SheetLayout.SheetKind.RELATIONS ? from + "~" + type + "~" + to : from + "~" + to;
            }
            putIfPresent(raw, "key", key);
            putIfPresent(raw, "from", from);
            putIfPresent(raw, "to", to);
            builder.relationship(type, spec.fromLabel(), spec.toLabel(), raw, location);
        }

        private void relation(String location, List<@Nullable String> cells) {
            Column typeColumn = sheet.byProperty(Role.TYPE, "type").orElseThrow();
            String text = value(cells, typeColumn);
            if (text == null) {
                problem(location, typeColumn.field(), "REQUIRED", "Pflichtfeld Art fehlt.",
                        "Required field type is missing.");
                return;
            }
            String type = SheetLayout.relationType(text);
            if (type == null) {
                String allowed = String.join(", ", SheetLayout.relationTypes().stream()
                        .map(SheetLayout::relationLabelDe).toList());
                problem(location, typeColumn.field(), "UNKNOWN_TERM",
                        "Unbekannte Art „" + text + "“; erlaubt: " + allowed + ".",
                        "Unknown type '" + text + "'; allowed: " + String.join(", ", SheetLayout.relationTypes()) + ".");
                return;
            }
            boolean inapplicable = false;
            for (Column c : present) {
                if (!c.types().isEmpty() && !c.types().contains(type) && value(cells, c) != null) {
                    inapplicable = true;
                    problem(location, c.field(), "INAPPLICABLE_COLUMN",
                            "Die Spalte „" + c.header() + "“ gilt nicht für die Art „" + SheetLayout.relationLabelDe(type)
                                    + "“.",
                            "The column '" + c.header() + "' does not apply to type " + type + ".");
                }
            }
            if (!inapplicable) {
                relationship(location, cells, type);
            }
        }

        // ---------------------------------------------------------------- values

        /** A property cell as the builder expects it: dates in ISO, vocabulary labels as keys, percentages as shares. */
        private Object prepare(Column column, String value) {
            PropertySpec spec = sheet.spec(column);
            if (SheetLayout.isDate(spec)) {
                return isoDate(value);
            }
            String label = SheetLayout.referencedLabel(spec);
            if (label != null && spec.type() == PropertyType.STRING_LIST) {
                return split(value).stream().map(v -> reference(label, v)).toList();
            }
            if (label != null) {
                return reference(label, value);
            }
            if (spec != null && spec.type() == PropertyType.FLOAT && value.endsWith("%")) {
                try {
                    return new BigDecimal(value.substring(0, value.length() - 1).strip().replace(',', '.'))
                            .movePointLeft(2).doubleValue();
                } catch (NumberFormatException e) {
                    return value;
                }
            }
            return value;
        }

        private void problem(String location, String field, String code, String de, String en) {
            builder.problem(new Problem(location, field, code, de, en));
        }
    }

    /** The first row of a key in a sheet with funding, for continuation rows. */
    private record First(int row, long hash, @Nullable Object source, @Nullable Object visibility) {
    }

    private static final long EMPTY_HASH = 0xcbf29ce484222325L;

    /** The key named by a cell: a vocabulary label resolved, an ARS that lost its leading zero padded. */
    static String reference(String label, String text) {
        String value = text.strip();
        if (Vocabularies.isVocabulary(label)) {
            return Vocabularies.get().resolve(label, value);
        }
        if (label.equals(GraphSpec.AREA) && value.length() == 11 && DIGITS.matcher(value).matches()) {
            return "0" + value;
        }
        return value;
    }

    /** {@code TT.MM.JJJJ} as ISO; anything else unchanged (the builder reports what is not a date). */
    static String isoDate(String value) {
        Matcher m = GERMAN_DATE.matcher(value.strip());
        if (m.matches()) {
            return String.format(Locale.ROOT, "%s-%02d-%02d", m.group(3), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1)));
        }
        return value.strip();
    }

    static List<String> split(String value) {
        List<String> result = new ArrayList<>();
        for (String part : value.split(";")) {
            if (!part.isBlank()) {
                result.add(part.strip());
            }
        }
        return result;
    }

    private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Excel's column letters: 0 → A, 26 → AA. */
    static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }
}
