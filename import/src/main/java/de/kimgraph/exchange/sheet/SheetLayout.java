package de.kimgraph.exchange.sheet;

import static de.kimgraph.model.spec.GraphSpec.ACTOR;
import static de.kimgraph.model.spec.GraphSpec.AGREEMENT;
import static de.kimgraph.model.spec.GraphSpec.AREA;
import static de.kimgraph.model.spec.GraphSpec.BODY;
import static de.kimgraph.model.spec.GraphSpec.FIELD;
import static de.kimgraph.model.spec.GraphSpec.LEGAL_DOMAIN;
import static de.kimgraph.model.spec.GraphSpec.POSITION;
import static de.kimgraph.model.spec.GraphSpec.PROGRAMME;
import static de.kimgraph.model.spec.GraphSpec.SERVICE;
import static de.kimgraph.model.spec.GraphSpec.TARGET_GROUP;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import de.kimgraph.model.dataset.Problem;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.PropertyType;
import de.kimgraph.model.spec.RelationshipSpec;
import de.kimgraph.model.spec.Terms;
import org.jspecify.annotations.Nullable;

/**
 * The spreadsheet layout, in one place: eight sheets with German column headers and how each column maps to the
 * graph model ({@link GraphSpec}). The XLSX and CSV formats, the templates, the {@code Hinweise} sheet and
 * {@code docs/import-export-sheets.md} are all derived from this list, so they cannot drift apart.
 *
 * <p>A sheet is about one kind of record: a node label ({@code Akteure} are {@code Actor}s), or a keyed relationship
 * ({@code Mitgliedschaften}, {@code Beziehungen}). Unkeyed links hang off the row of the node that owns them as list
 * cells ({@code Sitz}, {@code Handlungsfelder}, …). Position and service funding ({@code FUNDED_BY}) is keyed and
 * carries a share and its own validity, so it gets a group of columns of its own; a second programme goes into a
 * further row with the same Schlüssel (a <em>continuation row</em>) that fills only the funding columns.
 *
 * <p>Why German headers only: the people filling the sheets are German coordinators; the English model names are in
 * the documentation and the {@code Hinweise} sheet, and a header may also be written as the model name
 * ({@code kind}) or both ({@code Art (kind)}) for generated files.
 */
public final class SheetLayout {

    /** Sheets in a workbook that are help, not data; reading skips them. */
    public static final List<String> HELP_SHEETS = List.of("Hinweise", "Listen");

    /** What the rows of a sheet are. */
    public enum SheetKind {
        /** One node per row (plus its links and, on continuation rows, further fundings). */
        NODES,
        /** One keyed relationship of the sheet's type per row. */
        RELATIONSHIPS,
        /** One keyed relationship per row, of the type named in the row (actor relations, grants, pass-ons). */
        RELATIONS
    }

    /** What a column holds. */
    public enum Role {
        /** The record's key. */
        KEY,
        /** A stored property of the record. */
        PROPERTY,
        /** Unkeyed links of the row's node to other nodes (a list cell of keys or labels). */
        LINK,
        /** The start node of a relationship row. */
        FROM,
        /** The end node of a relationship row. */
        TO,
        /** The relationship type of a {@link SheetKind#RELATIONS} row. */
        TYPE,
        /** One field of the row's funding ({@code FUNDED_BY}): programme, share, key, validity. */
        FUNDING
    }

    /**
     * One column.
     *
     * @param header   the German header written in row 1
     * @param name     the model name shown next to it: a property ({@code kind}), a relationship type
     *                 ({@code BASED_IN}), {@code from}/{@code to}, or {@code FUNDED_BY.key} for funding fields
     * @param property the record field this column fills: a property name, {@code from}, {@code to}, {@code key}
     * @param type     for {@link Role#LINK} and {@link Role#FUNDING}: the relationship type
     * @param outgoing for {@link Role#LINK}: whether the link points from the row's node to the cell's nodes
     * @param target   the label of the nodes the cell names by key, or null for plain values
     * @param types    for {@link SheetKind#RELATIONS}: the relationship types the column applies to (empty: all)
     * @param de       what the column means, German (the {@code Hinweise} sheet)
     * @param en       the same in English
     */
    public record Column(String header, String name, Role role, String property,
                         @Nullable String type, boolean outgoing, @Nullable String target, Set<String> types,
                         String de, String en) {

        /** How problems name the column: German header and model name, e.g. {@code Art (kind)}. */
        public String field() {
            return header + " (" + name + ")";
        }
    }

