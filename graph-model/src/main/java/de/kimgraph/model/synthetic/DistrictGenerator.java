package de.kimgraph.model.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import de.kimgraph.model.dataset.Dataset;
import de.kimgraph.model.dataset.DatasetBuilder;

/**
 * The records of one tenant (a Kreis or kreisfreie Stadt). The shape: a fixed core of public authorities (Kreis
 * administration with its Kommunales Integrationszentrum, Ausländerbehörde, Sozialamt, Jugendamt, Jobcenter,
 * Agentur für Arbeit, one administration per Gemeinde), then providers, associations and initiatives drawn by kind
 * and placed by population; bodies whose members are drawn with preferential attachment (authorities and welfare
 * associations sit in many bodies, most initiatives in none or one); services with a skewed distribution over
 * fields of action (so that rare fields leave gaps); time-limited services and positions funded by the Land's
 * programmes, several of which end soon (funding cliffs); a few near-duplicate actors and bodies (duplicate
 * structures); declared handovers between the authorities of different legal domains (interface points); about
 * 8 % ended records (history).
 */
final class DistrictGenerator {

    private static final String[] FIELDS = {"MIGRATION_COUNSELLING", "LANGUAGE_COURSES", "WORK_ECONOMY",
            "EDUCATION_LANGUAGE", "HEALTH", "HOUSING", "FAMILY", "PARTICIPATION", "VOLUNTEERING", "LEISURE",
            "LANGUAGE_MEDIATION", "SOCIAL_SECURITY", "LEGAL_STATUS_RESIDENCE", "ANTI_DISCRIMINATION", "MOBILITY"};
    private static final double[] FIELD_WEIGHTS = {16, 13, 12, 10, 8, 7, 7, 6, 6, 5, 4, 3, 2, 0.8, 0.4};
    private static final String[] GROUPS = {"NEWCOMERS", "REFUGEES", "ASYLUM_SEEKERS", "TOLERATED",
            "RECOGNISED_REFUGEES", "SUBSIDIARY_PROTECTION", "EU_CITIZENS", "LATE_RESETTLERS", "THIRD_COUNTRY_NATIONALS",
            "YOUNG_PEOPLE", "WOMEN", "UNACCOMPANIED_MINORS", "SOUTH_EAST_EUROPE", "SKILLED_WORKERS", "EMPLOYERS"};
    private static final double[] GROUP_WEIGHTS = {14, 14, 8, 3, 6, 3, 5, 2, 6, 9, 7, 1.5, 1.5, 4, 2};
    private static final String[] DOMAINS = {"AUFENTHG", "ASYLG", "ASYLBLG", "SGB_II", "SGB_III", "SGB_VIII",
            "SGB_XII", "STAG", "BESCHV"};
    private static final String[] STATUSES = {"ASYLUM_SEEKER", "TOLERATED", "RECOGNISED_REFUGEE",
            "SUBSIDIARY_PROTECTION", "TEMPORARY_PROTECTION", "RESIDENCE_PERMIT", "SETTLEMENT_PERMIT"};
    private static final String[] LANGUAGES = {"en", "ar", "tr", "uk", "ru", "fa", "ro", "bg", "pl", "ti", "ku", "so",
            "prs", "fr"};

