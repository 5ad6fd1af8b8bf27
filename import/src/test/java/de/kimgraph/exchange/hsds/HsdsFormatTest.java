package de.kimgraph.exchange.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import de.kimgraph.exchange.ExportScope;
import de.kimgraph.exchange.Formats;
import de.kimgraph.exchange.ReadOptions;
import de.kimgraph.exchange.Snapshot;
import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetException;
import de.kimgraph.model.dataset.DatasetParser;
import de.kimgraph.model.dataset.Problem;
import de.kimgraph.model.dataset.Resources;
import de.kimgraph.model.spec.GraphSpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writing and reading HSDS packages without a database: the demo district out, back in, and bad rows. */
class HsdsFormatTest {

    static final String DEMO_TENANT = "999990000000";
    static final Clock DAY = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    /** What HSDS carries: these labels completely, these relationship types completely. */
    static final List<String> CARRIED_LABELS = List.of(GraphSpec.ACTOR, GraphSpec.ROLE, GraphSpec.PROGRAMME,
            GraphSpec.SERVICE);
    static final List<String> CARRIED_TYPES = List.of("PART_OF", "BASED_IN", "WORKS_UNDER", "HELD_IN", "PROVIDES",
            "IN_FIELD", "FOR_GROUP", "SERVES", "UNDER", "FUNDED_BY", "FUNDS", "GRANTS");

    private final HsdsFormat format = new HsdsFormat(DAY);

    static Dataset demo() {
        return DatasetParser.parse("auental.json", Resources.read("/demo/auental.json"));
    }

    static byte[] export(HsdsFormat format, Dataset dataset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(Snapshot.of(ExportScope.wholeTenant(DEMO_TENANT), dataset), out);
        return out.toByteArray();
    }

    private Dataset read(byte[] zip, String tenant) throws IOException {
        return format.read("hsds.zip", new ByteArrayInputStream(zip), ReadOptions.forTenant(tenant));
    }

    @Test
    void isRegisteredAsHsds() {
        assertThat(Formats.get("hsds")).isInstanceOf(HsdsFormat.class);
        assertThat(Formats.get("hsds").extension()).isEqualTo("zip");
    }