    /**
     * One sheet.
     *
     * @param subject the node label ({@link SheetKind#NODES}) or relationship type ({@link SheetKind#RELATIONSHIPS});
     *                for {@link SheetKind#RELATIONS} the first of the types it carries
     */
    public record Sheet(String name, String nameEn, SheetKind kind, String subject, String de, String en,
                        List<Column> columns) {

        /** The column with this header, model name, or {@code header (name)}; case and spacing do not matter. */
        public Optional<Column> column(String header) {
            return Optional.ofNullable(aliases().get(normalise(header)));
        }

        /** The stored property a column fills, or null for links, endpoints, the type and the funding programme. */
        public @Nullable PropertySpec spec(Column column) {
            return SPECS.computeIfAbsent(name, n -> {
                Map<Column, PropertySpec> specs = new java.util.IdentityHashMap<>();
                for (Column c : columns) {
                    PropertySpec spec = specFor(c, this);
                    if (spec != null) {
                        specs.put(c, spec);
                    }
                }
                return specs;
            }).get(column);
        }

        /** Whether the column's cells hold several values separated by {@code ;}. */
        public boolean list(Column column) {
            PropertySpec spec = spec(column);
            return column.role() == Role.LINK || spec != null
                    && (spec.type() == PropertyType.STRING_LIST || spec.type() == PropertyType.ENUM_LIST);
        }

        public Optional<Column> byProperty(Role role, String property) {
            return columns.stream().filter(c -> c.role() == role && c.property().equals(property)).findFirst();
        }

        /** Whether the sheet must have this column: a required property, the node key, endpoints and the type. */
        public boolean required(Column column) {
            return switch (column.role()) {
                case KEY -> kind == SheetKind.NODES;
                case PROPERTY -> {
                    PropertySpec spec = spec(column);
                    yield spec != null && spec.required();
                }
                case FROM, TO, TYPE -> true;
                case LINK, FUNDING -> false;
            };
        }

        /** Whether rows may carry funding (Stellen, Angebote). */
        public boolean funded() {
            return columns.stream().anyMatch(c -> c.role() == Role.FUNDING);
        }

        private Map<String, Column> aliases() {
            return ALIASES.computeIfAbsent(name, n -> {
                Map<String, Column> result = new HashMap<>();
                Map<String, Integer> names = new HashMap<>();
                columns.forEach(c -> names.merge(normalise(c.name()), 1, Integer::sum));
                for (Column c : columns) {
                    if (names.get(normalise(c.name())) == 1) {
                        result.put(normalise(c.name()), c);
                    }
                }
                for (Column c : columns) {
                    result.put(normalise(c.field()), c);
                    result.put(normalise(c.header()), c);
                }
                return result;
            });
        }
    }

    /** German and English labels of the relation types the sheet {@code Beziehungen} carries beyond RelationType. */
    private static final Map<String, String[]> EXTRA_RELATION_LABELS = Map.of(
            "GRANTS", new String[] {"bewilligt Zuwendung an", "grants to"},
            "PASSES_ON", new String[] {"leitet Mittel weiter an", "passes funds on to"});

    /** The types of the sheet {@code Beziehungen}, in this order. */
    private static final List<String> RELATION_TYPES = Stream.concat(GraphSpec.ACTOR_RELATION_TYPES.stream(),
            Stream.of("GRANTS", "PASSES_ON")).toList();

