package de.kimgraph.model.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetBuilder;
import de.kimgraph.model.dataset.ReferenceAreas;

/**
 * A deterministic synthetic network with the statistical shape of DOMAIN.md §7, on the real NRW areas: every
 * Kreis and kreisfreie Stadt is a tenant with its own dataset, sized by its population, plus one dataset of the
 * Land (tenant {@value #LAND_TENANT}) holding the funders, the funding programmes and their requirements. The
 * same seed gives the same records, and a Kreis gets the same records whether it is generated alone
 * ({@link Scale#kreis(String)}) or as part of NRW ({@link Scale#nrw()}): each tenant draws from its own
 * random stream, seeded with the seed and its key.
 * <p>
 * All names are fictional and marked {@code (synthetisch)}; contacts are functional addresses under
 * {@code example.org}. Records are built through {@link DatasetBuilder}, so they pass the same validation as any
 * import, and they load with {@link de.kimgraph.model.dataset.DatasetLoader}.
 */
public final class SyntheticNetwork {

    /** Tenant of the Land's records (the ARS of Nordrhein-Westfalen). */
    public static final String LAND_TENANT = ReferenceAreas.NRW_ARS;
    public static final String SOURCE = "kim-graph synthetic generator";

    /**
     * What to generate: the tenants (ARS of Kreise or kreisfreie Städte) and the density per 1,000 inhabitants.
     * The NRW defaults give about 40,000 actors, 5,000 bodies and 60,000 services.
     */
    public record Scale(String name, List<String> tenants, double actorsPer1000, double bodiesPer1000,
                        double servicesPer1000) {

        public static final double ACTORS_PER_1000 = 2.23;
        public static final double BODIES_PER_1000 = 0.279;
        public static final double SERVICES_PER_1000 = 3.35;

        /** All 53 Kreise and kreisfreie Städte of NRW. */
        public static Scale nrw() {
            return new Scale("nrw", District.Districts.all().stream().map(District::ars).toList(), ACTORS_PER_1000,
                    BODIES_PER_1000, SERVICES_PER_1000);
        }

        /** One Kreis or kreisfreie Stadt, e.g. {@code 051580000000} (Kreis Mettmann). */
        public static Scale kreis(String ars) {
            District.of(ars);
            return new Scale("kreis-" + ars, List.of(ars), ACTORS_PER_1000, BODIES_PER_1000, SERVICES_PER_1000);
        }

        /** The named scale: {@code nrw}, {@code kreis} (Kreis Mettmann) or {@code kreis:<ARS>}. */
        public static Scale named(String name) {
            if (name.equals("nrw")) {
                return nrw();
            }
            if (name.equals("kreis")) {
                return kreis(DEFAULT_KREIS);
            }
            if (name.startsWith("kreis:")) {
                return kreis(name.substring("kreis:".length()));
            }
            throw new IllegalArgumentException("Unbekannte Größe " + name + " (nrw, kreis, kreis:<ARS>) / unknown scale");
        }
    }

    /** Kreis Mettmann: 10 Gemeinden, 484,000 inhabitants, in the middle of the DOMAIN.md range of one Kreis. */
    public static final String DEFAULT_KREIS = "051580000000";

    /** The datasets to load in order (the Land first), and their census. */
    public record Network(List<Dataset> datasets, Map<String, Integer> nodes, Map<String, Integer> relationships) {