    @Test
    void theDescriptorListsEveryCsvWithItsFields() throws IOException {
        Map<String, String> files = Packages.unzip(export(format, demo()));
        JsonNode descriptor = JsonMapper.builder().build().readTree(files.get("datapackage.json"));

        assertThat(descriptor.path("profile").asString()).isEqualTo("tabular-data-package");
        Map<String, String> paths = new LinkedHashMap<>();
        for (JsonNode resource : descriptor.path("resources")) {
            paths.put(resource.path("name").asString(), resource.path("path").asString());
            List<String> fields = resource.path("schema").path("fields").valueStream()
                    .map(f -> f.path("name").asString()).toList();
            String header = files.get(resource.path("path").asString()).lines().findFirst().orElseThrow();
            assertThat(header).as(resource.path("path").asString()).isEqualTo(String.join(",", fields));
            assertThat(resource.path("schema").path("primaryKey").asString()).isEqualTo("id");
        }
        assertThat(paths).containsEntry("organization", "organizations.csv").containsEntry("service", "services.csv")
                .containsEntry("program", "programs.csv").containsEntry("service_area", "service_areas.csv")
                .containsEntry("taxonomy", "taxonomies.csv").containsEntry("taxonomy_term", "taxonomy_terms.csv")
                .containsEntry("attribute", "attributes.csv").containsEntry("language", "languages.csv");
        Set<String> csvs = files.keySet().stream().filter(n -> n.endsWith(".csv")).collect(Collectors.toSet());
        assertThat(paths.values()).containsExactlyInAnyOrderElementsOf(csvs);
        assertThat(Packages.rows(files.get("services.csv"))).hasSize(45);
        assertThat(Packages.rows(files.get("organizations.csv"))).hasSize(54);
        assertThat(Packages.rows(files.get("services.csv")).getFirst().get("id"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void serviceAreasCarryTheOfficialRegionalKey() throws IOException {
        Dataset demo = demo();
        Map<String, String> files = Packages.unzip(export(format, demo));
        List<Map<String, String>> areas = Packages.rows(files.get("service_areas.csv"));
        Map<String, String> serviceIds = new HashMap<>();
        Packages.rows(files.get("services.csv")).forEach(s -> serviceIds.put(s.get("id"), s.get("name")));
        Map<String, String> serviceNames = new HashMap<>();
        demo.nodes().stream().filter(n -> n.label().equals(GraphSpec.SERVICE))
                .forEach(n -> serviceNames.put((String) n.properties().get("name"), n.key()));

        Set<String> expected = demo.relationships().stream().filter(r -> r.spec().type().equals("SERVES"))
                .map(r -> r.from() + "→" + r.to()).collect(Collectors.toSet());
        Set<String> written = areas.stream().map(a -> serviceNames.get(serviceIds.get(a.get("service_id"))) + "→"
                + a.get("uri").substring(HsdsWriter.ARS_URI.length())).collect(Collectors.toSet());
        assertThat(written).isEqualTo(expected);
        assertThat(areas).allSatisfy(a -> {
            assertThat(a.get("uri")).matches("http://dcat-ap\\.de/def/politicalGeocoding/regionalKey/\\d{12}");
            assertThat(a.get("description")).startsWith("Amtlicher Regionalschlüssel (ARS) ");
        });
        assertThat(areas).extracting(a -> a.get("name")).contains("Auenstadt", "Kreis Auental (fiktiv)");
    }

    @Test
    void fieldsOfActionAndTargetGroupsAreTaxonomyAttributes() throws IOException {
        Map<String, String> files = Packages.unzip(export(format, demo()));
        List<Map<String, String>> attributes = Packages.rows(files.get("attributes.csv"));
        Map<String, Map<String, String>> terms = new HashMap<>();
        Packages.rows(files.get("taxonomy_terms.csv")).forEach(t -> terms.put(t.get("id"), t));
        Map<String, String> taxonomies = new HashMap<>();
        Packages.rows(files.get("taxonomies.csv")).forEach(t -> taxonomies.put(t.get("id"), t.get("uri")));

        assertThat(attributes).filteredOn(a -> a.get("link_type").equals("IN_FIELD")).hasSize(45)
                .allSatisfy(a -> assertThat(taxonomies.get(terms.get(a.get("taxonomy_term_id")).get("taxonomy_id")))
                        .isEqualTo("urn:kim-graph:vocabulary:FieldOfAction"));
        assertThat(attributes).filteredOn(a -> a.get("link_type").equals("FOR_GROUP")).hasSize(49);
        assertThat(attributes).filteredOn(a -> a.get("link_type").equals("UNDER")).hasSize(16);
        assertThat(terms.values()).extracting(t -> t.get("code"), t -> t.get("name"), t -> t.get("term_uri"))
                .contains(tuple("MIGRATION_COUNSELLING", "Migrationsberatung",
                        "urn:kim-graph:vocabulary:FieldOfAction:MIGRATION_COUNSELLING"));
        Map<String, String> counselling = terms.values().stream()
                .filter(t -> t.get("code").equals("MIGRATION_COUNSELLING")).findFirst().orElseThrow();
        assertThat(terms.get(counselling.get("parent_id")).get("code")).isEqualTo("SOCIAL_SECURITY");
        assertThat(taxonomies.values()).contains("urn:kim-graph:vocabulary:TargetGroup",
                "urn:kim-graph:vocabulary:ActorKind", "urn:kim-graph:property");
        assertThat(Packages.rows(files.get("services.csv"))).filteredOn(s -> s.get("name").startsWith("Jugendmigrationsdienst"))
                .first().satisfies(s -> {
                    assertThat(s.get("minimum_age")).isEqualTo("12");
                    assertThat(s.get("maximum_age")).isEqualTo("27");
                    assertThat(s.get("status")).isEqualTo("active");
                });
        assertThat(Packages.rows(files.get("languages.csv"))).extracting(l -> l.get("code"), l -> l.get("name"))
                .contains(tuple("ar", "Arabisch"), tuple("uk", "Ukrainisch"));
    }

    @Test
    void readingTheExportBackGivesTheSameRecordsAndLinksForWhatHsdsCarries() throws IOException {
        Dataset demo = demo();
        Dataset back = read(export(format, demo), DEMO_TENANT);

        for (String label : CARRIED_LABELS) {
            assertThat(nodes(back, label)).as(label).isEqualTo(nodes(demo, label));
        }
        assertThat(back.nodes()).extracting(Dataset.NodeRecord::label).containsOnlyElementsOf(CARRIED_LABELS);
        for (String type : CARRIED_TYPES) {
            assertThat(links(back, type)).as(type).isEqualTo(links(demo, type));
        }
        assertThat(back.relationships()).extracting(r -> r.spec().type()).containsOnlyElementsOf(CARRIED_TYPES);
    }

    @Test
    void theSameGraphGivesTheSameBytesAndTheRoundTripIsByteEqual() throws IOException {
        byte[] first = export(format, demo());
        assertThat(export(format, demo())).isEqualTo(first);

        Map<String, Dataset.NodeRecord> areas = new HashMap<>();
        demo().nodes().stream().filter(n -> n.label().equals(GraphSpec.AREA))
                .forEach(n -> areas.put(Snapshot.id(n.label(), n.key()), n));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(new Snapshot(ExportScope.wholeTenant(DEMO_TENANT), read(first, DEMO_TENANT), areas), out);
        byte[] second = out.toByteArray();
        assertThat(Packages.unzip(second)).isEqualTo(Packages.unzip(first));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void everyFieldHsdsCarriesSurvivesTheRoundTripIncludingTheOddOnes() throws IOException {
        Dataset original = DatasetParser.parse("edge-cases.json", Resources.read("/hsds/edge-cases.json"));
        byte[] zip = export(format, original);
        Dataset back = read(zip, "999920000000");

        for (String label : CARRIED_LABELS) {
            assertThat(nodes(back, label)).as(label).isEqualTo(nodes(original, label));
        }
        for (String type : CARRIED_TYPES) {
            assertThat(links(back, type)).as(type).isEqualTo(links(original, type));
        }
        assertThat(export(format, back)).isEqualTo(zip);

        Map<String, String> files = Packages.unzip(zip);
        assertThat(Packages.rows(files.get("services.csv"))).extracting(r -> r.get("name"), r -> r.get("status"))
                .containsExactly(tuple("Beratung", "defunct"), tuple("Kurs", "inactive"));
        assertThat(Packages.rows(files.get("services.csv")).getFirst().get("program_id"))
                .isEqualTo(HsdsIds.of("program", "hs-prog-b"));
        assertThat(Packages.rows(files.get("funding.csv"))).extracting(r -> r.get("source")).containsExactly(
                "Programm A (fiktiv) (Anteil 35 %)", "Programm B (fiktiv) (Anteil 65 %)", "Programm A (fiktiv)");
        assertThat(Packages.rows(files.get("addresses.csv")))
                .extracting(r -> r.get("address_1"), r -> r.get("postal_code"), r -> r.get("city"),
                        r -> r.get("state_province"))
                .containsExactly(tuple("Amtsweg 1", "99999", "Hügelstadt (fiktiv)", "Nordrhein-Westfalen"),
                        tuple("Postfach 12 (ohne Ort)", "", "", ""));
        assertThat(Packages.rows(files.get("organization_identifiers.csv")))
                .extracting(r -> r.get("identifier_type"), r -> r.get("identifier"))
                .containsExactly(tuple("VR", "4711"), tuple("Kennung", "Kennung 12"), tuple("Kennung", "ohneLeerzeichen"));
        assertThat(Packages.rows(files.get("phones.csv"))).extracting(r -> r.get("number"))
                .containsExactly("+49 000 123", "+49 000 124");
        assertThat(Packages.rows(files.get("programs.csv"))).extracting(r -> r.get("organization_id"))
                .containsExactly(HsdsIds.of("organization", "hs-land"), HsdsIds.of("organization", "hs-stiftung"));
    }

    @Test
    void readsAThirdPartyPackageWithDefaultsForWhatItDoesNotSay() throws IOException {
        Dataset dataset = read(Packages.zip(Packages.huegelland()), "999920000000");

        assertThat(nodes(dataset, GraphSpec.ACTOR)).containsOnlyKeys("hs-org-beratung", "hs-org-stadt");
        assertThat(nodes(dataset, GraphSpec.ACTOR).get("hs-org-beratung")).containsEntry("kind", "FREE_PROVIDER")
                .containsEntry("description", "Beratung für Zugewanderte, offen für alle");
        assertThat(nodes(dataset, GraphSpec.ACTOR).get("hs-org-stadt")).containsEntry("kind", "AUTHORITY")
                .doesNotContainKey("description");
        assertThat(nodes(dataset, GraphSpec.SERVICE).get("hs-svc-beratung")).containsEntry("form", "OTHER")
                .containsEntry("minAge", 18L).containsEntry("languages", List.of("ar", "uk"))
                .containsEntry("lastVerified", java.time.LocalDate.of(2026, 10, 1));
        assertThat(nodes(dataset, GraphSpec.SERVICE).get("hs-svc-sprachcafe"))
                .containsEntry("description", "Offenes Sprachcafé,\r\nmontags ab 17 Uhr");
        assertThat(links(dataset, "SERVES")).containsOnlyKeys("hs-svc-beratung→057110000000",
                "hs-svc-sprachcafe→055150000000");
        assertThat(links(dataset, "IN_FIELD")).containsOnlyKeys("hs-svc-beratung→MIGRATION_COUNSELLING",
                "hs-svc-sprachcafe→LANGUAGE_COURSES");
        assertThat(links(dataset, "FOR_GROUP")).containsOnlyKeys("hs-svc-beratung→REFUGEES");
        assertThat(links(dataset, "FUNDED_BY")).containsOnlyKeys("fb-hs-svc-beratung-hs-prog-integration");
        assertThat(links(dataset, "FUNDS")).containsOnlyKeys("hs-org-stadt→hs-prog-integration");
        assertThat(links(dataset, "PROVIDES")).hasSize(2);
    }

    @Test
    void aBadCellIsReportedWithFileLineAndColumn() {
        Map<String, String> files = Packages.huegelland();
        files.put("services.csv", files.get("services.csv").replace("active,18,", "active,achtzehn,"));
        files.put("service_areas.csv", files.get("service_areas.csv").replace("regionalKey/055150000000",
                "regionalKey/05515"));
        files.put("taxonomy_terms.csv", files.get("taxonomy_terms.csv").replace("FREE_PROVIDER", "TRAEGER"));
        files.put("languages.csv", files.get("languages.csv").replace("hs-lang-3,hs-svc-sprachcafe",
                "hs-lang-3,hs-svc-unbekannt"));

        assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> read(Packages.zip(files), "999920000000"))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::location, Problem::field, Problem::code)
                        .containsExactlyInAnyOrder(
                                tuple("services.csv, Zeile 2", "minimum_age", "INVALID_VALUE"),
                                tuple("service_areas.csv, Zeile 3", "uri", "INVALID_VALUE"),
                                tuple("taxonomy_terms.csv, Zeile 5", "code", "UNKNOWN_TERM"),
                                tuple("attributes.csv, Zeile 5", "taxonomy_term_id", "UNKNOWN_REFERENCE"),
                                tuple("languages.csv, Zeile 4", "service_id", "UNKNOWN_REFERENCE")));
    }

    @Test
    void aBadAttributeValueOfOurOwnPackageNamesTheAttributeRow() throws IOException {
        Map<String, String> files = Packages.unzip(export(format, demo()));
        List<String> lines = new java.util.ArrayList<>(files.get("attributes.csv").lines().toList());
        int index = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(",capacity,service,")) {
                index = i;
                break;
            }
        }
        lines.set(index, lines.get(index).replaceFirst(",capacity,service,\\d+", ",capacity,service,viele"));
        files.put("attributes.csv", String.join("\r\n", lines) + "\r\n");