    private static final Map<String, Map<String, Column>> ALIASES = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per sheet: the stored property of each column (by identity; rows ask for it for every cell). */
    private static final Map<String, Map<Column, PropertySpec>> SPECS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final List<Sheet> SHEETS = List.of(
            nodes("Akteure", "Actors", ACTOR,
                    "Organisationen und Organisationseinheiten (Ämter, Träger, Vereine, Initiativen).",
                    "Organisations and organisational units (offices, providers, associations, initiatives).",
                    property("Name", "name", "Name der Organisation oder Einheit.", "Name of the organisation or unit."),
                    property("Art", "kind", "Art des Akteurs.", "Kind of actor."),
                    property("Sektor", "sector", "Sektor.", "Sector."),
                    property("Ebene", "level", "Verwaltungsebene, auf der der Akteur arbeitet.",
                            "Level the actor works on."),
                    link("Sitz", "BASED_IN", true, AREA,
                            "Gebiet, in dem der Akteur sitzt: ARS (12-stelliger amtlicher Regionalschlüssel).",
                            "Area the actor is based in: ARS (12-digit official regional key)."),
                    link("Teil von", "PART_OF", true, ACTOR,
                            "Schlüssel des übergeordneten Akteurs (die Organisation, zu der eine Einheit gehört).",
                            "Key of the parent actor (the organisation a unit belongs to)."),
                    link("Rechtskreise", "WORKS_UNDER", true, LEGAL_DOMAIN,
                            "Rechtskreise, in denen der Akteur arbeitet.", "Legal domains the actor works under."),
                    property("Kennungen", "identifiers", "Weitere Kennungen, z. B. Registernummern.",
                            "Other identifiers, e.g. register numbers."),
                    property("Adresse", "address", "Anschrift.", "Address."),
                    property("E-Mail", "email", "Funktionspostfach der Einheit, keine persönliche Adresse.",
                            "Functional mailbox of the unit, never a personal address."),
                    property("Telefon", "phone", "Telefon der Einheit, keine persönliche Durchwahl.",
                            "Phone of the unit, never a personal extension."),
                    property("Website", "website", "Internetadresse.", "Web address."),
                    property("Beschreibung", "description", "Freitext.", "Free text.")),
            nodes("Gremien", "Bodies", BODY,
                    "Gremien: Lenkungsgruppen, Arbeitsgruppen, Arbeitskreise, Runde Tische, Konferenzen.",
                    "Bodies: steering groups, working groups, networks, round tables, conferences.",
                    property("Name", "name", "Name des Gremiums.", "Name of the body."),
                    property("Typ", "type", "Typ des Gremiums.", "Type of body."),
                    property("Reichweite", "scope", "Wer zusammenkommt.", "Who meets."),
                    property("Status", "status", "Arbeitsstand.", "Status."),
                    property("Sitzungsrhythmus", "meetingFrequency", "Wie oft das Gremium tagt.",
                            "How often the body meets."),
                    property("Hierarchieebenen", "hierarchyLevels", "Ebenen, die im Gremium vertreten sind.",
                            "Hierarchy levels represented in the body."),
                    property("Geschäftsordnung", "rulesOfProcedure", "Ob es eine Geschäftsordnung gibt.",
                            "Whether the body has rules of procedure."),
                    property("Leitung", "leadership", "Wer leitet (Funktion oder Einheit, kein Personenname).",
                            "Who leads (function or unit, no person's name)."),
                    link("Handlungsfelder", "ADDRESSES", true, FIELD, "Handlungsfelder, mit denen sich das Gremium befasst.",
                            "Fields of action the body deals with."),
                    link("Gebiete", "COVERS", true, AREA, "Gebiete (ARS), für die das Gremium zuständig ist.",
                            "Areas (ARS) the body covers."),
                    link("Mandatiert", "MANDATES", true, BODY,
                            "Schlüssel der Gremien, die dieses Gremium beauftragt (z. B. Arbeitsgruppen der Lenkungsgruppe).",
                            "Keys of the bodies this body mandates (e.g. working groups of the steering group)."),
                    link("Berichtet an", "FEEDS_INTO", true, BODY,
                            "Schlüssel der Gremien, denen dieses Gremium zuarbeitet.",
                            "Keys of the bodies this body feeds into."),
                    link("Dockt an", "DOCKS_ONTO", true, BODY,
                            "Schlüssel bestehender Gremien, an die dieses Gremium andockt.",
                            "Keys of existing bodies this body docks onto."),
                    link("Ersetzt", "REPLACES", true, BODY, "Schlüssel der Gremien, die dieses Gremium abgelöst hat.",
                            "Keys of the bodies this body replaced."),
                    property("Beschreibung", "description", "Freitext.", "Free text.")),
            relationships("Mitgliedschaften", "Memberships", "MEMBER_OF",
                    "Wer in welchem Gremium mitarbeitet, in welcher Rolle und auf welcher Ebene.",
                    "Who takes part in which body, in which role and at which level.",
                    key("Schlüssel der Mitgliedschaft; leer: <Akteur>~<Gremium>.",
                            "Key of the membership; empty: <actor>~<body>."),
                    endpoint("Akteur", Role.FROM, ACTOR, "Schlüssel des Akteurs, der Mitglied ist.",
                            "Key of the member actor."),
                    endpoint("Gremium", Role.TO, BODY, "Schlüssel des Gremiums.", "Key of the body."),
                    property("Rolle", "role", "Rolle im Gremium.", "Role in the body."),
                    property("Hierarchieebene", "hierarchyLevel", "Ebene, auf der der Akteur vertreten ist.",
                            "Level at which the actor is represented."),
                    property("Im Auftrag von", "onBehalfOf",
                            "Schlüssel des Akteurs, den das Mitglied vertritt, wenn nicht sich selbst.",
                            "Key of the actor the member represents, if not itself.")),
            nodes("Angebote", "Services", SERVICE,
                    "Angebote: Beratung, Fallarbeit, Kurse, Anlaufstellen, Sprachmittlung, Projekte.",
                    "Services: counselling, case work, courses, contact points, interpreting, projects.",
                    property("Name", "name", "Name des Angebots.", "Name of the service."),
                    property("Form", "form", "Form des Angebots.", "Form of the service."),
                    link("Träger", "PROVIDES", false, ACTOR, "Schlüssel des Akteurs, der das Angebot erbringt.",
                            "Key of the actor that provides the service."),
                    link("Handlungsfelder", "IN_FIELD", true, FIELD, "Handlungsfelder des Angebots.",
                            "Fields of action of the service."),
                    link("Zielgruppen", "FOR_GROUP", true, TARGET_GROUP, "Zielgruppen des Angebots.",
                            "Target groups of the service."),
                    link("Gebiete", "SERVES", true, AREA, "Gebiete (ARS), für die das Angebot da ist.",
                            "Areas (ARS) the service serves."),
                    link("Rechtskreise", "UNDER", true, LEGAL_DOMAIN, "Rechtskreise, nach denen das Angebot arbeitet.",
                            "Legal domains the service works under."),
                    property("Aufenthaltsstatus", "eligibleStatuses",
                            "Aufenthaltsstatus, mit denen man das Angebot nutzen kann; leer: alle.",
                            "Residence statuses eligible for the service; empty: all."),
                    property("Sprachen", "languages", "Sprachen als ISO-639-1-Codes, z. B. de; ar; uk.",
                            "Languages as ISO 639-1 codes, e.g. de; ar; uk."),
                    property("Kapazität", "capacity", "Plätze oder Fälle (ganze Zahl).", "Places or cases (whole number)."),
                    property("Mindestalter", "minAge", "Mindestalter in Jahren.", "Minimum age in years."),
                    property("Höchstalter", "maxAge", "Höchstalter in Jahren.", "Maximum age in years."),
                    property("Befristet", "timeLimited", "Ob das Angebot befristet ist.", "Whether the service is time-limited."),
                    property("Beschreibung", "description", "Freitext.", "Free text."),
                    funding("Förderprogramm", "FUNDED_BY", "to", PROGRAMME,
                            "Schlüssel des Förderprogramms, aus dem das Angebot gefördert wird. Ein weiteres Programm: "
                                    + "weitere Zeile mit demselben Schlüssel, nur Schlüssel und Förder-Spalten ausgefüllt.",
                            "Key of the funding programme. A further programme: a further row with the same key "
                                    + "that fills only the key and the funding columns."),
                    funding("Förderanteil", "share", "share", null,
                            "Anteil der Förderung, 0 bis 1 (z. B. 0,5) oder in Prozent (50 %).",
                            "Share of the funding, 0 to 1 (e.g. 0.5) or a percentage (50 %)."),
                    funding("Förderschlüssel", "FUNDED_BY.key", "key", null,
                            "Schlüssel der Förderung; leer: <Schlüssel>~<Förderprogramm>.",
                            "Key of the funding; empty: <key>~<programme>."),
                    funding("Förderung gültig ab", "FUNDED_BY.validFrom", "validFrom", null,
                            "Beginn der Förderung (Datum).", "Start of the funding (date)."),
                    funding("Förderung gültig bis", "FUNDED_BY.validTo", "validTo", null,
                            "Ende der Förderung (Datum, einschließlich).", "End of the funding (date, inclusive).")),
            nodes("Förderprogramme", "Funding programmes", PROGRAMME,
                    "Förderprogramme und Zuwendungen, aus denen Stellen und Angebote finanziert werden.",
                    "Funding programmes that finance positions and services.",
                    property("Name", "name", "Name des Programms.", "Name of the programme."),
                    link("Fördergeber", "FUNDS", false, ACTOR, "Schlüssel des Akteurs, der das Programm finanziert.",
                            "Key of the actor that funds the programme."),
                    property("Fördergeberebene", "funderLevel", "Ebene des Fördergebers.", "Level of the funder."),
                    property("Rechtsgrundlage", "legalBasis", "Richtlinie oder Gesetz.", "Guideline or law."),
                    property("Verlängerung", "renewal", "Wie das Programm verlängert wird.", "How the programme is renewed."),
                    property("Förderperiode bis", "periodEnd", "Ende der laufenden Förderperiode (Datum).",
                            "End of the current funding period (date)."),
                    property("Obergrenzen", "caps", "Förderobergrenzen als Freitext.", "Funding caps as free text.")),
            nodes("Stellen", "Positions", POSITION,
                    "Stellen in Organisationseinheiten und ihre Finanzierung.",
                    "Positions in organisational units and how they are funded.",
                    property("Bezeichnung", "title", "Bezeichnung der Stelle (keine Personennamen).",
                            "Title of the position (no person's name)."),
                    property("Funktion", "function", "Funktion der Stelle.", "Function of the position."),
                    property("Stellenanteil", "fte", "Vollzeitäquivalent, z. B. 0,5.", "Full-time equivalent, e.g. 0.5."),
                    link("Organisationseinheit", "IN_UNIT", true, ACTOR, "Schlüssel des Akteurs, in dem die Stelle angesiedelt ist.",
                            "Key of the actor the position belongs to."),
                    property("Unbefristet", "permanent", "Ob die Stelle unbefristet ist.", "Whether the position is permanent."),
                    property("Vertragsende", "contractEnd", "Ende des Vertrags (Datum).", "End of the contract (date)."),
                    funding("Förderprogramm", "FUNDED_BY", "to", PROGRAMME,
                            "Schlüssel des Förderprogramms, aus dem die Stelle finanziert wird. Ein weiteres Programm: "
                                    + "weitere Zeile mit demselben Schlüssel, nur Schlüssel und Förder-Spalten ausgefüllt.",
                            "Key of the funding programme. A further programme: a further row with the same key "
                                    + "that fills only the key and the funding columns."),
                    funding("Förderanteil", "share", "share", null,
                            "Anteil der Stelle, den das Programm trägt: 0 bis 1 (z. B. 0,5) oder Prozent (50 %); die "
                                    + "Anteile einer Stelle ergeben höchstens 1, der Rest sind Eigenmittel.",
                            "Share of the position the programme pays: 0 to 1 (e.g. 0.5) or a percentage (50 %); the "
                                    + "shares of one position add up to at most 1, the rest is own budget."),
                    funding("Förderschlüssel", "FUNDED_BY.key", "key", null,
                            "Schlüssel der Förderung; leer: <Schlüssel>~<Förderprogramm>.",
                            "Key of the funding; empty: <key>~<programme>."),
                    funding("Förderung gültig ab", "FUNDED_BY.validFrom", "validFrom", null,
                            "Beginn der Förderung (Datum).", "Start of the funding (date)."),
                    funding("Förderung gültig bis", "FUNDED_BY.validTo", "validTo", null,
                            "Ende der Förderung (Datum, einschließlich).", "End of the funding (date, inclusive).")),
            nodes("Vereinbarungen", "Agreements", AGREEMENT,
                    "Kooperationsvereinbarungen, Verträge, Schnittstellenpapiere, Konzepte, Geschäftsordnungen.",
                    "Cooperation agreements, contracts, interface papers, concepts, rules of procedure.",
                    property("Titel", "title", "Titel der Vereinbarung.", "Title of the agreement."),
                    property("Art", "kind", "Art der Vereinbarung.", "Kind of agreement."),
                    link("Parteien", "PARTY_TO", false, ACTOR, "Schlüssel der Akteure, die die Vereinbarung geschlossen haben.",
                            "Keys of the actors party to the agreement."),
                    link("Regelt Gremien", "GOVERNS", true, BODY, "Schlüssel der Gremien, die die Vereinbarung regelt.",
                            "Keys of the bodies the agreement governs."),
                    link("Regelt Angebote", "GOVERNS", true, SERVICE, "Schlüssel der Angebote, die die Vereinbarung regelt.",
                            "Keys of the services the agreement governs."),
                    property("Beschreibung", "description", "Freitext.", "Free text.")),
            relations("Beziehungen", "Relations",
                    "Beziehungen zwischen Akteuren (Kooperation, Verweisung, Beauftragung, Kofinanzierung, Aufsicht, "
                            + "Fallübergabe) sowie Zuwendungen und Weiterleitungen von Fördermitteln.",
                    "Relations between actors (cooperation, referral, commissioning, co-financing, supervision, "
                            + "case handover), grants and pass-ons of funds.",
                    key("Schlüssel der Beziehung; leer: <Von>~<Art>~<An>.", "Key of the relation; empty: <from>~<type>~<to>."),
                    new Column("Art", "type", Role.TYPE, "type", null, false, null, Set.of(),
                            "Art der Beziehung.", "Type of relation."),
                    endpoint("Von", Role.FROM, ACTOR,
                            "Schlüssel des Akteurs, von dem die Beziehung ausgeht (bei Zuwendungen: des Förderprogramms).",
                            "Key of the actor the relation starts at (for grants: of the programme)."),
                    endpoint("An", Role.TO, ACTOR, "Schlüssel des Akteurs, bei dem die Beziehung ankommt.",
                            "Key of the actor the relation ends at."),
                    relationProperty("Vereinbarung", "agreement", GraphSpec.ACTOR_RELATION_TYPES,
                            "Schlüssel der Vereinbarung, die die Beziehung regelt.",
                            "Key of the agreement that governs the relation."),
                    relationProperty("Aufsichtsart", "kind", List.of("SUPERVISES"), "Nur bei Aufsicht: welche.",
                            "Supervision only: which kind."),
                    relationProperty("Von Rechtskreis", "fromDomain", List.of("HANDS_OVER_TO"),
                            "Nur bei Fallübergabe: Rechtskreis, aus dem übergeben wird.",
                            "Handover only: legal domain the case leaves."),
                    relationProperty("Zu Rechtskreis", "toDomain", List.of("HANDS_OVER_TO"),
                            "Nur bei Fallübergabe: Rechtskreis, in den übergeben wird.",
                            "Handover only: legal domain the case enters."),
                    relationProperty("Auslöser", "trigger", List.of("HANDS_OVER_TO"),
                            "Nur bei Fallübergabe: was die Übergabe auslöst.", "Handover only: what triggers it."),
                    relationProperty("Übergabeweg", "medium", List.of("HANDS_OVER_TO"),
                            "Nur bei Fallübergabe: wie übergeben wird.", "Handover only: how the case is handed over."),
                    relationProperty("Feste Ansprechperson", "namedContact", List.of("HANDS_OVER_TO"),
                            "Nur bei Fallübergabe: ob es eine benannte Ansprechstelle gibt.",
                            "Handover only: whether there is a named contact."),
                    relationProperty("Förderprogramm", "programme", List.of("PASSES_ON"),
                            "Nur bei Weiterleitung: Schlüssel des Programms, dessen Mittel weitergeleitet werden.",
                            "Pass-on only: key of the programme whose funds are passed on."),
                    relationProperty("Betrag", "amount", List.of("GRANTS", "PASSES_ON"),
                            "Nur bei Zuwendung und Weiterleitung: Betrag in Euro.", "Grants and pass-ons only: amount in euros.")));

