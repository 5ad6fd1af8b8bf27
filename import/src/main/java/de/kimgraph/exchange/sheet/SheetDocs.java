package de.kimgraph.exchange.sheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import de.kimgraph.exchange.sheet.SheetLayout.Column;
import de.kimgraph.exchange.sheet.SheetLayout.Role;
import de.kimgraph.exchange.sheet.SheetLayout.Sheet;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.PropertyType;
import de.kimgraph.model.spec.Terms;

/**
 * What the help texts say about the layout: the value lists of the {@code Listen} sheet (and which column uses
 * which), the allowed values of every column in German and English, and general notes. The {@code Hinweise} sheet,
 * the CSV template and the documentation table are written from here.
 */
final class SheetDocs {

    /** One list of allowed values: German labels, and the keys they stand for. */
    record ValueList(String id, String titleDe, String titleEn, List<String> labels, List<String> keys) {

        /** The workbook name of the list's range in the sheet {@code Listen}. */
        String rangeName() {
            return "Liste_" + id;
        }
    }

    private static final Map<String, String[]> TITLES = Map.ofEntries(
            Map.entry("ActorKind", new String[] {"Art des Akteurs", "Actor kind"}),
            Map.entry("Sector", new String[] {"Sektor", "Sector"}),
            Map.entry("ActorLevel", new String[] {"Ebene", "Level"}),
            Map.entry("BodyType", new String[] {"Typ des Gremiums", "Body type"}),
            Map.entry("BodyScope", new String[] {"Reichweite", "Body scope"}),
            Map.entry("BodyStatus", new String[] {"Status", "Body status"}),
            Map.entry("MeetingFrequency", new String[] {"Sitzungsrhythmus", "Meeting frequency"}),
            Map.entry("HierarchyLevel", new String[] {"Hierarchieebene", "Hierarchy level"}),
            Map.entry("MembershipRole", new String[] {"Rolle im Gremium", "Membership role"}),
            Map.entry("ServiceForm", new String[] {"Form des Angebots", "Service form"}),
            Map.entry("FunderLevel", new String[] {"Fördergeberebene", "Funder level"}),
            Map.entry("Renewal", new String[] {"Verlängerung", "Renewal"}),
            Map.entry("PositionFunction", new String[] {"Funktion der Stelle", "Position function"}),
            Map.entry("AgreementKind", new String[] {"Art der Vereinbarung", "Agreement kind"}),
            Map.entry("SupervisionKind", new String[] {"Aufsichtsart", "Supervision kind"}),
            Map.entry("HandoverMedium", new String[] {"Übergabeweg", "Handover medium"}),
            Map.entry("Visibility", new String[] {"Sichtbarkeit", "Visibility"}),
            Map.entry(GraphSpec.FIELD, new String[] {"Handlungsfeld", "Field of action"}),
            Map.entry(GraphSpec.TARGET_GROUP, new String[] {"Zielgruppe", "Target group"}),
            Map.entry(GraphSpec.LEGAL_DOMAIN, new String[] {"Rechtskreis", "Legal domain"}),
            Map.entry(GraphSpec.RESIDENCE_STATUS, new String[] {"Aufenthaltsstatus", "Residence status"}),
            Map.entry("JaNein", new String[] {"Ja/Nein", "Yes/No"}),
            Map.entry("Beziehungsart", new String[] {"Art der Beziehung", "Relation type"}));

    private static final Map<String, String[]> REFERENCES = Map.of(
            GraphSpec.ACTOR, new String[] {"Schlüssel eines Akteurs", "key of an actor"},
            GraphSpec.BODY, new String[] {"Schlüssel eines Gremiums", "key of a body"},
            GraphSpec.SERVICE, new String[] {"Schlüssel eines Angebots", "key of a service"},
            GraphSpec.PROGRAMME, new String[] {"Schlüssel eines Förderprogramms", "key of a funding programme"},
            GraphSpec.AGREEMENT, new String[] {"Schlüssel einer Vereinbarung", "key of an agreement"},
            GraphSpec.AREA, new String[] {"ARS eines Gebiets (12 Ziffern)", "ARS of an area (12 digits)"});