    /** Kinds of the non-core actors, their share, German name stem and sector. */
    private record Kind(String kind, double share, String stem, String sector, double providerWeight,
                        double memberWeight) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("WELFARE_ASSOCIATION", 8, "Wohlfahrtsverband", "THIRD_SECTOR", 10, 8),
            new Kind("FREE_PROVIDER", 15, "Freier Träger", "THIRD_SECTOR", 6, 3),
            new Kind("MIGRANT_ORGANISATION", 20, "Migrantenorganisation", "CIVIL_SOCIETY", 2, 1.5),
            new Kind("VOLUNTEER_INITIATIVE", 21, "Ehrenamtsinitiative", "CIVIL_SOCIETY", 1.5, 1),
            new Kind("EDUCATION_PROVIDER", 10, "Bildungsträger", "PRIVATE", 5, 2),
            new Kind("EMPLOYER_OR_CHAMBER", 8, "Betrieb", "PRIVATE", 0.5, 0.5),
            new Kind("CHURCH", 7, "Kirchengemeinde", "CIVIL_SOCIETY", 1.5, 1),
            new Kind("FOUNDATION", 3, "Stiftung", "THIRD_SECTOR", 0.5, 0.5),
            new Kind("POLITICAL_BODY", 2, "Integrationsrat", "PUBLIC", 0, 2),
            new Kind("OTHER", 6, "Verein", "CIVIL_SOCIETY", 1, 0.5));

    private static final String[] BODY_TYPES = {"WORKING_GROUP", "ROUND_TABLE", "EXCHANGE_PLATFORM", "PROJECT_GROUP",
            "CASE_CONFERENCE", "JOUR_FIXE", "LOCAL_CONFERENCE", "PLANNING_CONFERENCE"};
    private static final double[] BODY_TYPE_WEIGHTS = {30, 20, 12, 12, 8, 8, 5, 5};
    private static final String[] BODY_STEMS = {"Arbeitskreis", "Runder Tisch", "Austauschplattform", "Projektgruppe",
            "Fallkonferenz", "Jour fixe", "Konferenz", "Planungskonferenz"};
    private static final String[] FREQUENCIES = {"WEEKLY", "MONTHLY", "QUARTERLY", "HALF_YEARLY", "YEARLY", "AD_HOC"};
    private static final String[] LEVELS = {"LEADERSHIP", "MIDDLE_MANAGEMENT", "OPERATIONAL"};

    private final District district;
    private final SyntheticNetwork.Scale scale;
    private final SplittableRandom random;
    private final DatasetBuilder builder;
    private final String prefix;

    private final List<String> actors = new ArrayList<>();
    private final List<Double> memberWeights = new ArrayList<>();
    private final List<Double> providerWeights = new ArrayList<>();
    private final Map<String, String> actorGemeinde = new LinkedHashMap<>();
    private final Map<String, List<String>> servicesByProvider = new LinkedHashMap<>();
    private final Set<String> pairs = new HashSet<>();
    private final double[] gemeindeWeights;
    private int relationCounter;
    private double[] memberArray;
    private double[] providerArray;

    DistrictGenerator(District district, SyntheticNetwork.Scale scale, SplittableRandom random) {
        this.district = district;
        this.scale = scale;
        this.random = random;
        this.builder = new DatasetBuilder("synthetic-" + district.ars(), district.ars(), SyntheticNetwork.SOURCE,
                "PUBLISHED");
        this.prefix = "syn-" + district.ars().substring(0, 5) + "-";
        this.gemeindeWeights = district.gemeinden().stream().mapToDouble(District.Gemeinde::population).toArray();
    }

    Dataset build() {
        double thousands = district.population() / 1000.0;
        int actorTarget = Math.max(60, (int) Math.round(thousands * scale.actorsPer1000()));
        int bodyTarget = Math.max(8, (int) Math.round(thousands * scale.bodiesPer1000()));
        int serviceTarget = Math.max(80, (int) Math.round(thousands * scale.servicesPer1000()));
        Core core = core();
        while (actors.size() < actorTarget) {
            otherActor();
        }
        memberArray = memberWeights.stream().mapToDouble(Double::doubleValue).toArray();
        providerArray = providerWeights.stream().mapToDouble(Double::doubleValue).toArray();
        bodies(bodyTarget, core);
        for (int i = 0; i < serviceTarget; i++) {
            service(i);
        }
        agreements(actorTarget / 50);
        funding(core);
        relations(core, actorTarget);
        roles(actorTarget / 10);
        return builder.build();
    }

    /** Keys of the core authorities. */
    private record Core(String administration, String integrationCentre, String immigration, String social,
                        String youth, String jobcenter, String employment) {
    }

    private Core core() {
        String name = district.name();
        boolean city = district.city();
        String administration = actor("verwaltung", (city ? "Stadtverwaltung " : "Kreisverwaltung ") + name,
                "AUTHORITY", "PUBLIC", city ? "MUNICIPAL" : "DISTRICT", district.ars(), 30, 3, null);
        String ki = actor("ki", "Kommunales Integrationszentrum " + name, "MUNICIPAL_UNIT", "PUBLIC",
                city ? "MUNICIPAL" : "DISTRICT", district.ars(), 40, 3, administration);
        String abh = actor("abh", "Ausländerbehörde " + name, "AUTHORITY", "PUBLIC", city ? "MUNICIPAL" : "DISTRICT",
                district.ars(), 20, 2, administration, "AUFENTHG", "ASYLG");
        String social = actor("sozialamt", "Sozialamt " + name, "MUNICIPAL_UNIT", "PUBLIC",
                city ? "MUNICIPAL" : "DISTRICT", district.ars(), 15, 3, administration, "ASYLBLG", "SGB_XII");
        String youth = actor("jugendamt", "Jugendamt " + name, "MUNICIPAL_UNIT", "PUBLIC",
                city ? "MUNICIPAL" : "DISTRICT", district.ars(), 15, 3, administration, "SGB_VIII");
        String jobcenter = actor("jobcenter", "Jobcenter " + name, "JOBCENTER", "PUBLIC", "DISTRICT", district.ars(),
                20, 4, null, "SGB_II");
        String employment = actor("agentur", "Agentur für Arbeit " + name, "AUTHORITY", "PUBLIC", "FEDERAL",
                district.ars(), 10, 3, null, "SGB_III", "BESCHV");
        if (!city) {
            for (District.Gemeinde gemeinde : district.gemeinden()) {
                actor("gv-" + gemeinde.ars().substring(9), "Verwaltung " + gemeinde.name(), "AUTHORITY", "PUBLIC",
                        "MUNICIPAL", gemeinde.ars(), 6, 2, null);
            }
        }
        return new Core(administration, ki, abh, social, youth, jobcenter, employment);
    }

    private String actor(String suffix, String name, String kind, String sector, String level, String area,
                         double memberWeight, double providerWeight, String parent, String... domains) {
        String key = prefix + suffix;
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("key", key);
        node.put("name", name + " (synthetisch)");
        node.put("kind", kind);
        node.put("sector", sector);
        node.put("level", level);
        node.put("email", "kontakt@" + key + ".example.org");
        node.put("validFrom", LocalDate.of(2000, 1, 1));
        builder.node("Actor", node, key);
        builder.relationship("BASED_IN", null, null, Map.of("from", key, "to", area), key);
        if (parent != null) {
            builder.relationship("PART_OF", "Actor", "Actor", Map.of("from", key, "to", parent), key);
        }
        for (String domain : domains) {
            builder.relationship("WORKS_UNDER", null, null, Map.of("from", key, "to", domain), key);
        }
        register(key, area, memberWeight, providerWeight);
        return key;
    }

    private void register(String key, String area, double memberWeight, double providerWeight) {
        actors.add(key);
        memberWeights.add(memberWeight);
        providerWeights.add(providerWeight);
        actorGemeinde.put(key, area);
    }

    private void otherActor() {
        int index = actors.size();
        Kind kind = KINDS.get(pick(KINDS.stream().mapToDouble(Kind::share).toArray()));
        District.Gemeinde gemeinde = district.gemeinden().get(pick(gemeindeWeights));
        String key = prefix + "a" + index;
        String name = kind.stem() + " " + gemeinde.name() + " " + index;
        boolean duplicate = index > 40 && random.nextDouble() < 0.01;
        if (duplicate) {
            // a second record of an earlier actor: the same name with a legal form, the same Gemeinde
            int earlier = 30 + random.nextInt(index - 30);
            String earlierKey = actors.get(earlier);
            name = nameOf(earlierKey).replace(" (synthetisch)", " e.V. (synthetisch)");
            gemeinde = new District.Gemeinde(actorGemeinde.get(earlierKey), "", 0);
        }
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("key", key);
        if (!duplicate) {
            name = name + " (synthetisch)";
        }
        node.put("name", name);
        node.put("kind", kind.kind());
        node.put("sector", kind.sector());
        node.put("level", "LOCAL");
        node.put("email", "info@" + key + ".example.org");
        LocalDate from = date(2005, 2025);
        node.put("validFrom", from);
        if (random.nextDouble() < 0.06) {
            node.put("validTo", end(from, 2025));
        }
        if (random.nextDouble() < 0.12) {
            node.put("visibility", "INTERNAL");
        }
        builder.node("Actor", node, key);
        builder.relationship("BASED_IN", null, null, Map.of("from", key, "to", gemeinde.ars()), key);
        names.put(key, name);
        // skewed activity: a few associations are very active, most are not
        double activity = Math.pow(random.nextDouble(), 3) * 4 + 0.2;
        register(key, gemeinde.ars(), kind.memberWeight() * activity, kind.providerWeight() * activity);
    }

    private final Map<String, String> names = new LinkedHashMap<>();

    private String nameOf(String key) {
        return names.getOrDefault(key, key);
    }

    private void bodies(int target, Core core) {
        String steering = body("lenkungsgruppe", "KIM-Lenkungsgruppe " + district.name(), "STEERING_BODY",
                "INTERSECTORAL", district.ars(), LocalDate.of(2021, 1, 1), null,
                List.of(core.administration(), core.integrationCentre(), core.immigration(), core.social(),
                        core.youth(), core.jobcenter(), core.employment()), "SOCIAL_SECURITY", "LEGAL_STATUS_RESIDENCE");
        String coreGroup = body("kerngruppe", "KIM-Kerngruppe " + district.name(), "CORE_GROUP", "INTERSECTORAL",
                district.ars(), LocalDate.of(2021, 3, 1), null,
                List.of(core.integrationCentre(), core.immigration(), core.social(), core.jobcenter()),
                "LEGAL_STATUS_RESIDENCE");
        builder.relationship("FEEDS_INTO", null, null, Map.of("from", coreGroup, "to", steering), coreGroup);
        List<String> created = new ArrayList<>();
        List<List<String>> memberLists = new ArrayList<>();
        List<String[]> fieldLists = new ArrayList<>();
        List<String> areas = new ArrayList<>();
        for (int i = 0; i < target - 2; i++) {
            int type = pick(BODY_TYPE_WEIGHTS);
            boolean copy = i > 5 && random.nextDouble() < 0.04;
            List<String> members;
            String[] fields;
            String area;
            if (copy) {
                // a parallel structure: most members, the field and the area of an earlier body
                int earlier = random.nextInt(created.size());
                members = new ArrayList<>(memberLists.get(earlier));
                if (members.size() > 4) {
                    members.remove(members.size() - 1);
                }
                fields = fieldLists.get(earlier);
                area = areas.get(earlier);
            } else {
                int size = 4 + (int) Math.min(26, -Math.log(1 - random.nextDouble()) * 5);
                members = sample(memberArray, size);
                fields = random.nextDouble() < 0.3 ? new String[]{field(), field()} : new String[]{field()};
                area = random.nextDouble() < 0.4 ? district.ars()
                        : district.gemeinden().get(pick(gemeindeWeights)).ars();
            }
            LocalDate from = date(2008, 2025);
            LocalDate to = random.nextDouble() < 0.07 ? end(from, 2025) : null;
            String key = body("b" + i, BODY_STEMS[type] + " " + Terms.field(fields[0]) + " " + areaName(area) + " "
                            + i, BODY_TYPES[type], area.equals(district.ars()) ? "INTER_MUNICIPAL" : "INTRA_MUNICIPAL",
                    area, from, to, members, fields);
            if (BODY_TYPES[type].equals("WORKING_GROUP") && random.nextDouble() < 0.5) {
                builder.relationship("FEEDS_INTO", null, null, Map.of("from", key, "to", steering), key);
            }
            created.add(key);
            memberLists.add(members);
            fieldLists.add(fields);
            areas.add(area);
        }
    }

    private String areaName(String ars) {
        for (District.Gemeinde gemeinde : district.gemeinden()) {
            if (gemeinde.ars().equals(ars)) {
                return gemeinde.name();
            }
        }
        return district.name();
    }

    private String body(String suffix, String name, String type, String scope, String area, LocalDate from,
                        LocalDate to, List<String> members, String... fields) {
        String key = prefix + suffix;
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("key", key);
        node.put("name", name + " (synthetisch)");
        node.put("type", type);
        node.put("scope", scope);
        node.put("status", to == null ? "ACTIVE" : "DISSOLVED");
        node.put("meetingFrequency", FREQUENCIES[random.nextInt(FREQUENCIES.length)]);
        node.put("validFrom", from);
        if (to != null) {
            node.put("validTo", to);
        }
        builder.node("Body", node, key);
        builder.relationship("COVERS", null, null, Map.of("from", key, "to", area), key);
        for (String field : new LinkedHashSetOf(fields)) {
            builder.relationship("ADDRESSES", null, null, Map.of("from", key, "to", field), key);
        }
        for (int i = 0; i < members.size(); i++) {
            Map<String, Object> membership = new LinkedHashMap<>();
            membership.put("key", key + "-m" + i);
            membership.put("from", members.get(i));
            membership.put("to", key);
            membership.put("role", i == 0 ? "CHAIR" : i == 1 && random.nextDouble() < 0.3 ? "SECRETARIAT"
                    : random.nextDouble() < 0.05 ? "GUEST" : "MEMBER");
            membership.put("hierarchyLevel", LEVELS[random.nextInt(LEVELS.length)]);
            membership.put("validFrom", from);
            if (to != null) {
                membership.put("validTo", to);
            } else if (i > 1 && random.nextDouble() < 0.05) {
                membership.put("validTo", end(from, 2025));
            }
            builder.relationship("MEMBER_OF", null, null, membership, key);
        }
        return key;
    }

    private void service(int index) {
        int providerIndex = pick(providerArray);
        String provider = actors.get(providerIndex);
        String key = prefix + "s" + index;
        String field = field();
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("key", key);
        node.put("name", Terms.field(field) + " – Angebot " + index + " (synthetisch)");
        node.put("form", form(field));
        List<String> languages = new ArrayList<>(List.of("de"));
        for (int i = random.nextInt(4); i > 0; i--) {
            String language = LANGUAGES[random.nextInt(LANGUAGES.length)];
            if (!languages.contains(language)) {
                languages.add(language);
            }
        }
        node.put("languages", languages);
        if (random.nextDouble() < 0.6) {
            node.put("capacity", 5 + random.nextInt(196));
        }
        if (random.nextDouble() < 0.2) {
            node.put("minAge", 12);
            node.put("maxAge", 27);
        } else if (random.nextDouble() < 0.1) {
            node.put("minAge", 18);
        }
        if (random.nextDouble() < 0.15) {
            node.put("eligibleStatuses", List.of(STATUSES[random.nextInt(STATUSES.length)],
                    STATUSES[random.nextInt(STATUSES.length)]).stream().distinct().toList());
        }
        LocalDate from = date(2010, 2025);
        node.put("validFrom", from);
        boolean limited = random.nextDouble() < 0.3;
        node.put("timeLimited", limited);
        if (limited) {
            node.put("validTo", date(2026, 2029));
        } else if (random.nextDouble() < 0.05) {
            node.put("validTo", end(from, 2025));
        }
        builder.node("Service", node, key);
        builder.relationship("PROVIDES", null, null, Map.of("from", provider, "to", key), key);
        builder.relationship("IN_FIELD", null, null, Map.of("from", key, "to", field), key);
        if (random.nextDouble() < 0.12) {
            builder.relationship("IN_FIELD", null, null, Map.of("from", key, "to", field()), key);
        }
        builder.relationship("FOR_GROUP", null, null, Map.of("from", key, "to", GROUPS[pick(GROUP_WEIGHTS)]), key);
        if (random.nextDouble() < 0.15) {
            builder.relationship("FOR_GROUP", null, null, Map.of("from", key, "to", GROUPS[pick(GROUP_WEIGHTS)]), key);
        }
        double where = random.nextDouble();
        String home = actorGemeinde.get(provider);
        builder.relationship("SERVES", null, null, Map.of("from", key, "to", where < 0.25 ? district.ars() : home), key);
        if (where > 0.92) {
            builder.relationship("SERVES", null, null,
                    Map.of("from", key, "to", district.gemeinden().get(pick(gemeindeWeights)).ars()), key);
        }
        if (random.nextDouble() < 0.2) {
            builder.relationship("UNDER", null, null, Map.of("from", key, "to", DOMAINS[random.nextInt(DOMAINS.length)]),
                    key);
        }
        if (limited) {
            List<SyntheticNetwork.Programme> programmes = SyntheticNetwork.PROGRAMMES;
            String first = programmes.get(random.nextInt(programmes.size())).key();
            boolean two = random.nextDouble() < 0.15;
            funded(key, first, two ? 0.5 : 0.6 + random.nextInt(5) * 0.1, from);
            if (two) {
                String second = programmes.get(random.nextInt(programmes.size())).key();
                if (!second.equals(first)) {
                    funded(key, second, 0.3, from);
                }
            }
        }
        servicesByProvider.computeIfAbsent(provider, p -> new ArrayList<>()).add(key);
    }

    private void funded(String owner, String programme, double share, LocalDate from) {
        Map<String, Object> funding = new LinkedHashMap<>();
        funding.put("key", "fb-" + owner + "-" + programme);
        funding.put("from", owner);
        funding.put("to", programme);
        funding.put("share", Math.round(share * 100) / 100.0);
        funding.put("validFrom", from);
        funding.put("visibility", "INTERNAL");
        builder.relationship("FUNDED_BY", owner.contains("-p-") ? "Position" : "Service", "FundingProgramme", funding,
                owner);
    }

    private String form(String field) {
        return switch (field) {
            case "MIGRATION_COUNSELLING", "SOCIAL_SECURITY", "LEGAL_STATUS_RESIDENCE" ->
                    random.nextDouble() < 0.3 ? "CASE_MANAGEMENT" : "CASE_WORK";
            case "LANGUAGE_COURSES", "EDUCATION_LANGUAGE" -> "COURSE";
            case "LANGUAGE_MEDIATION" -> "INTERPRETING";
            case "LEISURE", "VOLUNTEERING", "PARTICIPATION" -> random.nextDouble() < 0.5 ? "GROUP_OFFER" : "PROJECT";
            default -> random.nextDouble() < 0.5 ? "REFERRAL_ADVICE" : "CONTACT_POINT";
        };
    }

    private void agreements(int count) {
        for (int i = 0; i < count; i++) {
            List<String> parties = sample(providerArray, 2);
            String key = prefix + "v" + i;
            builder.node("Agreement", Map.of("key", key, "title", "Kooperationsvereinbarung " + i + " (synthetisch)",
                    "kind", "COOPERATION_AGREEMENT", "validFrom", date(2015, 2025)), key);
            for (String party : parties) {
                builder.relationship("PARTY_TO", null, null, Map.of("from", party, "to", key), key);
            }
            List<String> services = servicesByProvider.get(parties.getFirst());
            if (services != null) {
                builder.relationship("GOVERNS", "Agreement", "Service",
                        Map.of("from", key, "to", services.getFirst()), key);
            }
        }
    }

    private void funding(Core core) {
        grant("syn-prog-kim", core.administration(), 600_000 + random.nextInt(600_000));
        grant("syn-prog-ki", core.integrationCentre(), 300_000 + random.nextInt(200_000));
        int positions = 4 + random.nextInt(5);
        for (int i = 0; i < positions; i++) {
            position("kim" + i, i < 2 ? "KIM-Koordination " + (i + 1) : "KIM-Case-Management " + (i - 1),
                    i < 2 ? "COORDINATION" : "CASE_MANAGEMENT", core.integrationCentre(), "syn-prog-kim",
                    0.8 + random.nextInt(3) * 0.1);
        }
        position("ki0", "Leitung Kommunales Integrationszentrum", "COORDINATION", core.integrationCentre(),
                "syn-prog-ki", 1.0);
        int welfare = 0;
        for (int i = 0; i < actors.size(); i++) {
            if (nameOf(actors.get(i)).startsWith("Wohlfahrtsverband") && welfare < 12) {
                String programme = welfare % 3 == 2 ? "syn-prog-jmd" : "syn-prog-mbe";
                position("w" + welfare, (programme.equals("syn-prog-jmd") ? "Jugendmigrationsdienst " : "Migrationsberatung ")
                        + welfare, "COUNSELLING", actors.get(i), programme, 1.0);
                if (welfare == 0) {
                    Map<String, Object> passOn = new LinkedHashMap<>();
                    passOn.put("key", prefix + "pass-kim");
                    passOn.put("from", core.administration());
                    passOn.put("to", actors.get(i));
                    passOn.put("programme", "syn-prog-kim");
                    passOn.put("amount", 120_000);
                    passOn.put("validFrom", LocalDate.of(2021, 1, 1));
                    passOn.put("visibility", "INTERNAL");
                    builder.relationship("PASSES_ON", null, null, passOn, "pass-kim");
                    keyedRelation("SUPERVISES", core.integrationCentre(), actors.get(i), Map.of("kind", "PROFESSIONAL"));
                }
                welfare++;
            }
        }
    }

    private void grant(String programme, String actor, int amount) {
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("key", prefix + "grant-" + programme);
        grant.put("from", programme);
        grant.put("to", actor);
        grant.put("amount", amount);
        grant.put("validFrom", LocalDate.of(2021, 1, 1));
        grant.put("visibility", "INTERNAL");
        builder.relationship("GRANTS", null, null, grant, programme);
    }

    private void position(String suffix, String title, String function, String unit, String programme, double share) {
        String key = prefix + "p-" + suffix;
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("key", key);
        node.put("title", title + " (synthetisch)");
        node.put("fte", random.nextDouble() < 0.7 ? 1.0 : 0.5);
        node.put("function", function);
        node.put("permanent", false);
        node.put("contractEnd", LocalDate.of(2027, 12, 31));
        node.put("validFrom", LocalDate.of(2021, 1, 1));
        node.put("visibility", "INTERNAL");
        builder.node("Position", node, key);
        builder.relationship("IN_UNIT", null, null, Map.of("from", key, "to", unit, "visibility", "INTERNAL"), key);
        funded(key, programme, Math.min(1.0, share), LocalDate.of(2021, 1, 1));
    }

    private void relations(Core core, int actorCount) {
        handover(core.immigration(), core.social(), "ASYLG", "ASYLBLG", true);
        handover(core.social(), core.jobcenter(), "ASYLBLG", "SGB_II", random.nextBoolean());
        handover(core.immigration(), core.jobcenter(), "AUFENTHG", "SGB_II", false);
        handover(core.jobcenter(), core.employment(), "SGB_II", "SGB_III", random.nextBoolean());
        handover(core.immigration(), core.youth(), "ASYLG", "SGB_VIII", false);
        for (int i = 0; i < actorCount / 4; i++) {
            List<String> pair = sample(memberArray, 2);
            keyedRelation("COOPERATES_WITH", pair.get(0), pair.get(1), Map.of());
        }
        for (int i = 0; i < actorCount / 7; i++) {
            List<String> pair = sample(providerArray, 2);
            keyedRelation("REFERS_TO", pair.get(0), pair.get(1), Map.of());
        }
        for (int i = 0; i < actorCount / 100 + 1; i++) {
            keyedRelation("CO_FINANCES", "syn-stiftung", actors.get(20 + random.nextInt(actors.size() - 20)), Map.of());
        }
    }

    private void handover(String from, String to, String fromDomain, String toDomain, boolean managed) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("fromDomain", fromDomain);
        properties.put("toDomain", toDomain);
        if (managed) {
            properties.put("trigger", "Wechsel des Rechtskreises (synthetisch)");
            properties.put("medium", "EMAIL");
            properties.put("namedContact", true);
        }
        keyedRelation("HANDS_OVER_TO", from, to, properties);
    }

    private void keyedRelation(String type, String from, String to, Map<String, Object> properties) {
        if (from.equals(to) || !pairs.add(type + "|" + from + "|" + to)) {
            return;
        }
        Map<String, Object> raw = new LinkedHashMap<>(properties);
        raw.put("key", prefix + "r" + relationCounter++);
        raw.put("from", from);
        raw.put("to", to);
        raw.put("validFrom", date(2012, 2025));
        builder.relationship(type, null, null, raw, type);
    }

    private void roles(int count) {
        String[] titles = {"Koordination", "Leitung", "Beratung", "Geschäftsstelle", "Ehrenamtskoordination"};
        Set<String> holders = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String actor = actors.get(pick(memberArray));
            if (!holders.add(actor)) {
                continue;
            }
            String key = prefix + "role" + i;
            builder.node("Role", Map.of("key", key, "title", titles[random.nextInt(titles.length)] + " (synthetisch)",
                    "email", "funktion@" + actor + ".example.org"), key);
            builder.relationship("HELD_IN", null, null, Map.of("from", key, "to", actor), key);
        }
    }

    private String field() {
        return FIELDS[pick(FIELD_WEIGHTS)];
    }

    /** A day after {@code from}, at the latest in {@code toYear} (the day after when {@code from} is later). */
    private LocalDate end(LocalDate from, int toYear) {
        LocalDate end = date(from.getYear(), Math.max(from.getYear(), toYear));
        return end.isAfter(from) ? end : from.plusDays(1 + random.nextInt(200));
    }

    private LocalDate date(int fromYear, int toYear) {
        return LocalDate.of(fromYear + random.nextInt(toYear - fromYear + 1), 1 + random.nextInt(12),
                1 + random.nextInt(28));
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** {@code size} distinct actors drawn by weight (fewer when there are not enough with a weight). */
    private List<String> sample(double[] w, int size) {
        double[] cumulative = new double[w.length];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            total += w[i];
            cumulative[i] = total;
        }
        Set<Integer> chosen = new java.util.LinkedHashSet<>();
        for (int attempt = 0; chosen.size() < size && attempt < size * 20; attempt++) {
            double target = random.nextDouble() * total;
            int index = java.util.Arrays.binarySearch(cumulative, target);
            chosen.add(index >= 0 ? index : Math.min(w.length - 1, -index - 1));
        }
        return chosen.stream().map(actors::get).toList();
    }

    /** Distinct values in order. */
    private static final class LinkedHashSetOf extends java.util.LinkedHashSet<String> {
        LinkedHashSetOf(String[] values) {
            super(List.of(values));
        }
    }

    /** German labels of the fields of action (vocabularies.json), for names. */
    private static final class Terms {
        private static final Map<String, String> LABELS = Map.ofEntries(
                Map.entry("LEGAL_STATUS_RESIDENCE", "Rechtsstatus und Aufenthalt"),
                Map.entry("EDUCATION_LANGUAGE", "Bildung und Sprache"), Map.entry("WORK_ECONOMY", "Arbeit und Wirtschaft"),
                Map.entry("SOCIAL_SECURITY", "Soziale Sicherung"), Map.entry("HOUSING", "Wohnen"),
                Map.entry("HEALTH", "Gesundheit"), Map.entry("PARTICIPATION", "Teilhabe"),
                Map.entry("ANTI_DISCRIMINATION", "Abbau von Diskriminierung"), Map.entry("FAMILY", "Familie"),
                Map.entry("LEISURE", "Freizeit"), Map.entry("VOLUNTEERING", "Ehrenamt"),
                Map.entry("LANGUAGE_MEDIATION", "Sprachmittlung"), Map.entry("MOBILITY", "Mobilität"),
                Map.entry("MIGRATION_COUNSELLING", "Migrationsberatung"), Map.entry("LANGUAGE_COURSES", "Sprachkurse"));

        static String field(String key) {
            return LABELS.get(key);
        }
    }
}