    private SheetLayout() {
    }

    public static List<Sheet> sheets() {
        return SHEETS;
    }

    /** The sheet with this name (German, or English), case-insensitive. */
    public static Optional<Sheet> sheet(String name) {
        String n = normalise(name);
        return SHEETS.stream().filter(s -> normalise(s.name()).equals(n) || normalise(s.nameEn()).equals(n)).findFirst();
    }

    /** The relationship types of the sheet {@code Beziehungen}. */
    public static List<String> relationTypes() {
        return RELATION_TYPES;
    }

    /** The German label of a relation type, e.g. {@code kooperiert mit}. */
    public static String relationLabelDe(String type) {
        String[] extra = EXTRA_RELATION_LABELS.get(type);
        if (extra != null) {
            return extra[0];
        }
        return Terms.get().term("RelationType", type).map(Terms.Term::de).orElse(type);
    }

    public static String relationLabelEn(String type) {
        String[] extra = EXTRA_RELATION_LABELS.get(type);
        if (extra != null) {
            return extra[1];
        }
        return Terms.get().term("RelationType", type).map(Terms.Term::en).orElse(type);
    }

    /** The relation type named by its key or its German or English label, or null. */
    public static @Nullable String relationType(String text) {
        String n = normalise(text);
        for (String type : RELATION_TYPES) {
            if (normalise(type).equals(n) || normalise(relationLabelDe(type)).equals(n)
                    || normalise(relationLabelEn(type)).equals(n)) {
                return type;
            }
        }
        return null;
    }

