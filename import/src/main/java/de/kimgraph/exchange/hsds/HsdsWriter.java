package de.kimgraph.exchange.hsds;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import de.kimgraph.exchange.Snapshot;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.PropertyType;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link Snapshot} as an HSDS 3.1 tabular data package. Rows are ordered by our keys, ids are name-based
 * UUIDs ({@link HsdsIds}), the ZIP entries carry a fixed time, so the same graph always gives the same bytes.
 */
final class HsdsWriter {

    /** DCAT-AP.de's URI for an official regional key (ARS), the persistent identifier HSDS asks for in {@code uri}. */
    static final String ARS_URI = "http://dcat-ap.de/def/politicalGeocoding/regionalKey/";

    /** Fixed time of every ZIP entry (no timestamps: exports are diffable). */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    /** An address {@code street, 12345 city} splits into HSDS columns and joins back to the same text. */
    static final Pattern ADDRESS = Pattern.compile("^(.+), (\\d{5}) (.+)$");

    private static final ObjectWriter JSON = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build()
            .writerWithDefaultPrettyPrinter();

    /** The German Länder by the first two digits of an ARS, for {@code address.state_province}. */
    private static final Map<String, String> LAENDER = Map.ofEntries(Map.entry("01", "Schleswig-Holstein"),
            Map.entry("02", "Hamburg"), Map.entry("03", "Niedersachsen"), Map.entry("04", "Bremen"),
            Map.entry("05", "Nordrhein-Westfalen"), Map.entry("06", "Hessen"), Map.entry("07", "Rheinland-Pfalz"),
            Map.entry("08", "Baden-Württemberg"), Map.entry("09", "Bayern"), Map.entry("10", "Saarland"),
            Map.entry("11", "Berlin"), Map.entry("12", "Brandenburg"), Map.entry("13", "Mecklenburg-Vorpommern"),
            Map.entry("14", "Sachsen"), Map.entry("15", "Sachsen-Anhalt"), Map.entry("16", "Thüringen"));

    /** Properties of each label that have a column of their own (or a table) and so no attribute. */
    static final Map<String, Set<String>> MAPPED = Map.of(
            GraphSpec.ACTOR, Set.of("name", "description", "email", "website", "identifiers", "address", "phone"),
            GraphSpec.SERVICE, Set.of("name", "description", "minAge", "maxAge", "lastVerified", "languages"),
            GraphSpec.PROGRAMME, Set.of("name"),
            GraphSpec.ROLE, Set.of("title", "email", "phone"));

    /** Never written: the owner is the importing tenant, the version is the database's counter. */
    static final Set<String> NOT_CARRIED = Set.of("key", "tenant", "version");

    private final Snapshot snapshot;
    private final LocalDate today;
    private final Map<HsdsSchema.Table, List<Map<String, String>>> rows = new LinkedHashMap<>();
    private final Map<String, Set<String>> usedTerms = new HashMap<>();
    private final Map<String, List<Dataset.RelationshipRecord>> outgoing = new HashMap<>();
    private final Map<String, List<Dataset.RelationshipRecord>> incoming = new HashMap<>();
    private final Map<String, Map<String, Dataset.NodeRecord>> nodes = new HashMap<>();

    HsdsWriter(Snapshot snapshot, LocalDate today) {
        this.snapshot = snapshot;
        this.today = today;
        HsdsSchema.TABLES.forEach(t -> rows.put(t, new ArrayList<>()));
        for (Dataset.NodeRecord node : snapshot.dataset().nodes()) {
            nodes.computeIfAbsent(node.label(), l -> new TreeMap<>()).put(node.key(), node);
        }
        Comparator<Dataset.RelationshipRecord> order = Comparator.comparing(Dataset.RelationshipRecord::to)
                .thenComparing(Dataset.RelationshipRecord::from)
                .thenComparing(r -> Objects.requireNonNullElse(r.key(), ""));
        for (Dataset.RelationshipRecord rel : snapshot.dataset().relationships()) {
            outgoing.computeIfAbsent(endpoint(rel.spec().type(), rel.spec().fromLabel(), rel.from()),
                    k -> new ArrayList<>()).add(rel);
            incoming.computeIfAbsent(endpoint(rel.spec().type(), rel.spec().toLabel(), rel.to()),
                    k -> new ArrayList<>()).add(rel);
        }
        outgoing.values().forEach(l -> l.sort(order));
        incoming.values().forEach(l -> l.sort(Comparator.comparing(Dataset.RelationshipRecord::from).thenComparing(order)));
    }

