package de.kimgraph.exchange.hsds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetBuilder;
import de.kimgraph.model.dataset.DatasetException;
import de.kimgraph.model.dataset.Problem;
import de.kimgraph.model.dataset.Values;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.PropertyType;
import de.kimgraph.model.spec.RelationshipSpec;
import de.kimgraph.model.spec.Terms;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an HSDS 3 tabular data package (ours or a third party's) into a {@link Dataset} through the
 * {@link DatasetBuilder}. Organizations become actors, services services with their provider, programs funding
 * programmes with their funder, contacts with a title roles, service areas with an official regional key
 * {@code SERVES} links, and attributes with kim-graph taxonomies the fields of action, target groups and the fields
 * HSDS has no column for. What a third party's package holds beyond that (its own taxonomies, schedules, named
 * contacts, free-text areas) is not read; {@code docs/import-export-hsds.md} lists it.
 *
 * <p>Every problem names the file and line ({@code services.csv, Zeile 3}) and the HSDS column.
 */
final class HsdsReader {

    /** {@code organization_identifier.identifier_type} of an identifier that has no type of its own. */
    static final String IDENTIFIER_TYPE = "Kennung";

    /** Limits against ZIP bombs: per file, and for all CSV and JSON files of a package together. */
    private static final long MAX_ENTRY_BYTES = 256L << 20;
    private static final long MAX_PACKAGE_BYTES = 1L << 30;
    private static final Pattern ARS_URI =
            Pattern.compile("^https?://(?:www\\.)?dcat-ap\\.de/def/politicalGeocoding/regionalKey/(\\S+)$");
    private static final Pattern ARS = Pattern.compile("^\\d{12}$");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("^(-?\\d+)\\.0*$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Two-letter ISO 639-1 codes by their three-letter ISO 639-2/3 equivalents. */
    private static final Map<String, String> ISO3 = new HashMap<>();

    static {
        for (String code : Locale.getISOLanguages()) {
            try {
                ISO3.put(Locale.of(code).getISO3Language(), code);
            } catch (java.util.MissingResourceException e) {
                // no three-letter equivalent
            }
        }
    }

    /** One CSV record with its file and line. */
    record Row(String file, int line, Map<String, String> cells) {

        String location() {
            return file + ", Zeile " + line;
        }

        @Nullable String get(String column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /** A term of one of our taxonomies. */
    private record Term(String taxonomy, String code) {
    }

    /** An attribute with one of our terms. */
    private record Attribute(Row row, Term term, @Nullable String value) {
    }

    /** A node being assembled from a row and its attributes. */
    private static final class Node {
        final String label;
        final String entity;
        final Row row;
        final String id;
        final String key;
        final Map<String, Object> raw = new LinkedHashMap<>();

        Node(String label, String entity, Row row, String id, String key) {
            this.label = label;
            this.entity = entity;
            this.row = row;
            this.id = id;
            this.key = key;
        }
    }

    /** A relationship being assembled. */
    private record Link(String type, String fromLabel, String toLabel, Map<String, Object> raw, String location) {
    }

    private final String fileName;
    private final DatasetBuilder builder;
    private final Map<String, List<Row>> tables = new LinkedHashMap<>();
    private final Map<String, List<Attribute>> attributes = new HashMap<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<String, Map<String, Node>> byId = new HashMap<>();

    HsdsReader(String fileName, ReadOptions options) {
        this.fileName = fileName;
        this.builder = new DatasetBuilder(fileName, options.tenant(), options.source(), options.visibility());
    }

    Dataset read(InputStream in) throws IOException {
        Map<String, byte[]> entries = unzip(in);
        if (entries != null && open(entries)) {
            taxonomies();
            organizations();
            contacts();
            programs();
            services();
            funding();
            unmatchedAttributes();
            for (Node node : nodes) {
                builder.node(node.label, node.raw, node.row.location());
            }
            for (Link link : links) {
                builder.relationship(link.type(), link.fromLabel(), link.toLabel(), link.raw(), link.location());
            }
        }
        List<Problem> problems = builder.problems();
        if (!problems.isEmpty()) {
            throw new DatasetException(problems.stream().map(p -> p.field().equals("key") && p.location().contains(", Zeile ")
                    ? new Problem(p.location(), "id", p.code(), p.messageDe(), p.messageEn()) : p).toList());
        }
        return builder.build();
    }

    // ---- the package ----

    private @Nullable Map<String, byte[]> unzip(InputStream in) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long all = 0;
        boolean any = false;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                any = true;
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (entry.isDirectory() || !(name.endsWith(".csv") || name.endsWith(".json"))) {
                    continue;
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                long total = 0;
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    all += n;
                    if (total > MAX_ENTRY_BYTES || all > MAX_PACKAGE_BYTES) {
                        problem(fileName + ": " + entry.getName(), "", "FILE_TOO_LARGE", "Datei größer als "
                                + (MAX_ENTRY_BYTES >> 20) + " MB oder Paket größer als " + (MAX_PACKAGE_BYTES >> 20)
                                + " MB (entpackt).", "File larger than " + (MAX_ENTRY_BYTES >> 20)
                                + " MB or package larger than " + (MAX_PACKAGE_BYTES >> 20) + " MB (unzipped).");
                        return null;
                    }
                    bytes.write(buffer, 0, n);
                }
                entries.put(entry.getName(), bytes.toByteArray());
            }
        } catch (java.util.zip.ZipException e) {
            problem(fileName, "", "INVALID_ZIP", "Keine lesbare ZIP-Datei: " + e.getMessage(),
                    "Not a readable ZIP file: " + e.getMessage());
            return null;
        }
        if (!any) {
            problem(fileName, "", "INVALID_ZIP", "Keine ZIP-Datei oder leer; erwartet ein HSDS-Datenpaket "
                    + "(datapackage.json und CSV-Tabellen).", "Not a ZIP file, or empty; expected an HSDS data package "
                    + "(datapackage.json and CSV tables).");
            return null;
        }
        return entries;
    }