    /**
     * Names a problem's field by its column, e.g. {@code to} of {@code Mitgliedschaften, Zeile 3} becomes
     * {@code Gremium (to)}. The reader does this for the problems it finds; callers can apply it to the problems the
     * {@link de.kimgraph.model.dataset.DatasetLoader} finds later (unknown references, funding shares), which only
     * know the model's field names. Problems of other files come back unchanged.
     */
    public static Problem describe(Problem problem) {
        String location = problem.location();
        int row = location.indexOf(", Zeile ");
        if (row < 0) {
            return problem;
        }
        String name = location.substring(0, row);
        Optional<Sheet> sheet = sheet(name.toLowerCase(Locale.ROOT).endsWith(".csv")
                ? name.substring(0, name.length() - 4) : name);
        if (sheet.isEmpty()) {
            return problem;
        }
        String rest = location.substring(row + ", Zeile ".length());
        int comma = rest.indexOf(", ");
        String part = comma < 0 ? "" : rest.substring(comma + 2);
        Column column = columnOf(sheet.get(), part, problem.field());
        if (column == null) {
            return problem;
        }
        return new Problem(location, column.field(), problem.code(), problem.messageDe(), problem.messageEn());
    }

    /** The suffix of the location of a row's funding record. */
    static final String FUNDING_PART = "Förderung";