    private SheetDocs() {
    }

    /** Every list some column uses, in the order of first use. */
    static List<ValueList> lists() {
        Map<String, ValueList> result = new LinkedHashMap<>();
        for (Sheet sheet : SheetLayout.sheets()) {
            for (Column column : sheet.columns()) {
                list(sheet, column).ifPresent(l -> result.putIfAbsent(l.id(), l));
            }
        }
        return List.copyOf(result.values());
    }

    /** The list a column's values come from: terms, seeded vocabulary nodes, ja/nein, relation types. */
    static Optional<ValueList> list(Sheet sheet, Column column) {
        if (column.role() == Role.TYPE) {
            List<String> keys = SheetLayout.relationTypes();
            return Optional.of(valueList("Beziehungsart", keys.stream().map(SheetLayout::relationLabelDe).toList(), keys));
        }
        if (column.role() == Role.LINK && Vocabularies.isVocabulary(Objects.requireNonNull(column.target()))) {
            return Optional.of(vocabularyList(column.target()));
        }
        PropertySpec spec = sheet.spec(column);
        if (spec == null) {
            return Optional.empty();
        }
        if (spec.type() == PropertyType.ENUM || spec.type() == PropertyType.ENUM_LIST) {
            String vocabulary = Objects.requireNonNull(spec.vocabulary());
            List<Terms.Term> terms = Terms.get().vocabulary(vocabulary);
            return Optional.of(valueList(vocabulary, terms.stream().map(Terms.Term::de).toList(),
                    terms.stream().map(Terms.Term::key).toList()));
        }
        if (spec.type() == PropertyType.BOOLEAN) {
            return Optional.of(valueList("JaNein", List.of("ja", "nein"), List.of("true", "false")));
        }
        String referenced = SheetLayout.referencedLabel(spec);
        if (referenced != null && Vocabularies.isVocabulary(referenced)) {
            return Optional.of(vocabularyList(referenced));
        }
        return Optional.empty();
    }

    private static ValueList vocabularyList(String label) {
        List<Vocabularies.Entry> entries = Vocabularies.get().entries(label);
        return valueList(label, entries.stream().map(Vocabularies.Entry::de).toList(),
                entries.stream().map(Vocabularies.Entry::key).toList());
    }

    private static ValueList valueList(String id, List<String> labels, List<String> keys) {
        String[] title = TITLES.getOrDefault(id, new String[] {id, id});
        return new ValueList(id, title[0], title[1], labels, keys);
    }

    /** The allowed values of a column, German. */
    static String allowedDe(Sheet sheet, Column column) {
        return allowed(sheet, column, 0);
    }

    static String allowedEn(Sheet sheet, Column column) {
        return allowed(sheet, column, 1);
    }

    private static String allowed(Sheet sheet, Column column, int lang) {
        String many = lang == 0 ? "; mehrere mit ; trennen" : "; several separated by ;";
        Optional<ValueList> list = list(sheet, column);
        String text;
        if (list.isPresent()) {
            ValueList l = list.get();
            text = lang == 0 ? "Auswahl „" + l.titleDe() + "“ (Bezeichnung oder Schlüssel, Blatt Listen)"
                    : "choice '" + l.titleEn() + "' (German label or key, sheet Listen)";
            if (l.id().equals("JaNein")) {
                text = lang == 0 ? "ja/nein" : "ja/nein (yes/no)";
            }
        } else {
            text = switch (column.role()) {
                case KEY -> lang == 0 ? "Text (Buchstaben, Ziffern, . _ : -)" : "text (letters, digits, . _ : -)";
                case FROM, TO, LINK -> REFERENCES.get(Objects.requireNonNull(column.target()))[lang];
                case FUNDING -> column.property().equals("to") ? REFERENCES.get(GraphSpec.PROGRAMME)[lang]
                        : plain(Objects.requireNonNull(sheet.spec(column)), column, lang);
                default -> plain(Objects.requireNonNull(sheet.spec(column)), column, lang);
            };
        }
        return sheet.list(column) ? text + many : text;
    }