    /** Finds the descriptor (or, without one, the tables by their HSDS file names) and parses every table we read. */
    private boolean open(Map<String, byte[]> entries) {
        String descriptor = entries.keySet().stream().filter(n -> n.equals("datapackage.json")
                || n.endsWith("/datapackage.json")).min(java.util.Comparator.comparingInt(String::length)).orElse(null);
        if (descriptor != null) {
            String base = descriptor.substring(0, descriptor.length() - "datapackage.json".length());
            JsonNode root;
            try {
                root = JSON.readTree(entries.get(descriptor));
            } catch (JacksonException e) {
                problem(descriptor, "", "INVALID_JSON", "Kein gültiges JSON: " + e.getOriginalMessage(),
                        "Not valid JSON: " + e.getOriginalMessage());
                return false;
            }
            int index = 0;
            for (JsonNode resource : root.path("resources")) {
                String where = "resources[" + index++ + "]";
                String name = resource.path("name").asString("");
                JsonNode pathNode = resource.path("path");
                String path = pathNode.isString() ? pathNode.asString() : null;
                HsdsSchema.Table table = HsdsSchema.find(name).or(() -> path == null ? java.util.Optional.empty()
                        : HsdsSchema.find(path)).orElse(null);
                if (table == null || tables.containsKey(table.name())) {
                    continue;
                }
                if (path == null || path.contains("://")) {
                    problem(descriptor, where + ".path", "UNSUPPORTED_PATH", "Tabelle " + table.name()
                            + " muss als Datei im Paket liegen (path).", "Table " + table.name()
                            + " must be a file inside the package (path).");
                    continue;
                }
                byte[] bytes = entries.get(base + path);
                if (bytes == null) {
                    problem(descriptor, where + ".path", "MISSING_FILE", "Datei " + path + " fehlt im Paket.",
                            "File " + path + " is missing from the package.");
                    continue;
                }
                String delimiter = resource.path("dialect").path("delimiter").asString(",");
                String encoding = resource.path("encoding").asString("utf-8");
                parse(table, path, bytes, delimiter.length() == 1 ? delimiter.charAt(0) : ',', encoding, descriptor, where);
            }
        } else {
            String base = entries.keySet().stream().filter(n -> n.endsWith(HsdsSchema.ORGANIZATION.path())
                    || n.endsWith(HsdsSchema.SERVICE.path())).findFirst()
                    .map(n -> n.substring(0, n.lastIndexOf('/') + 1)).orElse("");
            for (HsdsSchema.Table table : HsdsSchema.TABLES) {
                byte[] bytes = entries.get(base + table.path());
                if (bytes != null) {
                    parse(table, table.path(), bytes, ',', "utf-8", table.path(), "");
                }
            }
        }
        for (HsdsSchema.Table required : List.of(HsdsSchema.ORGANIZATION, HsdsSchema.SERVICE)) {
            if (!tables.containsKey(required.name())) {
                problem(descriptor != null ? descriptor : fileName, "resources", "MISSING_RESOURCE",
                        "Das Paket enthält keine Tabelle " + required.name() + " (" + required.path() + ").",
                        "The package has no table " + required.name() + " (" + required.path() + ").");
            }
        }
        return tables.containsKey(HsdsSchema.ORGANIZATION.name()) && tables.containsKey(HsdsSchema.SERVICE.name());
    }