    /** The suffix of the location of a link record: {@code Spalte Sitz (BASED_IN)}. */
    static String linkPart(Column column) {
        return "Spalte " + column.field();
    }

    private static @Nullable Column columnOf(Sheet sheet, String part, String field) {
        if (part.startsWith("Spalte ")) {
            return null;
        }
        if (part.equals(FUNDING_PART)) {
            if (field.equals("from")) {
                return sheet.byProperty(Role.KEY, "key").orElse(null);
            }
            return sheet.byProperty(Role.FUNDING, field).orElse(null);
        }
        for (Column c : sheet.columns()) {
            if (c.role() != Role.LINK && c.role() != Role.FUNDING && c.property().equals(field)) {
                return c;
            }
        }
        return null;
    }

    static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ building the layout

    private static Sheet nodes(String name, String nameEn, String label, String de, String en, Column... own) {
        List<Column> columns = new ArrayList<>();
        columns.add(key("Eindeutiger, dauerhafter Schlüssel (Buchstaben, Ziffern, . _ : -). Ein erneuter Import "
                        + "aktualisiert den Eintrag mit diesem Schlüssel, statt ihn zu verdoppeln.",
                "Unique, stable key (letters, digits, . _ : -). A re-import updates the record with this key "
                        + "instead of duplicating it."));
        columns.addAll(Arrays.asList(own));
        columns.addAll(common());
        return sheet(name, nameEn, SheetKind.NODES, label, de, en, columns);
    }