    private static String plain(PropertySpec spec, Column column, int lang) {
        String referenced = SheetLayout.referencedLabel(spec);
        if (referenced != null && REFERENCES.containsKey(referenced)) {
            return REFERENCES.get(referenced)[lang];
        }
        if (column.property().equals("share")) {
            return lang == 0 ? "Zahl von 0 bis 1 (0,5) oder Prozent (50 %)" : "number from 0 to 1 (0.5) or percent (50 %)";
        }
        return switch (spec.type()) {
            case STRING -> lang == 0 ? "Text (bis " + spec.maxLength() + " Zeichen)"
                    : "text (up to " + spec.maxLength() + " characters)";
            case STRING_LIST -> lang == 0 ? "Text" : "text";
            case INTEGER -> lang == 0 ? "ganze Zahl" : "whole number";
            case FLOAT -> lang == 0 ? "Zahl (0,5)" : "number (0.5)";
            case BOOLEAN -> "ja/nein";
            case DATE -> lang == 0 ? "Datum (JJJJ-MM-TT, TT.MM.JJJJ oder Excel-Datum)"
                    : "date (YYYY-MM-DD, DD.MM.YYYY or an Excel date)";
            case ENUM, ENUM_LIST -> "";
        };
    }

    /** General notes of the {@code Hinweise} sheet: German, English. */
    static List<String[]> notes() {
        List<String[]> notes = new ArrayList<>();
        notes.add(new String[] {
                "Zeile 1 jedes Blatts enthält die Spaltenüberschriften; sie dürfen nicht umbenannt werden. Die Reihenfolge "
                        + "der Spalten ist frei; nicht benötigte Spalten dürfen fehlen, Pflichtspalten nicht. Daten beginnen "
                        + "in Zeile 2, leere Zeilen werden übersprungen.",
                "Row 1 of every sheet holds the column headers; do not rename them. Column order is free; columns you do "
                        + "not need may be removed, required ones not. Data starts in row 2; empty rows are skipped."});
        notes.add(new String[] {
                "Jeder Eintrag braucht einen dauerhaften Schlüssel (z. B. caritas-auental). Über den Schlüssel wird er "
                        + "beim nächsten Import wiedererkannt und aktualisiert; ein zweiter Import derselben Datei ändert nichts.",
                "Every record needs a stable key (e.g. caritas-auental). The next import recognises and updates it by "
                        + "this key; importing the same file twice changes nothing."});
        notes.add(new String[] {
                "Verweise auf andere Einträge (Träger, Gremium, Förderprogramm …) nennen deren Schlüssel, Gebiete ihren "
                        + "ARS (12-stelliger amtlicher Regionalschlüssel). Mehrere Werte in einer Zelle mit ; trennen.",
                "References to other records (provider, body, programme …) give their key, areas their ARS (12-digit "
                        + "official regional key). Separate several values in one cell with ;."});
        notes.add(new String[] {
                "Spalten mit Auswahlliste (Blatt Listen) nehmen die deutsche Bezeichnung oder den Schlüssel an. "
                        + "Datumsangaben als Excel-Datum, JJJJ-MM-TT oder TT.MM.JJJJ; Ja/Nein-Spalten als ja oder nein.",
                "Columns with a choice list (sheet Listen) take the German label or the key. Dates as an Excel date, "
                        + "YYYY-MM-DD or DD.MM.YYYY; yes/no columns as ja or nein."});
        notes.add(new String[] {
                "Stellen und Angebote mit mehreren Förderprogrammen: für jedes weitere Programm eine Folgezeile mit "
                        + "demselben Schlüssel, in der nur Schlüssel und die Förder-Spalten ausgefüllt sind.",
                "Positions and services funded by several programmes: one continuation row per further programme with "
                        + "the same key that fills only the key and the funding columns."});
        notes.add(new String[] {
                "Gültig bis beendet einen Eintrag, ohne ihn zu löschen. Der Import prüft die ganze Datei, bevor er "
                        + "schreibt: Ist eine Zeile fehlerhaft, wird nichts geschrieben, und die Fehlerliste nennt Blatt, "
                        + "Zeile und Spalte. Ein Probelauf zeigt, was sich ändern würde.",
                "Gültig bis (valid to) ends a record without deleting it. The import checks the whole file before it "
                        + "writes: if one row is wrong nothing is written, and the problems name sheet, row and column. "
                        + "A dry run shows what would change."});
        notes.add(new String[] {
                "Keine personenbezogenen Daten: Personen erscheinen nur als Funktionen, Kontaktangaben sind "
                        + "Funktionspostfächer. Der Mandant (Kreis) kommt aus dem Import, nicht aus der Datei. Die Blätter "
                        + "Hinweise und Listen werden beim Import nicht gelesen.",
                "No personal data: people appear only as functions, contact details are functional mailboxes. The "
                        + "tenant (Kreis) comes from the import, not from the file. The sheets Hinweise and Listen are "
                        + "not read on import."});
        return notes;
    }