    private void parse(HsdsSchema.Table table, String path, byte[] bytes, char delimiter, String encoding,
                       String descriptor, String where) {
        String text;
        try {
            text = Charset.forName(encoding).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException | IllegalArgumentException e) {
            problem(path, "", "INVALID_ENCODING", "Datei ist nicht als " + encoding + " lesbar.",
                    "File cannot be read as " + encoding + ".");
            return;
        }
        List<Rfc4180.Line> lines;
        try {
            lines = Rfc4180.parse(text, delimiter);
        } catch (Rfc4180.UnclosedQuote e) {
            problem(path + ", Zeile " + e.line(), "", "INVALID_CSV", "Anführungszeichen wird nicht geschlossen.",
                    "A quoted field is not closed.");
            return;
        }
        List<Row> rows = new ArrayList<>();
        tables.put(table.name(), rows);
        if (lines.isEmpty()) {
            return;
        }
        List<String> header = lines.getFirst().cells().stream().map(String::strip).toList();
        if (new HashSet<>(header).size() != header.size()) {
            problem(path + ", Zeile 1", "", "DUPLICATE_COLUMN", "Eine Spalte kommt mehrfach vor.",
                    "A column occurs more than once.");
        }
        for (Rfc4180.Line line : lines.subList(1, lines.size())) {
            if (line.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (line.cells().size() > header.size()) {
                problem(path + ", Zeile " + line.number(), "", "TOO_MANY_CELLS", "Die Zeile hat " + line.cells().size()
                                + " Felder, die Kopfzeile " + header.size() + ".",
                        "The line has " + line.cells().size() + " cells, the header " + header.size() + ".");
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < line.cells().size(); i++) {
                cells.put(header.get(i), line.cells().get(i));
            }
            rows.add(new Row(path, line.number(), cells));
        }
    }

    // ---- taxonomies and attributes ----

    private void taxonomies() {
        Map<String, String> ourTaxonomies = new HashMap<>();
        for (Row row : rows(HsdsSchema.TAXONOMY)) {
            String id = row.get("id");
            Taxonomies.fromUri(row.get("uri")).ifPresent(t -> {
                if (id != null) {
                    ourTaxonomies.put(id, t);
                }
            });
        }
        Map<String, Term> terms = new HashMap<>();
        Set<String> foreign = new HashSet<>();
        for (Row row : rows(HsdsSchema.TAXONOMY_TERM)) {
            String id = row.get("id");
            if (id == null) {
                continue;
            }
            String taxonomyId = row.get("taxonomy_id");
            String taxonomy = taxonomyId != null ? ourTaxonomies.get(taxonomyId) : null;
            if (taxonomy == null) {
                taxonomy = Taxonomies.fromUri(row.get("taxonomy")).orElse(null);
            }
            String code = row.get("code");
            String[] fromUri = Taxonomies.fromTermUri(row.get("term_uri")).orElse(null);
            if (taxonomy == null && fromUri != null) {
                taxonomy = fromUri[0];
            }
            if (code == null && fromUri != null && fromUri[0].equals(taxonomy)) {
                code = fromUri[1];
            }
            if (taxonomy == null) {
                foreign.add(id);
                continue;
            }
            if (code == null) {
                problem(row.location(), "code", "REQUIRED", "Pflichtfeld code fehlt (Schlüssel des Begriffs).",
                        "Required field code is missing (the term's key).");
                continue;
            }
            if (Taxonomies.isFixedVocabulary(taxonomy) && !Terms.get().contains(taxonomy, code)) {
                String allowed = String.join(", ", Terms.get().vocabulary(taxonomy).stream().map(Terms.Term::key).toList());
                problem(row.location(), "code", "UNKNOWN_TERM", "Unbekannter Wert '" + code + "' in " + taxonomy
                        + "; erlaubt: " + allowed + ".", "Unknown value '" + code + "' in " + taxonomy + "; allowed: "
                        + allowed + ".");
                continue;
            }
            terms.put(id, new Term(taxonomy, code));
        }
        boolean haveTerms = tables.containsKey(HsdsSchema.TAXONOMY_TERM.name());
        for (Row row : rows(HsdsSchema.ATTRIBUTE)) {
            String termId = row.get("taxonomy_term_id");
            Term term = termId == null ? null : terms.get(termId);
            if (term == null) {
                if (termId != null && haveTerms && !foreign.contains(termId)) {
                    problem(row.location(), "taxonomy_term_id", "UNKNOWN_REFERENCE", "Begriff " + termId
                            + " steht nicht in taxonomy_terms.", "Term " + termId + " is not in taxonomy_terms.");
                }
                continue;
            }
            String entity = row.get("link_entity");
            String linkId = row.get("link_id");
            if (entity == null || linkId == null) {
                String column = entity == null ? "link_entity" : "link_id";
                problem(row.location(), column, "REQUIRED", "Pflichtfeld " + column + " fehlt.",
                        "Required field " + column + " is missing.");
                continue;
            }
            String table = HsdsSchema.find(entity).map(HsdsSchema.Table::name).orElse(entity);
            attributes.computeIfAbsent(table + "|" + linkId, k -> new ArrayList<>())
                    .add(new Attribute(row, term, row.get("value")));
        }
    }

    private List<Attribute> attributesOf(String entity, String id) {
        return attributes.getOrDefault(entity + "|" + id, List.of());
    }

    /** Attributes of ours that point at no row of the table they name. */
    private void unmatchedAttributes() {
        for (Map.Entry<String, List<Attribute>> e : attributes.entrySet()) {
            String entity = e.getKey().substring(0, e.getKey().indexOf('|'));
            String id = e.getKey().substring(e.getKey().indexOf('|') + 1);
            if (List.of("organization", "service", "program", "contact", "funding").contains(entity)
                    && !rowIds(entity).contains(id)) {
                for (Attribute a : e.getValue()) {
                    problem(a.row().location(), "link_id", "UNKNOWN_REFERENCE", "Kein Eintrag " + id + " in "
                            + entity + ".", "No record " + id + " in " + entity + ".");
                }
            }
        }
    }

    private Set<String> rowIds(String entity) {
        Set<String> ids = new HashSet<>();
        HsdsSchema.find(entity).ifPresent(t -> rows(t).forEach(r -> {
            if (r.get("id") != null) {
                ids.add(r.get("id"));
            }
        }));
        return ids;
    }

    // ---- records ----

    private void organizations() {
        Map<String, List<Row>> identifiers = index(HsdsSchema.ORGANIZATION_IDENTIFIER, "organization_id");
        Map<String, List<Row>> locations = index(HsdsSchema.LOCATION, "organization_id");
        Map<String, List<Row>> addresses = index(HsdsSchema.ADDRESS, "location_id");
        Map<String, List<Row>> phones = index(HsdsSchema.PHONE, "organization_id");
        List<Node> read = new ArrayList<>();
        for (Row row : rows(HsdsSchema.ORGANIZATION)) {
            Node node = node(GraphSpec.ACTOR, "organization", row);
            if (node == null) {
                continue;
            }
            read.add(node);
            String name = row.get("name");
            set(node, "name", name, row.location(), "name");
            if (!Objects.equals(row.get("description"), name)) {
                set(node, "description", row.get("description"), row.location(), "description");
            }
            set(node, "email", row.get("email"), row.location(), "email");
            set(node, "website", row.get("website"), row.location(), "website");
            for (Row identifier : identifiers.getOrDefault(node.id, List.of())) {
                String type = identifier.get("identifier_type");
                String value = identifier.get("identifier");
                if (value == null) {
                    problem(identifier.location(), "identifier", "REQUIRED", "Pflichtfeld identifier fehlt.",
                            "Required field identifier is missing.");
                    continue;
                }
                add(node, "identifiers", type == null || type.equals(IDENTIFIER_TYPE) ? value : type + " " + value,
                        identifier.location(), "identifier");
            }
            address:
            for (Row location : locations.getOrDefault(node.id, List.of())) {
                for (Row address : addresses.getOrDefault(Objects.requireNonNullElse(location.get("id"), ""), List.of())) {
                    set(node, "address", address(address), address.location(), "address_1");
                    break address;
                }
            }
            phones.getOrDefault(node.id, List.of()).stream().filter(p -> p.get("contact_id") == null).findFirst()
                    .ifPresent(p -> set(node, "phone", p.get("number"), p.location(), "number"));
            attributes(node, GraphSpec.node(GraphSpec.ACTOR).properties());
            node.raw.putIfAbsent("kind", "OTHER");
        }
        for (Node node : read) {
            String parent = node.row.get("parent_organization_id");
            if (parent != null) {
                Node target = reference("organization", parent, node.row, "parent_organization_id");
                if (target != null) {
                    link("PART_OF", GraphSpec.ACTOR, GraphSpec.ACTOR, node.key, target.key, node,
                            node.row.location());
                }
            }
        }
    }

    /** Contacts with a title become roles; contacts with only a person's name are not read (no personal data). */
    private void contacts() {
        Map<String, List<Row>> phones = index(HsdsSchema.PHONE, "contact_id");
        for (Row row : rows(HsdsSchema.CONTACT)) {
            if (row.get("title") == null) {
                continue;
            }
            Node node = node(GraphSpec.ROLE, "contact", row);
            if (node == null) {
                continue;
            }
            set(node, "title", row.get("title"), row.location(), "title");
            set(node, "email", row.get("email"), row.location(), "email");
            phones.getOrDefault(node.id, List.of()).stream().findFirst()
                    .ifPresent(p -> set(node, "phone", p.get("number"), p.location(), "number"));
            attributes(node, GraphSpec.node(GraphSpec.ROLE).properties());
            String organization = row.get("organization_id");
            if (organization != null) {
                Node actor = reference("organization", organization, row, "organization_id");
                if (actor != null) {
                    link("HELD_IN", GraphSpec.ROLE, GraphSpec.ACTOR, node.key, actor.key, node,
                            row.location());
                }
            }
        }
    }

    private void programs() {
        for (Row row : rows(HsdsSchema.PROGRAM)) {
            Node node = node(GraphSpec.PROGRAMME, "program", row);
            if (node == null) {
                continue;
            }
            set(node, "name", row.get("name"), row.location(), "name");
            attributes(node, GraphSpec.node(GraphSpec.PROGRAMME).properties());
            String organization = row.get("organization_id");
            if (organization != null) {
                Node funder = reference("organization", organization, row, "organization_id");
                if (funder != null) {
                    link("FUNDS", GraphSpec.ACTOR, GraphSpec.PROGRAMME, funder.key, node.key, node,
                            row.location());
                }
            }
        }
    }

    private void services() {
        Map<String, List<Row>> languages = index(HsdsSchema.LANGUAGE, "service_id");
        Map<String, List<Row>> areas = index(HsdsSchema.SERVICE_AREA, "service_id");
        for (Row row : rows(HsdsSchema.SERVICE)) {
            Node node = node(GraphSpec.SERVICE, "service", row);
            if (node == null) {
                continue;
            }
            set(node, "name", row.get("name"), row.location(), "name");
            set(node, "description", row.get("description"), row.location(), "description");
            set(node, "minAge", wholeNumber(row.get("minimum_age")), row.location(), "minimum_age");
            set(node, "maxAge", wholeNumber(row.get("maximum_age")), row.location(), "maximum_age");
            set(node, "lastVerified", row.get("assured_date"), row.location(), "assured_date");
            for (Row language : languages.getOrDefault(node.id, List.of())) {
                String code = languageCode(language.get("code"));
                if (code != null) {
                    add(node, "languages", code, language.location(), "code");
                }
            }
            attributes(node, GraphSpec.node(GraphSpec.SERVICE).properties());
            node.raw.putIfAbsent("form", "OTHER");
            String organization = row.get("organization_id");
            if (organization != null) {
                Node provider = reference("organization", organization, row, "organization_id");
                if (provider != null) {
                    link("PROVIDES", GraphSpec.ACTOR, GraphSpec.SERVICE, provider.key, node.key, node,
                            row.location());
                }
            }
            for (Row area : areas.getOrDefault(node.id, List.of())) {
                String ars = ars(area);
                if (ars != null) {
                    link("SERVES", GraphSpec.SERVICE, GraphSpec.AREA, node.key, ars, node, area.location());
                }
            }
        }
        for (String table : List.of(HsdsSchema.LANGUAGE.name(), HsdsSchema.SERVICE_AREA.name())) {
            for (Row row : tables.getOrDefault(table, List.of())) {
                String service = row.get("service_id");
                if (service != null) {
                    reference("service", service, row, "service_id");
                }
            }
        }
    }

    /**
     * Funding rows with our {@code program_id} attribute: a service's row is its {@code FUNDED_BY} share, an
     * organization's row a {@code GRANTS}. A service's {@code program_id} without such a row is a {@code FUNDED_BY}
     * without share. Free-text funding rows of other publishers are not read.
     */
    private void funding() {
        RelationshipSpec fundedBy = GraphSpec.relationships("FUNDED_BY").getFirst();
        RelationshipSpec grants = GraphSpec.relationships("GRANTS").getFirst();
        Set<String> funded = new HashSet<>();
        for (Row row : rows(HsdsSchema.FUNDING)) {
            String id = row.get("id");
            if (id == null) {
                continue;
            }
            List<Attribute> attrs = attributesOf("funding", id);
            Attribute programAttribute = attrs.stream().filter(a -> isProperty(a, "program_id")).findFirst().orElse(null);
            if (programAttribute == null) {
                continue;
            }
            Node programme = programAttribute.value() == null ? null
                    : reference("program", programAttribute.value(), programAttribute.row(), "value");
            String service = row.get("service_id");
            String organization = row.get("organization_id");
            Node recipient = service != null ? reference("service", service, row, "service_id")
                    : organization != null ? reference("organization", organization, row, "organization_id") : null;
            if (service == null && organization == null) {
                problem(row.location(), "service_id", "REQUIRED", "Eine Förderung braucht service_id oder "
                        + "organization_id.", "A funding row needs service_id or organization_id.");
            }
            if (programme == null || recipient == null) {
                continue;
            }
            boolean isService = service != null;
            RelationshipSpec spec = isService ? fundedBy : grants;
            Node holder = new Node(spec.type(), "funding", row, id, "");
            for (Attribute a : attrs) {
                if (!isProperty(a, "program_id")) {
                    apply(holder, a, spec.properties());
                }
            }
            Object key = holder.raw.remove("key");
            if (key == null) {
                key = attrs.stream().filter(a -> isProperty(a, "key")).map(Attribute::value).filter(Objects::nonNull)
                        .findFirst().orElse(isService ? "fb-" + recipient.key + "-" + programme.key
                                : "grant-" + programme.key + "-" + recipient.key);
            }
            holder.raw.put("key", key);
            if (isService) {
                funded.add(recipient.key + "|" + programme.key);
                links.add(link(spec, recipient.key, programme.key, holder.raw, row.location()));
            } else {
                links.add(link(spec, programme.key, recipient.key, holder.raw, row.location()));
            }
        }
        for (Node service : byId.getOrDefault("service", Map.of()).values()) {
            String program = service.row.get("program_id");
            if (program == null) {
                continue;
            }
            Node programme = reference("program", program, service.row, "program_id");
            if (programme != null && !funded.contains(service.key + "|" + programme.key)) {
                Map<String, Object> raw = inherited(service);
                raw.put("key", "fb-" + service.key + "-" + programme.key);
                links.add(link(fundedBy, service.key, programme.key, raw, service.row.location()));
            }
        }
    }

    // ---- building blocks ----

    /** A node for a row with an id; its key is our {@code key} attribute, or else the HSDS id itself. */
    private @Nullable Node node(String label, String entity, Row row) {
        String id = row.get("id");
        if (id == null) {
            problem(row.location(), "id", "REQUIRED", "Pflichtfeld id fehlt.", "Required field id is missing.");
            return null;
        }
        Map<String, Node> ids = byId.computeIfAbsent(entity, e -> new HashMap<>());
        if (ids.containsKey(id)) {
            problem(row.location(), "id", "DUPLICATE_KEY", "id " + id + " kommt in " + row.file() + " mehrfach vor.",
                    "id " + id + " occurs more than once in " + row.file() + ".");
            return null;
        }
        String key = attributesOf(entity, id).stream().filter(a -> isProperty(a, "key")).map(Attribute::value)
                .filter(Objects::nonNull).findFirst().orElse(id);
        Node node = new Node(label, entity, row, id, key);
        node.raw.put("key", key);
        ids.put(id, node);
        nodes.add(node);
        return node;
    }

    /** The node an id column points to, or a problem naming the column. */
    private @Nullable Node reference(String entity, String id, Row row, String column) {
        Node node = byId.getOrDefault(entity, Map.of()).get(id);
        if (node == null) {
            HsdsSchema.Table table = HsdsSchema.find(entity).orElseThrow();
            problem(row.location(), column, "UNKNOWN_REFERENCE", "Kein Eintrag " + id + " in " + table.path() + ".",
                    "No record " + id + " in " + table.path() + ".");
        }
        return node;
    }

    private void attributes(Node node, List<PropertySpec> specs) {
        for (Attribute a : attributesOf(node.entity, node.id)) {
            apply(node, a, specs);
        }
    }

    /** One attribute of ours: a property value, an enum term, or a link to a vocabulary node or an area. */
    private void apply(Node node, Attribute a, List<PropertySpec> specs) {
        String taxonomy = a.term().taxonomy();
        String code = a.term().code();
        String location = a.row().location();
        if (taxonomy.equals(Taxonomies.PROPERTIES)) {
            if (code.equals("key") && !node.label.equals("FUNDED_BY") && !node.label.equals("GRANTS")) {
                return;
            }
            if (a.value() == null) {
                problem(location, "value", "REQUIRED", "Pflichtfeld value fehlt für " + code + ".",
                        "Required field value is missing for " + code + ".");
                return;
            }
            if (code.equals("BASED_IN") && node.label.equals(GraphSpec.ACTOR)) {
                link("BASED_IN", GraphSpec.ACTOR, GraphSpec.AREA, node.key, a.value(), node, location);
                return;
            }
            PropertySpec spec = specs.stream().filter(s -> s.name().equals(code)).findFirst().orElse(null);
            if (spec == null || HsdsWriter.NOT_CARRIED.contains(code) && !code.equals("key")) {
                notApplicable(node, a);
                return;
            }
            store(node, spec, a.value(), location, "value");
            return;
        }
        if (Taxonomies.isNodeVocabulary(taxonomy)) {
            String type = switch (node.label + "|" + taxonomy) {
                case "Service|FieldOfAction" -> "IN_FIELD";
                case "Service|TargetGroup" -> "FOR_GROUP";
                case "Service|LegalDomain" -> "UNDER";
                case "Actor|LegalDomain" -> "WORKS_UNDER";
                default -> null;
            };
            if (type != null) {
                link(type, node.label, taxonomy, node.key, code, node, location);
                return;
            }
        }
        PropertySpec spec = specs.stream().filter(s -> Objects.equals(s.vocabulary(), taxonomy)).findFirst().orElse(null);
        if (spec == null) {
            notApplicable(node, a);
            return;
        }
        store(node, spec, code, location, "taxonomy_term_id");
    }

    private void notApplicable(Node node, Attribute a) {
        problem(a.row().location(), "taxonomy_term_id", "NOT_APPLICABLE", a.term().taxonomy() + " " + a.term().code()
                + " passt nicht zu " + node.entity + ".", a.term().taxonomy() + " " + a.term().code()
                + " does not apply to " + node.entity + ".");
    }

    private void store(Node node, PropertySpec spec, String value, String location, String column) {
        boolean list = spec.type() == PropertyType.STRING_LIST || spec.type() == PropertyType.ENUM_LIST;
        if (list) {
            add(node, spec, value, location, column);
        } else if (node.raw.containsKey(spec.name())) {
            problem(location, column, "DUPLICATE_VALUE", spec.name() + " ist mehrfach angegeben.",
                    spec.name() + " is given more than once.");
        } else {
            Object converted = convert(spec, value, location, column);
            if (converted != null) {
                node.raw.put(spec.name(), converted);
            }
        }
    }

    private void set(Node node, String property, @Nullable String value, String location, String column) {
        if (value == null) {
            return;
        }
        PropertySpec spec = GraphSpec.node(node.label).property(property).orElseThrow();
        Object converted = convert(spec, value, location, column);
        if (converted != null) {
            node.raw.put(property, converted);
        }
    }

    private void add(Node node, String property, String value, String location, String column) {
        add(node, GraphSpec.node(node.label).property(property).orElseThrow(), value, location, column);
    }

    @SuppressWarnings("unchecked")
    private void add(Node node, PropertySpec spec, String value, String location, String column) {
        Object converted = convert(spec, List.of(value), location, column);
        if (converted instanceof List<?> values) {
            List<Object> list = (List<Object>) node.raw.computeIfAbsent(spec.name(), k -> new ArrayList<>());
            values.stream().filter(v -> !list.contains(v)).forEach(list::add);
        }
    }

    /** {@link Values#convert} with the problem naming the HSDS column. */
    private @Nullable Object convert(PropertySpec spec, Object raw, String location, String column) {
        List<Problem> found = new ArrayList<>();
        Object value = Values.convert(spec, raw, location, found);
        found.forEach(p -> builder.problem(new Problem(p.location(), column, p.code(), p.messageDe(), p.messageEn())));
        return value;
    }

    /**
     * A structural link read from its owner's row or attributes; it takes the owner's visibility and source, as HSDS
     * has no place for a link's own (the link is part of the record).
     */
    private void link(String type, String fromLabel, String toLabel, String from, String to, Node owner,
                      String location) {
        Map<String, Object> raw = inherited(owner);
        links.add(link(GraphSpec.relationships(type).stream().filter(s -> s.fromLabel().equals(fromLabel)
                && s.toLabel().equals(toLabel)).findFirst().orElseThrow(), from, to, raw, location));
    }

    private static Map<String, Object> inherited(Node owner) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (String field : List.of("visibility", "source")) {
            if (owner.raw.get(field) != null) {
                raw.put(field, owner.raw.get(field));
            }
        }
        return raw;
    }