    private static Sheet relationships(String name, String nameEn, String type, String de, String en, Column... own) {
        List<Column> columns = new ArrayList<>(Arrays.asList(own));
        columns.addAll(common());
        return sheet(name, nameEn, SheetKind.RELATIONSHIPS, type, de, en, columns);
    }

    private static Sheet relations(String name, String nameEn, String de, String en, Column... own) {
        List<Column> columns = new ArrayList<>(Arrays.asList(own));
        columns.addAll(common());
        return sheet(name, nameEn, SheetKind.RELATIONS, RELATION_TYPES.getFirst(), de, en, columns);
    }

    private static Sheet sheet(String name, String nameEn, SheetKind kind, String subject, String de, String en,
                               List<Column> columns) {
        Sheet sheet = new Sheet(name, nameEn, kind, subject, de, en, List.copyOf(columns));
        for (Column c : columns) {
            if ((c.role() == Role.PROPERTY || c.role() == Role.FUNDING && !c.property().equals("to")) && specFor(c, sheet) == null) {
                throw new IllegalStateException("Sheet " + name + ": column " + c.header() + " names no property "
                        + c.property());
            }
        }
        return sheet;
    }

    private static List<Column> common() {
        return List.of(
                property("Gültig ab", "validFrom", "Beginn der Gültigkeit (Datum JJJJ-MM-TT oder TT.MM.JJJJ); leer: offen.",
                        "Start of validity (date YYYY-MM-DD or DD.MM.YYYY); empty: open."),
                property("Gültig bis", "validTo",
                        "Ende der Gültigkeit, einschließlich; leer: unbefristet. Ein Datum beendet den Eintrag, ohne ihn zu löschen.",
                        "End of validity, inclusive; empty: open-ended. A date ends the record without deleting it."),
                property("Quelle", "source", "Woher die Angabe stammt; leer: die Vorgabe des Imports.",
                        "Where the information comes from; empty: the import's default."),
                property("Zuletzt geprüft", "lastVerified", "Wann die Angabe zuletzt geprüft wurde (Datum).",
                        "When the information was last checked (date)."),
                property("Sichtbarkeit", "visibility", "Veröffentlicht oder Intern; leer: Intern.",
                        "Published or internal; empty: internal."));
    }