    /** One row of the {@code Hinweise} table; {@code title} rows introduce a sheet. */
    record HintRow(boolean title, List<String> cells) {
    }

    static final List<String> HINT_HEADERS = List.of("Tabellenblatt", "Spalte", "Feld (model field)", "Pflicht", "Werte",
            "Erläuterung", "Explanation (English)");

    /** The {@code Hinweise} table without its header: general notes, then every sheet and column; blank rows between. */
    static List<HintRow> hintRows() {
        List<HintRow> rows = new ArrayList<>();
        for (String[] note : notes()) {
            rows.add(new HintRow(false, List.of("Allgemein", "", "", "", "", note[0], note[1])));
        }
        for (Sheet sheet : SheetLayout.sheets()) {
            rows.add(new HintRow(false, List.of()));
            rows.add(new HintRow(true, List.of(sheet.name(), "", sheet.kind() == SheetLayout.SheetKind.RELATIONS
                    ? String.join(", ", SheetLayout.relationTypes()) : sheet.subject(), "", "", sheet.de(),
                    sheet.nameEn() + ": " + sheet.en())));
            for (Column c : sheet.columns()) {
                rows.add(new HintRow(false, List.of(sheet.name(), c.header(), c.name(), sheet.required(c) ? "ja" : "",
                        allowedDe(sheet, c), c.de(), c.en() + " Values: " + allowedEn(sheet, c) + ".")));
            }
        }
        return rows;
    }

    /** The {@code Listen} table: a header of list titles, then the labels column by column. */
    static List<List<String>> listRows() {
        List<ValueList> lists = lists();
        List<List<String>> rows = new ArrayList<>();
        rows.add(lists.stream().map(l -> l.titleDe() + " (" + l.id() + ")").toList());
        int height = lists.stream().mapToInt(l -> l.labels().size()).max().orElse(0);
        for (int r = 0; r < height; r++) {
            int row = r;
            rows.add(lists.stream().map(l -> row < l.labels().size() ? l.labels().get(row) : "").toList());
        }
        return rows;
    }

    /** The Markdown table of one sheet for the documentation. */
    static String markdown(Sheet sheet) {
        StringBuilder md = new StringBuilder();
        md.append("| Spalte | model field | Pflicht | Werte / allowed values | Erläuterung |\n|---|---|---|---|---|\n");
        for (Column c : sheet.columns()) {
            String only = c.types().isEmpty() ? "" : " Nur bei: " + String.join(", ", SheetLayout.relationTypes().stream()
                    .filter(c.types()::contains).map(SheetLayout::relationLabelDe).toList()) + ".";
            md.append("| ").append(c.header()).append(" | `").append(c.name()).append("` | ")
                    .append(sheet.required(c) ? "ja" : "").append(" | ")
                    .append(allowedDe(sheet, c).replace("|", "\\|")).append(" | ")
                    .append((c.de() + only).replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }
}