    private static Link link(RelationshipSpec spec, String from, String to, Map<String, Object> raw, String location) {
        Map<String, Object> all = new LinkedHashMap<>(raw);
        all.put("from", from);
        all.put("to", to);
        return new Link(spec.type(), spec.fromLabel(), spec.toLabel(), all, location);
    }

    /** The official regional key of a service area, from DCAT-AP.de's URI or a bare 12-digit ARS in {@code uri}. */
    private @Nullable String ars(Row area) {
        String uri = area.get("uri");
        if (uri == null) {
            return null;
        }
        Matcher m = ARS_URI.matcher(uri);
        String ars = m.matches() ? m.group(1) : ARS.matcher(uri).matches() ? uri : null;
        if (ars != null && !ARS.matcher(ars).matches()) {
            problem(area.location(), "uri", "INVALID_VALUE", "Regionalschlüssel (ARS) muss 12 Ziffern haben, "
                    + "angegeben '" + ars + "'.", "A regional key (ARS) has 12 digits, got '" + ars + "'.");
            return null;
        }
        return ars;
    }

    /** {@code address_1[, address_2][, postal_code city]}: the inverse of how {@link HsdsWriter} splits it. */
    private static @Nullable String address(Row address) {
        List<String> parts = new ArrayList<>();
        for (String column : List.of("address_1", "address_2")) {
            if (address.get(column) != null) {
                parts.add(address.get(column));
            }
        }
        String place = String.join(" ", java.util.stream.Stream.of(address.get("postal_code"), address.get("city"))
                .filter(Objects::nonNull).toList());
        if (!place.isEmpty()) {
            parts.add(place);
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static @Nullable String languageCode(@Nullable String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return c.length() == 3 ? ISO3.getOrDefault(c, c) : c;
    }

    private static @Nullable String wholeNumber(@Nullable String value) {
        if (value == null) {
            return null;
        }
        Matcher m = WHOLE_NUMBER.matcher(value);
        return m.matches() ? m.group(1) : value;
    }

    private static boolean isProperty(Attribute a, String code) {
        return a.term().taxonomy().equals(Taxonomies.PROPERTIES) && a.term().code().equals(code);
    }

    private List<Row> rows(HsdsSchema.Table table) {
        return tables.getOrDefault(table.name(), List.of());
    }

    private Map<String, List<Row>> index(HsdsSchema.Table table, String column) {
        Map<String, List<Row>> index = new HashMap<>();
        for (Row row : rows(table)) {
            String value = row.get(column);
            if (value != null) {
                index.computeIfAbsent(value, v -> new ArrayList<>()).add(row);
            }
        }
        return index;
    }

    private void problem(String location, String field, String code, String de, String en) {
        builder.problem(new Problem(location, field, code, de, en));
    }
}