    private static Column key(String de, String en) {
        return new Column("Schlüssel", "key", Role.KEY, "key", null, false, null, Set.of(), de, en);
    }

    private static Column property(String header, String property, String de, String en) {
        return new Column(header, property, Role.PROPERTY, property, null, false, null, Set.of(), de, en);
    }

    private static Column relationProperty(String header, String property, List<String> types, String de, String en) {
        return new Column(header, property, Role.PROPERTY, property, null, false, null, Set.copyOf(types), de, en);
    }

    private static Column link(String header, String type, boolean outgoing, String target, String de, String en) {
        return new Column(header, type, Role.LINK, type, type, outgoing, target, Set.of(), de, en);
    }

    private static Column endpoint(String header, Role role, String target, String de, String en) {
        String property = role == Role.FROM ? "from" : "to";
        return new Column(header, property, role, property, null, false, target, Set.of(), de, en);
    }

    private static Column funding(String header, String name, String property, @Nullable String target, String de,
                                  String en) {
        return new Column(header, name, Role.FUNDING, property, "FUNDED_BY", true, target, Set.of(), de, en);
    }

    // ------------------------------------------------------------------ model lookups

    static @Nullable PropertySpec specFor(Column column, Sheet sheet) {
        return switch (column.role()) {
            case PROPERTY, KEY -> switch (sheet.kind()) {
                case NODES -> GraphSpec.node(sheet.subject()).property(column.property()).orElse(null);
                case RELATIONSHIPS -> GraphSpec.relationships(sheet.subject()).getFirst().property(column.property())
                        .orElse(null);
                case RELATIONS -> (column.types().isEmpty() ? RELATION_TYPES : List.copyOf(column.types())).stream()
                        .map(t -> GraphSpec.relationships(t).getFirst().property(column.property()).orElse(null))
                        .filter(Objects::nonNull).findFirst().orElse(null);
            };
            case FUNDING -> column.property().equals("to") ? null
                    : funding(sheet).property(column.property()).orElse(null);
            default -> null;
        };
    }

    /** The {@code FUNDED_BY} variant that starts at the sheet's label. */
    static RelationshipSpec funding(Sheet sheet) {
        return GraphSpec.relationships("FUNDED_BY").stream().filter(r -> r.fromLabel().equals(sheet.subject()))
                .findFirst().orElseThrow();
    }

    /** The label of nodes a property cell names by key (actors, agreements, programmes, vocabulary nodes), or null. */
    static @Nullable String referencedLabel(@Nullable PropertySpec spec) {
        return spec != null && spec.referencesNodes() ? spec.vocabulary() : null;
    }

    /** Whether the cell is a date. */
    static boolean isDate(@Nullable PropertySpec spec) {
        return spec != null && spec.type() == PropertyType.DATE;
    }
}