        int line = index + 1;
        assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> read(Packages.zip(files), DEMO_TENANT))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::location, Problem::field, Problem::code)
                        .containsExactly(tuple("attributes.csv, Zeile " + line, "value", "INVALID_VALUE")));
    }

    @Test
    void aPackageWithoutServicesOrNotAZipIsRefused() {
        Map<String, String> files = Packages.huegelland();
        files.remove("services.csv");
        assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> read(Packages.zip(files), "999920000000"))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::location, Problem::field, Problem::code)
                        .containsExactly(tuple("datapackage.json", "resources[2].path", "MISSING_FILE"),
                                tuple("datapackage.json", "resources", "MISSING_RESOURCE")));
        assertThatExceptionOfType(DatasetException.class)
                .isThrownBy(() -> read("id,name\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "999920000000"))
                .satisfies(e -> assertThat(e.problems()).extracting(Problem::code).containsExactly("INVALID_ZIP"));
    }

    /** Records of a label by key, their properties without empty lists. */
    static Map<String, Map<String, Object>> nodes(Dataset dataset, String label) {
        Map<String, Map<String, Object>> result = new TreeMap<>();
        dataset.nodes().stream().filter(n -> n.label().equals(label)).forEach(n -> result.put(n.key(), clean(n.properties())));
        return result;
    }

    /**
     * Relationships of a type: keyed ones by key with their properties, the others by endpoints with tenant only
     * (HSDS carries no validity or provenance of structural links).
     */
    static Map<String, Map<String, Object>> links(Dataset dataset, String type) {
        Map<String, Map<String, Object>> result = new TreeMap<>();
        dataset.relationships().stream().filter(r -> r.spec().type().equals(type))
                .filter(r -> !type.equals("FUNDED_BY") || r.spec().fromLabel().equals(GraphSpec.SERVICE))
                .filter(r -> !type.equals("PART_OF") || r.spec().fromLabel().equals(GraphSpec.ACTOR))
                .forEach(r -> result.put(r.key() != null ? r.key() : r.from() + "→" + r.to(), r.key() != null
                        ? clean(r.properties()) : Map.of("tenant", String.valueOf(r.properties().get("tenant")))));
        return result;
    }

    private static Map<String, Object> clean(Map<String, Object> properties) {
        Map<String, Object> result = new TreeMap<>(properties);
        result.values().removeIf(v -> v instanceof List<?> l && l.isEmpty());
        return result;
    }
}