    void write(OutputStream out) throws IOException {
        organizations();
        contacts();
        programs();
        services();
        funding();
        taxonomies();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        entry(zip, "datapackage.json", JSON.writeValueAsBytes(descriptor()));
        for (HsdsSchema.Table table : HsdsSchema.TABLES) {
            StringBuilder csv = new StringBuilder();
            Rfc4180.appendRecord(csv, new ArrayList<>(table.columns()));
            for (Map<String, String> row : rows.get(table)) {
                List<@Nullable String> cells = new ArrayList<>();
                table.columns().forEach(c -> cells.add(row.get(c)));
                Rfc4180.appendRecord(csv, cells);
            }
            entry(zip, table.path(), csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        zip.finish();
        zip.flush();
    }

    private void organizations() {
        for (Dataset.NodeRecord actor : nodes(GraphSpec.ACTOR)) {
            String key = actor.key();
            String id = HsdsIds.of("organization", key);
            Map<String, Object> p = actor.properties();
            String name = (String) p.get("name");
            Map<String, String> row = row(HsdsSchema.ORGANIZATION, id);
            row.put("name", name);
            row.put("description", Objects.requireNonNullElse(string(p.get("description")), name));
            put(row, "email", p.get("email"));
            put(row, "website", p.get("website"));
            outgoing("PART_OF", GraphSpec.ACTOR, key).stream().filter(r -> r.spec().toLabel().equals(GraphSpec.ACTOR))
                    .filter(r -> exported(GraphSpec.ACTOR, r.to())).findFirst()
                    .ifPresent(r -> row.put("parent_organization_id", HsdsIds.of("organization", r.to())));
            attributes("organization", id, key, GraphSpec.node(GraphSpec.ACTOR).properties(), p, MAPPED.get(GraphSpec.ACTOR));
            for (Dataset.RelationshipRecord r : outgoing("WORKS_UNDER", GraphSpec.ACTOR, key)) {
                term("organization", id, key, GraphSpec.LEGAL_DOMAIN, r.to(), "WORKS_UNDER");
            }
            String land = null;
            for (Dataset.RelationshipRecord r : outgoing("BASED_IN", GraphSpec.ACTOR, key)) {
                attribute("organization", id, key, Taxonomies.PROPERTIES, "BASED_IN", r.to(), "BASED_IN", areaName(r.to()));
                land = land != null ? land : land(r.to());
            }
            if (p.get("identifiers") instanceof List<?> identifiers) {
                for (Object identifier : identifiers) {
                    String text = String.valueOf(identifier);
                    int space = text.startsWith(HsdsReader.IDENTIFIER_TYPE + " ") ? -1 : text.indexOf(' ');
                    Map<String, String> i = row(HsdsSchema.ORGANIZATION_IDENTIFIER,
                            HsdsIds.of("organization_identifier", key, text));
                    i.put("organization_id", id);
                    i.put("identifier_type", space > 0 ? text.substring(0, space) : HsdsReader.IDENTIFIER_TYPE);
                    i.put("identifier", space > 0 ? text.substring(space + 1) : text);
                }
            }
            if (string(p.get("address")) instanceof String address) {
                String locationId = HsdsIds.of("location", key);
                Map<String, String> location = row(HsdsSchema.LOCATION, locationId);
                location.put("location_type", "physical");
                location.put("organization_id", id);
                location.put("name", name);
                Map<String, String> a = row(HsdsSchema.ADDRESS, HsdsIds.of("address", key));
                a.put("location_id", locationId);
                Matcher m = ADDRESS.matcher(address);
                if (m.matches()) {
                    a.put("address_1", m.group(1));
                    a.put("postal_code", m.group(2));
                    a.put("city", m.group(3));
                } else {
                    a.put("address_1", address);
                }
                put(a, "state_province", land);
                a.put("country", "DE");
                a.put("address_type", "physical");
            }
            if (string(p.get("phone")) instanceof String phone) {
                Map<String, String> ph = row(HsdsSchema.PHONE, HsdsIds.of("phone", "organization", key));
                ph.put("organization_id", id);
                ph.put("number", phone);
            }
        }
    }

    /** Roles (functions in an actor, never people) as HSDS contacts with a title and no name. */
    private void contacts() {
        for (Dataset.NodeRecord role : nodes(GraphSpec.ROLE)) {
            String key = role.key();
            String id = HsdsIds.of("contact", key);
            Map<String, Object> p = role.properties();
            Map<String, String> row = row(HsdsSchema.CONTACT, id);
            outgoing("HELD_IN", GraphSpec.ROLE, key).stream().filter(r -> exported(GraphSpec.ACTOR, r.to())).findFirst()
                    .ifPresent(r -> row.put("organization_id", HsdsIds.of("organization", r.to())));
            row.put("title", (String) p.get("title"));
            put(row, "email", p.get("email"));
            if (string(p.get("phone")) instanceof String phone) {
                Map<String, String> ph = row(HsdsSchema.PHONE, HsdsIds.of("phone", "contact", key));
                ph.put("contact_id", id);
                ph.put("number", phone);
            }
            attributes("contact", id, key, GraphSpec.node(GraphSpec.ROLE).properties(), p, MAPPED.get(GraphSpec.ROLE));
        }
    }

    private void programs() {
        for (Dataset.NodeRecord programme : nodes(GraphSpec.PROGRAMME)) {
            String key = programme.key();
            String id = HsdsIds.of("program", key);
            Map<String, String> row = row(HsdsSchema.PROGRAM, id);
            incoming("FUNDS", GraphSpec.PROGRAMME, key).stream().filter(r -> exported(GraphSpec.ACTOR, r.from()))
                    .findFirst().ifPresent(r -> row.put("organization_id", HsdsIds.of("organization", r.from())));
            String name = (String) programme.properties().get("name");
            row.put("name", name);
            row.put("description", name);
            attributes("program", id, key, GraphSpec.node(GraphSpec.PROGRAMME).properties(), programme.properties(),
                    MAPPED.get(GraphSpec.PROGRAMME));
        }
    }

    private void services() {
        for (Dataset.NodeRecord service : nodes(GraphSpec.SERVICE)) {
            String key = service.key();
            String id = HsdsIds.of("service", key);
            Map<String, Object> p = service.properties();
            Map<String, String> row = row(HsdsSchema.SERVICE, id);
            incoming("PROVIDES", GraphSpec.SERVICE, key).stream().filter(r -> exported(GraphSpec.ACTOR, r.from()))
                    .findFirst().ifPresent(r -> row.put("organization_id", HsdsIds.of("organization", r.from())));
            fundedBy(key).stream().max(Comparator.comparing((Dataset.RelationshipRecord r) -> share(r))
                            .thenComparing(r -> Objects.requireNonNullElse(r.key(), ""), Comparator.reverseOrder()))
                    .ifPresent(r -> row.put("program_id", HsdsIds.of("program", r.to())));
            row.put("name", (String) p.get("name"));
            put(row, "description", p.get("description"));
            row.put("status", status(p));
            put(row, "eligibility_description", eligibility(p));
            put(row, "minimum_age", p.get("minAge"));
            put(row, "maximum_age", p.get("maxAge"));
            put(row, "assured_date", p.get("lastVerified"));
            attributes("service", id, key, GraphSpec.node(GraphSpec.SERVICE).properties(), p, MAPPED.get(GraphSpec.SERVICE));
            for (String[] link : List.of(new String[]{"IN_FIELD", GraphSpec.FIELD},
                    new String[]{"FOR_GROUP", GraphSpec.TARGET_GROUP}, new String[]{"UNDER", GraphSpec.LEGAL_DOMAIN})) {
                for (Dataset.RelationshipRecord r : outgoing(link[0], GraphSpec.SERVICE, key)) {
                    term("service", id, key, link[1], r.to(), link[0]);
                }
            }
            if (p.get("languages") instanceof List<?> languages) {
                for (Object language : languages) {
                    String code = String.valueOf(language);
                    Map<String, String> l = row(HsdsSchema.LANGUAGE, HsdsIds.of("language", key, code));
                    l.put("service_id", id);
                    put(l, "name", languageName(code));
                    l.put("code", code);
                }
            }
            for (Dataset.RelationshipRecord r : outgoing("SERVES", GraphSpec.SERVICE, key)) {
                Dataset.NodeRecord area = snapshot.node(GraphSpec.AREA, r.to()).orElse(null);
                String ars = area != null && area.properties().get("ars") instanceof String a ? a : r.to();
                Map<String, String> s = row(HsdsSchema.SERVICE_AREA, HsdsIds.of("service_area", key, r.to()));
                s.put("service_id", id);
                s.put("name", areaName(r.to()));
                String ags = area != null ? string(area.properties().get("ags")) : null;
                s.put("description", "Amtlicher Regionalschlüssel (ARS) " + ars
                        + (ags == null ? "" : ", AGS " + ags));
                s.put("uri", ARS_URI + ars);
            }
        }
    }

    /**
     * Funding rows: a service's share of a programme ({@code FUNDED_BY}) and a programme's grant to an actor
     * ({@code GRANTS}); attributes carry the relationship's key, programme and properties.
     */
    private void funding() {
        for (Dataset.NodeRecord service : nodes(GraphSpec.SERVICE)) {
            for (Dataset.RelationshipRecord r : fundedBy(service.key())) {
                String key = Objects.requireNonNull(r.key());
                String id = HsdsIds.of("funding", "FUNDED_BY", key);
                Map<String, String> row = row(HsdsSchema.FUNDING, id);
                row.put("service_id", HsdsIds.of("service", service.key()));
                String source = programmeName(r.to());
                if (r.properties().get("share") instanceof Double share) {
                    source += " (Anteil " + BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros()
                            .toPlainString() + " %)";
                }
                row.put("source", source);
                fundingAttributes(id, "FUNDED_BY:" + key, r);
            }
        }
        for (Dataset.NodeRecord programme : nodes(GraphSpec.PROGRAMME)) {
            for (Dataset.RelationshipRecord r : outgoing("GRANTS", GraphSpec.PROGRAMME, programme.key())) {
                if (!exported(GraphSpec.ACTOR, r.to())) {
                    continue;
                }
                String key = Objects.requireNonNull(r.key());
                String id = HsdsIds.of("funding", "GRANTS", key);
                Map<String, String> row = row(HsdsSchema.FUNDING, id);
                row.put("organization_id", HsdsIds.of("organization", r.to()));
                row.put("source", programmeName(programme.key()));
                fundingAttributes(id, "GRANTS:" + key, r);
            }
        }
    }

    private void fundingAttributes(String id, String recordKey, Dataset.RelationshipRecord r) {
        String programme = r.spec().type().equals("GRANTS") ? r.from() : r.to();
        attribute("funding", id, recordKey, Taxonomies.PROPERTIES, "key", Objects.requireNonNull(r.key()), "key", null);
        attribute("funding", id, recordKey, Taxonomies.PROPERTIES, "program_id", HsdsIds.of("program", programme),
                "program_id", programmeName(programme));
        properties("funding", id, recordKey, r.spec().properties(), r.properties(), Set.of());
    }

    private List<Dataset.RelationshipRecord> fundedBy(String service) {
        return outgoing("FUNDED_BY", GraphSpec.SERVICE, service).stream()
                .filter(r -> exported(GraphSpec.PROGRAMME, r.to())).toList();
    }

    private void taxonomies() {
        Set<String> fields = usedTerms.get(GraphSpec.FIELD);
        if (fields != null) {
            for (String code : List.copyOf(fields)) {
                for (String parent = Taxonomies.parent(GraphSpec.FIELD, code); parent != null;
                     parent = Taxonomies.parent(GraphSpec.FIELD, parent)) {
                    fields.add(parent);
                }
            }
        }
        for (String taxonomy : Taxonomies.order()) {
            Set<String> codes = usedTerms.get(taxonomy);
            if (codes == null) {
                continue;
            }
            String taxonomyId = HsdsIds.of("taxonomy", taxonomy);
            Map<String, String> t = row(HsdsSchema.TAXONOMY, taxonomyId);
            t.put("name", Taxonomies.name(taxonomy));
            t.put("description", Taxonomies.description(taxonomy));
            t.put("uri", Taxonomies.uri(taxonomy));
            for (String code : codes) {
                String[] labels = Taxonomies.labels(taxonomy, code, snapshot::node);
                Map<String, String> term = row(HsdsSchema.TAXONOMY_TERM, termId(taxonomy, code));
                term.put("code", code);
                term.put("name", labels[0]);
                term.put("description", labels[1]);
                String parent = Taxonomies.parent(taxonomy, code);
                if (parent != null && codes.contains(parent)) {
                    term.put("parent_id", termId(taxonomy, parent));
                }
                term.put("taxonomy", Taxonomies.name(taxonomy));
                term.put("language", taxonomy.equals(Taxonomies.PROPERTIES) ? "en" : "de");
                term.put("taxonomy_id", taxonomyId);
                term.put("term_uri", Taxonomies.termUri(taxonomy, code));
            }
        }
    }

    /** One attribute per property without a column: enum terms and vocabulary keys as terms, the rest as values. */
    private void properties(String entity, String id, String recordKey, List<PropertySpec> specs,
                            Map<String, Object> properties, Set<String> mapped) {
        for (PropertySpec spec : specs) {
            Object value = properties.get(spec.name());
            if (value == null || NOT_CARRIED.contains(spec.name()) || mapped.contains(spec.name())) {
                continue;
            }
            List<?> values = value instanceof List<?> list ? list : List.of(value);
            for (Object v : values) {
                String text = format(v);
                String vocabulary = spec.vocabulary();
                boolean term = spec.type() == PropertyType.ENUM || spec.type() == PropertyType.ENUM_LIST
                        || vocabulary != null && Taxonomies.isNodeVocabulary(vocabulary);
                if (term) {
                    term(entity, id, recordKey, Objects.requireNonNull(vocabulary), text, spec.name());
                } else {
                    attribute(entity, id, recordKey, Taxonomies.PROPERTIES, spec.name(), text, spec.name(), null);
                }
            }
        }
    }

    private void attributes(String entity, String id, String key, List<PropertySpec> specs,
                            Map<String, Object> properties, Set<String> mapped) {
        attribute(entity, id, key, Taxonomies.PROPERTIES, "key", key, "key", null);
        properties(entity, id, key, specs, properties, mapped);
    }

    private void term(String entity, String id, String recordKey, String taxonomy, String code, String linkType) {
        attribute(entity, id, recordKey, taxonomy, code, null, linkType,
                Taxonomies.labels(taxonomy, code, snapshot::node)[0]);
    }

    private void attribute(String entity, String linkId, String recordKey, String taxonomy, String code,
                           @Nullable String value, String linkType, @Nullable String label) {
        usedTerms.computeIfAbsent(taxonomy, t -> new TreeSet<>()).add(code);
        Map<String, String> row = row(HsdsSchema.ATTRIBUTE, HsdsIds.of("attribute", entity, recordKey, linkType,
                value == null ? code : code + "=" + value));
        row.put("link_id", linkId);
        row.put("taxonomy_term_id", termId(taxonomy, code));
        row.put("link_type", linkType);
        row.put("link_entity", entity);
        put(row, "value", value);
        put(row, "label", label);
    }

    private static String termId(String taxonomy, String code) {
        return HsdsIds.of("taxonomy_term", taxonomy, code);
    }

    /** {@code active} unless the service's validity has ended ({@code defunct}) or not begun ({@code inactive}). */
    private String status(Map<String, Object> p) {
        LocalDate day = snapshot.scope().asOf() != null ? snapshot.scope().asOf() : today;
        if (p.get("validTo") instanceof LocalDate to && to.isBefore(day)) {
            return "defunct";
        }
        if (p.get("validFrom") instanceof LocalDate from && from.isAfter(day)) {
            return "inactive";
        }
        return "active";
    }

    /** A German sentence on age and residence status for directory users; the reader does not parse it back. */
    private @Nullable String eligibility(Map<String, Object> p) {
        List<String> parts = new ArrayList<>();
        Object min = p.get("minAge");
        Object max = p.get("maxAge");
        if (min != null && max != null) {
            parts.add("Alter " + min + " bis " + max + " Jahre");
        } else if (min != null) {
            parts.add("ab " + min + " Jahren");
        } else if (max != null) {
            parts.add("bis " + max + " Jahre");
        }
        if (p.get("eligibleStatuses") instanceof List<?> statuses && !statuses.isEmpty()) {
            parts.add("Aufenthaltsstatus: " + String.join(", ", statuses.stream()
                    .map(s -> Taxonomies.labels(GraphSpec.RESIDENCE_STATUS, String.valueOf(s), snapshot::node)[0])
                    .toList()));
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private Map<String, Object> descriptor() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("profile", "tabular-data-package");
        String tenant = snapshot.scope().tenant();
        String area = snapshot.scope().area();
        d.put("name", "kim-graph-" + tenant + (area == null ? "" : "-" + area));
        d.put("title", "kim-graph: Angebote, Träger und Förderprogramme (Open Referral HSDS 3.1)");
        d.put("description", "Human Services Data Specification 3.1, tabular data package, exported by kim-graph. "
                + "Ids are name-based UUIDs of kim-graph keys; kim-graph vocabularies are taxonomies "
                + "(urn:kim-graph:vocabulary:…), fields without an HSDS column are attributes (urn:kim-graph:property).");
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("hsdsVersion", "3.1");
        scope.put("tenant", tenant);
        if (area != null) {
            scope.put("area", area);
        }
        if (snapshot.scope().asOf() != null) {
            scope.put("asOf", snapshot.scope().asOf().toString());
        }
        d.put("kimgraph", scope);
        List<Object> resources = new ArrayList<>();
        for (HsdsSchema.Table table : HsdsSchema.TABLES) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", table.name());
            r.put("path", table.path());
            r.put("profile", "tabular-data-resource");
            r.put("format", "csv");
            r.put("mediatype", "text/csv");
            r.put("encoding", "utf-8");
            List<Object> fields = new ArrayList<>();
            for (HsdsSchema.Field f : table.fields()) {
                Map<String, Object> field = new LinkedHashMap<>();
                field.put("name", f.name());
                field.put("type", f.type());
                if (f.format() != null) {
                    field.put("format", f.format());
                }
                Map<String, Object> constraints = new LinkedHashMap<>();
                if (f.required()) {
                    constraints.put("required", true);
                }
                if (f.name().equals("id")) {
                    constraints.put("unique", true);
                }
                if (!f.values().isEmpty()) {
                    constraints.put("enum", f.values());
                }
                if (!constraints.isEmpty()) {
                    field.put("constraints", constraints);
                }
                fields.add(field);
            }
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("fields", fields);
            schema.put("primaryKey", "id");
            List<Object> keys = new ArrayList<>();
            for (HsdsSchema.ForeignKey fk : table.foreignKeys()) {
                Map<String, Object> reference = new LinkedHashMap<>();
                reference.put("resource", fk.table());
                reference.put("fields", "id");
                Map<String, Object> key = new LinkedHashMap<>();
                key.put("fields", fk.field());
                key.put("reference", reference);
                keys.add(key);
            }
            if (!keys.isEmpty()) {
                schema.put("foreignKeys", keys);
            }
            r.put("schema", schema);
            resources.add(r);
        }
        d.put("resources", resources);
        return d;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private Map<String, String> row(HsdsSchema.Table table, String id) {
        Map<String, String> row = new CheckedRow(table);
        row.put("id", id);
        rows.get(table).add(row);
        return row;
    }

    private List<Dataset.NodeRecord> nodes(String label) {
        return List.copyOf(nodes.getOrDefault(label, Map.of()).values());
    }

    private boolean exported(String label, String key) {
        return nodes.getOrDefault(label, Map.of()).containsKey(key);
    }

    private List<Dataset.RelationshipRecord> outgoing(String type, String fromLabel, String key) {
        return outgoing.getOrDefault(endpoint(type, fromLabel, key), List.of());
    }

    private List<Dataset.RelationshipRecord> incoming(String type, String toLabel, String key) {
        return incoming.getOrDefault(endpoint(type, toLabel, key), List.of());
    }

    private static String endpoint(String type, String label, String key) {
        return type + "|" + label + "|" + key;
    }

    private String areaName(String key) {
        return snapshot.node(GraphSpec.AREA, key).map(a -> string(a.properties().get("name"))).orElse(key);
    }

    private @Nullable String land(String ars) {
        if (ars.length() < 2) {
            return null;
        }
        String prefix = ars.substring(0, 2);
        return snapshot.node(GraphSpec.AREA, prefix + "0000000000").map(a -> string(a.properties().get("name")))
                .orElse(LAENDER.get(prefix));
    }

    private String programmeName(String key) {
        return snapshot.node(GraphSpec.PROGRAMME, key).map(n -> string(n.properties().get("name"))).orElse(key);
    }

    private static double share(Dataset.RelationshipRecord r) {
        return r.properties().get("share") instanceof Double d ? d : 0.0;
    }

    /** The German name of an ISO 639 language, or nothing if Java does not know it. */
    static @Nullable String languageName(String code) {
        String name = Locale.of(code).getDisplayLanguage(Locale.GERMAN);
        return name.isBlank() || name.equalsIgnoreCase(code) ? null : name;
    }

    private static void put(Map<String, String> row, String column, @Nullable Object value) {
        if (value != null) {
            row.put(column, format(value));
        }
    }

    static String format(Object value) {
        return switch (value) {
            case Double d -> number(d);
            case Float f -> number(f.doubleValue());
            default -> String.valueOf(value);
        };
    }

    private static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static @Nullable String string(@Nullable Object value) {
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    /** A row that refuses columns its table does not have (a typo would otherwise vanish silently). */
    private static final class CheckedRow extends LinkedHashMap<String, String> {
        private final HsdsSchema.Table table;

        CheckedRow(HsdsSchema.Table table) {
            this.table = table;
        }

        @Override
        public String put(String column, String value) {
            if (table.field(column).isEmpty()) {
                throw new IllegalArgumentException(table.name() + " has no column " + column);
            }
            return super.put(column, value);
        }
    }
}