        public int nodeCount() {
            return nodes.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int relationshipCount() {
            return relationships.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private SyntheticNetwork() {
    }

    public static Network generate(Scale scale, long seed) {
        List<Dataset> datasets = new ArrayList<>();
        datasets.add(new LandGenerator().build());
        for (String tenant : scale.tenants()) {
            SplittableRandom random = new SplittableRandom(seed ^ Long.parseLong(tenant) * 0x9E3779B97F4A7C15L);
            datasets.add(new DistrictGenerator(District.of(tenant), scale, random).build());
        }
        Map<String, Integer> nodes = new TreeMap<>();
        Map<String, Integer> relationships = new TreeMap<>();
        for (Dataset dataset : datasets) {
            dataset.nodes().forEach(n -> nodes.merge(n.label(), 1, Integer::sum));
            dataset.relationships().forEach(r -> relationships.merge(r.spec().type(), 1, Integer::sum));
        }
        return new Network(List.copyOf(datasets), nodes, relationships);
    }

    /** The funding programmes of the Land dataset, with their end dates (some end soon: funding cliffs). */
    static final List<Programme> PROGRAMMES = List.of(
            new Programme("syn-prog-kim", "Kommunales Integrationsmanagement (synthetisch)", "STATE", "2027-12-31"),
            new Programme("syn-prog-ki", "Kommunale Integrationszentren (synthetisch)", "STATE", null),
            new Programme("syn-prog-mbe", "Migrationsberatung für Erwachsene (synthetisch)", "FEDERAL", "2027-12-31"),
            new Programme("syn-prog-jmd", "Jugendmigrationsdienste (synthetisch)", "FEDERAL", "2028-12-31"),
            new Programme("syn-prog-asyl", "Asylverfahrensberatung (synthetisch)", "FEDERAL", "2027-06-30"),
            new Programme("syn-prog-wuv", "Wegweiser und Vernetzung (synthetisch)", "STATE", "2026-12-31"),
            new Programme("syn-prog-ehrenamt", "Ehrenamt und Teilhabe (synthetisch)", "STATE", "2027-03-31"),
            new Programme("syn-prog-amif", "Asyl-, Migrations- und Integrationsfonds (synthetisch)", "EU", "2027-12-31"),
            new Programme("syn-prog-stiftung", "Stiftungsfonds Zusammenhalt (synthetisch)", "FOUNDATION", "2026-12-31"),
            new Programme("syn-prog-kommune", "Kommunaler Integrationsfonds (synthetisch)", "MUNICIPAL", null));

    record Programme(String key, String name, String funderLevel, String periodEnd) {
    }

    /** The Land's funders, programmes and requirements. */
    private static final class LandGenerator {

        private final DatasetBuilder builder = new DatasetBuilder("synthetic-land", LAND_TENANT, SOURCE, "PUBLISHED");

        Dataset build() {
            Map<String, String> funders = new LinkedHashMap<>();
            funders.put("STATE", actor("syn-land-ministerium", "Landesministerium für Integration (synthetisch)",
                    "AUTHORITY", "STATE"));
            funders.put("FEDERAL", actor("syn-bund-bamf", "Bundesbehörde für Migration (synthetisch)", "AUTHORITY",
                    "FEDERAL"));
            funders.put("EU", actor("syn-eu-fonds", "EU-Fondsverwaltung (synthetisch)", "FUNDER", "STATE"));
            funders.put("FOUNDATION", actor("syn-stiftung", "Stiftung Zusammenhalt (synthetisch)", "FOUNDATION",
                    "STATE"));
            funders.put("MUNICIPAL", actor("syn-kommunalverband", "Kommunaler Spitzenverband (synthetisch)",
                    "POLITICAL_BODY", "STATE"));
            builder.relationship("BASED_IN", null, null, Map.of("from", "syn-land-ministerium", "to", LAND_TENANT),
                    "land");
            for (Programme programme : PROGRAMMES) {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("key", programme.key());
                node.put("name", programme.name());
                node.put("funderLevel", programme.funderLevel());
                node.put("renewal", programme.periodEnd() == null ? "PERMANENT" : "MULTI_YEAR");
                if (programme.periodEnd() != null) {
                    node.put("periodEnd", LocalDate.parse(programme.periodEnd()));
                }
                builder.node("FundingProgramme", node, programme.key());
                builder.relationship("FUNDS", null, null,
                        Map.of("from", funders.get(programme.funderLevel()), "to", programme.key()), programme.key());
            }
            requirement("syn-req-kim-lenkung", "STEERING_BODY",
                    "Eine Lenkungsgruppe steuert das Kommunale Integrationsmanagement (synthetisch).", "syn-prog-kim");
            requirement("syn-req-kim-schnittstelle", "DEFINED_INTERFACE",
                    "Die Schnittstelle zur Migrationsberatung ist definiert (synthetisch).", "syn-prog-kim");
            requirement("syn-req-ki-konzept", "CONCEPT", "Ein Integrationskonzept liegt vor (synthetisch).",
                    "syn-prog-ki");
            return builder.build();
        }

        private String actor(String key, String name, String kind, String level) {
            builder.node("Actor", Map.of("key", key, "name", name, "kind", kind, "sector", "PUBLIC", "level", level,
                    "email", "kontakt@" + key + ".example.org"), key);
            return key;
        }

        private void requirement(String key, String kind, String description, String programme) {
            builder.node("Requirement", Map.of("key", key, "kind", kind, "description", description), key);
            builder.relationship("REQUIRES", null, null, Map.of("from", programme, "to", key), key);
        }
    }
}
