package de.kimgraph.queries.analytics.coverage;

import de.kimgraph.queries.analytics.Rows;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import de.kimgraph.queries.analytics.CypherFiles;
import de.kimgraph.queries.analytics.Evidence;
import de.kimgraph.queries.analytics.Finding;
import de.kimgraph.queries.analytics.Scope;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gap findings of a scope (DOMAIN.md §5.2), each with evidence and a German and English explanation.
 *
 * <p>"Services in scope" are the valid services that SERVE the scope area, one of its sub-areas or an area
 * containing it; "in field X" means X or one of its sub-fields. Every kind is a set difference computed once per
 * scope, never a query per combination:
 * <ul>
 *   <li>STATUS_GAP, per counselling field and residence status: the ages (from {@code statusGapMinAge}) that the
 *       field's services cover for someone, minus the ages covered by the services admitting the status (no
 *       {@code eligibleStatuses}, or the status among them). A field without any service is a spatial gap, not a
 *       status gap. The fields are an argument because a language course or a meeting place admitting a status does
 *       not counsel it (the demo oracle: tolerated persons aged 28+ have no counselling, but many other services).</li>
 *   <li>SPATIAL_GAP, per counselling field and Gemeinde: no valid service of the field reaches the Gemeinde.</li>
 *   <li>AGE_GAP, per field: an interior hole in the union of the age ranges of the field's services, i.e.
 *       uncovered ages with covered ages on both sides (the ages below the youngest or above the oldest offer are
 *       not gaps: a field of school offers need not serve pensioners).</li>
 *   <li>LANGUAGE_GAP: a language requested in the scope area or one of its sub-areas that no service in scope
 *       offers.</li>
 *   <li>BODY_GAP: a field with services in scope (own field) that no valid, active body in scope addresses, itself
 *       or through an enclosing field.</li>
 *   <li>PROGRAMME_REQUIREMENT_GAP: see {@link ProgrammeRequirements}.</li>
 * </ul>
 * The gaps are scope-wide except the spatial ones: "no service admits tolerated persons aged 28+ in the Kreis" is
 * one finding, not one per Gemeinde; the matrix shows the same per Gemeinde.
 */
@Component
@Transactional(readOnly = true)
public class CoverageFindings {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /**
     * At most this many services of one role are listed as evidence (and named in the explanation); the figures
     * carry the full counts. A Land-wide body gap would otherwise list thousands of services.
     */
    static final int MAX_LISTED_SERVICES = 25;

    private final Neo4jClient client;
    private final ProgrammeRequirements requirements;

    public CoverageFindings(Neo4jClient client, ProgrammeRequirements requirements) {
        this.client = client;
        this.requirements = requirements;
    }

    /** A valid service in scope, as the gap questions need it. */
    record ServiceInScope(String key, String name, AgeBand ages, List<String> eligibleStatuses, List<String> languages,
                          List<String> ownFields, List<String> fields) {

        boolean admits(String status) {
            return eligibleStatuses.isEmpty() || eligibleStatuses.contains(status);
        }

        Evidence evidence(String role) {
            return new Evidence("SERVICE", key, name, role);
        }
    }

    /** All findings, most severe first: programme requirements, status and spatial gaps, age and language gaps, body gaps. */
    public List<Finding> findings(Scope scope, CoverageOptions options) {
        Axes axes = Axes.load(client, scope);
        axes.requireFields(options.counsellingFields(), "counsellingFields");
        List<ServiceInScope> services = services(scope, axes);
        List<Finding> findings = new ArrayList<>(requirements.check(scope, axes.areaName()).findings());
        findings.addAll(statusGaps(scope, axes, services, options));
        findings.addAll(spatialGaps(scope, axes, options));
        findings.addAll(ageGaps(scope, axes, services));
        findings.addAll(languageGaps(scope, axes, services));
        findings.addAll(bodyGaps(scope, axes, services));
        return findings;
    }

    private List<ServiceInScope> services(Scope scope, Axes axes) {
        Map<String, List<String>> enclosing = axes.enclosingFields();
        return client.query(CypherFiles.get("coverage/services-in-scope", scope.read())).bindAll(scope.parameters()).fetch().all()
                .stream().map(row -> {
                    List<String> own = Rows.strings(row.get("ownFields")).stream().filter(enclosing::containsKey)
                            .sorted().toList();
                    List<String> fields = own.stream().flatMap(f -> enclosing.get(f).stream()).distinct().toList();
                    return new ServiceInScope((String) row.get("key"), (String) row.get("name"),
                            AgeBand.of((Number) row.get("minAge"), (Number) row.get("maxAge")),
                            Rows.strings(row.get("eligibleStatuses")), Rows.strings(row.get("languages")), own, fields);
                })
                .toList();
    }

    private List<Finding> statusGaps(Scope scope, Axes axes, List<ServiceInScope> services, CoverageOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (String field : options.counsellingFields()) {
            List<ServiceInScope> inField = services.stream().filter(s -> s.fields().contains(field)).toList();
            List<AgeBand> fieldAges = AgeBand.from(AgeBand.union(inField.stream().map(ServiceInScope::ages).toList()),
                    options.statusGapMinAge());
            for (Map<String, Object> status : axes.statuses().values()) {
                String statusKey = (String) status.get("key");
                List<ServiceInScope> admitting = inField.stream().filter(s -> s.admits(statusKey)).toList();
                List<AgeBand> gaps = AgeBand.minus(fieldAges,
                        AgeBand.union(admitting.stream().map(ServiceInScope::ages).toList()));
                for (AgeBand gap : gaps) {
                    findings.add(statusGap(scope, axes, field, status, gap, admitting,
                            inField.stream().filter(s -> !s.admits(statusKey) && s.ages().overlaps(gap)).toList()));
                }
            }
        }
        return findings;
    }

    private Finding statusGap(Scope scope, Axes axes, String field, Map<String, Object> status, AgeBand gap,
                              List<ServiceInScope> admitting, List<ServiceInScope> excluding) {
        String statusKey = (String) status.get("key");
        List<Map<String, Object>> groups = axes.groups().values().stream()
                .filter(g -> Rows.strings(g.get("statuses")).equals(List.of(statusKey))).toList();
        String whoDe = groups.isEmpty() ? "Menschen mit dem Aufenthaltsstatus „" + Axes.label(status, true) + "“"
                : Axes.label(groups.getFirst(), true) + " (Aufenthaltsstatus „" + Axes.label(status, true) + "“)";
        String whoEn = groups.isEmpty() ? "People with residence status \"" + Axes.label(status, false) + "\""
                : Axes.label(groups.getFirst(), false) + " (residence status \"" + Axes.label(status, false) + "\")";

        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("RESIDENCE_STATUS", statusKey, Axes.label(status, true), "Aufenthaltsstatus ohne zulassendes Angebot"));
        for (Map<String, Object> group : groups) {
            evidence.add(new Evidence("TARGET_GROUP", (String) group.get("key"), Axes.label(group, true), "Zielgruppe mit diesem Status"));
        }
        fieldEvidence(axes, field, "Beratungsfeld", evidence);
        evidence.add(new Evidence("AREA", scope.area(), axes.areaName(), "Gebiet"));
        for (ServiceInScope s : listed(admitting)) {
            evidence.add(s.evidence("lässt den Status zu, Alter " + s.ages().range(true)));
        }
        for (ServiceInScope s : listed(excluding)) {
            evidence.add(s.evidence("deckt das Alter ab, schließt den Status aus"));
        }

        String admittingDe = admitting.isEmpty() ? "Kein Angebot des Feldes lässt den Status überhaupt zu."
                : "Zugelassen wird der Status nur von: " + String.join(", ", listed(admitting).stream()
                .map(s -> s.name() + " (" + s.ages().range(true) + ")").toList()) + ".";
        String admittingEn = admitting.isEmpty() ? "No service of the field admits the status at all."
                : "Only these admit the status: " + String.join(", ", listed(admitting).stream()
                .map(s -> s.name() + " (" + s.ages().range(false) + ")").toList()) + ".";
        String excludingDe = excluding.isEmpty() ? "" : " " + excluding.size() + " Angebote decken dieses Alter ab, "
                + "schließen den Status aber aus, z. B. " + examples(excluding) + ".";
        String excludingEn = excluding.isEmpty() ? "" : " " + excluding.size() + " services cover these ages but "
                + "exclude the status, e.g. " + examples(excluding) + ".";
        Map<String, Double> figures = ageFigures(gap);
        figures.put("admittingServices", (double) admitting.size());
        figures.put("excludingServices", (double) excluding.size());
        return Finding.of("STATUS_GAP", "HIGH",
                "%s %s: Im Handlungsfeld %s lässt in %s kein gültiges Angebot diesen Status zu, obwohl das Feld dieses Alter für andere abdeckt. "
                        .formatted(whoDe, gap.de(), fieldPhrase(axes, field, true), axes.areaName())
                        + admittingDe + excludingDe
                        + " Zu klären: ob ein Träger (etwa mit Landes- oder Kreismitteln) Menschen mit diesem Status in diesem Alter beraten kann.",
                "%s %s: in the field %s, no valid service in %s admits this status, although the field serves these ages for others. "
                        .formatted(whoEn, gap.en(), fieldPhrase(axes, field, false), axes.areaName())
                        + admittingEn + excludingEn
                        + " To do: find out whether a provider (e.g. with Land or Kreis funds) can counsel people with this status at this age.",
                evidence).withFigures(figures);
    }

    private List<Finding> spatialGaps(Scope scope, Axes axes, CoverageOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (String field : options.counsellingFields()) {
            List<String> fields = new ArrayList<>(List.of(field));
            fields.addAll(axes.subFields(field));
            Map<String, Map<String, Object>> byArea = new HashMap<>();
            client.query(CypherFiles.get("coverage/counselling-reach", scope.read()))
                    .bindAll(scope.parameters(Map.of("fields", fields))).fetch().all()
                    .forEach(row -> byArea.put((String) row.get("area"), row));
            for (Map<String, Object> gemeinde : axes.gemeinden()) {
                List<Map<String, Object>> reach = Rows.strings(gemeinde.get("chain")).stream()
                        .map(byArea::get).filter(r -> r != null).toList();
                if (reach.stream().anyMatch(r -> !Rows.strings(r.get("services")).isEmpty())) {
                    continue;
                }
                Map<String, Map<String, Object>> endedServices = new TreeMap<>();
                reach.forEach(r -> Rows.maps(r.get("ended")).forEach(e -> endedServices.putIfAbsent((String) e.get("key"), e)));
                String name = (String) gemeinde.get("name");
                List<Evidence> evidence = new ArrayList<>();
                evidence.add(new Evidence("AREA", (String) gemeinde.get("key"), name, "Gemeinde ohne Beratungsangebot"));
                fieldEvidence(axes, field, "Beratungsfeld", evidence);
                List<String> endedDe = new ArrayList<>();
                List<String> endedEn = new ArrayList<>();
                for (Map<String, Object> ended : endedServices.values()) {
                    LocalDate on = (LocalDate) ended.get("endedOn");
                    evidence.add(new Evidence("SERVICE", (String) ended.get("key"), (String) ended.get("name"),
                            "früheres Angebot, beendet am " + on));
                    endedDe.add(ended.get("name") + ", bis " + GERMAN_DATE.format(on));
                    endedEn.add(ended.get("name") + ", until " + on);
                }
                Map<String, Double> figures = new LinkedHashMap<>();
                String peopleDe = "";
                String peopleEn = "";
                if (gemeinde.get("foreignPopulation") instanceof Number foreign) {
                    figures.put("foreignPopulation", foreign.doubleValue());
                    peopleDe = " In der Gemeinde leben " + NumberFormat.getIntegerInstance(Locale.GERMANY).format(foreign) + " Ausländer:innen.";
                    peopleEn = " " + NumberFormat.getIntegerInstance(Locale.UK).format(foreign) + " foreign residents live there.";
                }
                if (gemeinde.get("population") instanceof Number population) {
                    figures.put("population", population.doubleValue());
                }
                findings.add(Finding.of("SPATIAL_GAP", "HIGH",
                        "In %s erreicht am %s kein gültiges Angebot des Handlungsfelds %s die Gemeinde: weder ein Angebot für die Gemeinde selbst noch eines für ein umfassendes Gebiet (z. B. kreisweit)."
                                .formatted(name, GERMAN_DATE.format(scope.asOf()), fieldPhrase(axes, field, true))
                                + (endedDe.isEmpty() ? "" : " Zuletzt beraten hat hier: " + String.join("; ", endedDe) + ".")
                                + peopleDe
                                + " Zu klären: Sprechstunden eines bestehenden Trägers in der Gemeinde oder die Ausweitung eines Angebots auf sie.",
                        "On %s no valid service of the field %s reaches %s: neither one for the municipality itself nor one for an enclosing area (e.g. the whole Kreis)."
                                .formatted(scope.asOf(), fieldPhrase(axes, field, false), name)
                                + (endedEn.isEmpty() ? "" : " The last to counsel there: " + String.join("; ", endedEn) + ".")
                                + peopleEn
                                + " To do: office hours of an existing provider there, or extending a service to it.",
                        evidence).withFigures(figures));
            }
        }
        return findings;
    }

    private List<Finding> ageGaps(Scope scope, Axes axes, List<ServiceInScope> services) {
        List<Finding> findings = new ArrayList<>();
        for (String field : axes.fields().keySet()) {
            List<ServiceInScope> inField = services.stream().filter(s -> s.fields().contains(field)).toList();
            for (AgeBand hole : AgeBand.holes(AgeBand.union(inField.stream().map(ServiceInScope::ages).toList()))) {
                List<ServiceInScope> below = inField.stream().filter(s -> s.ages().to() == hole.from() - 1).toList();
                List<ServiceInScope> above = inField.stream().filter(s -> s.ages().from() == hole.to() + 1).toList();
                List<Evidence> evidence = new ArrayList<>();
                fieldEvidence(axes, field, "Handlungsfeld", evidence);
                evidence.add(new Evidence("AREA", scope.area(), axes.areaName(), "Gebiet"));
                listed(below).forEach(s -> evidence.add(s.evidence("endet mit " + (hole.from() - 1) + " Jahren (" + s.ages().range(true) + ")")));
                listed(above).forEach(s -> evidence.add(s.evidence("beginnt mit " + (hole.to() + 1) + " Jahren (" + s.ages().range(true) + ")")));
                findings.add(Finding.of("AGE_GAP", "MEDIUM",
                        "Im Handlungsfeld %s deckt in %s kein gültiges Angebot das Alter %s ab, obwohl jüngere und ältere Menschen Angebote haben: "
                                .formatted(fieldPhrase(axes, field, true), axes.areaName(), hole.from() == hole.to()
                                        ? "von " + hole.from() + " Jahren" : "von " + hole.from() + " bis " + hole.to() + " Jahren")
                                + "%s enden mit %d Jahren, %s beginnen mit %d Jahren. "
                                .formatted(names(below), hole.from() - 1, names(above), hole.to() + 1)
                                + "Zu klären: ein Übergangsangebot für diese Altersgruppe oder die Öffnung eines bestehenden Angebots.",
                        "In the field %s, no valid service in %s covers people %s, although younger and older people have services: "
                                .formatted(fieldPhrase(axes, field, false), axes.areaName(), hole.en())
                                + "%s end at %d, %s start at %d. ".formatted(names(below), hole.from() - 1, names(above), hole.to() + 1)
                                + "To do: a bridging offer for this age group, or opening an existing service to it.",
                        evidence).withFigures(ageFigures(hole)));
            }
        }
        return findings;
    }

    private List<Finding> languageGaps(Scope scope, Axes axes, List<ServiceInScope> services) {
        Set<String> offered = new LinkedHashSet<>();
        services.forEach(s -> offered.addAll(s.languages()));
        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> row : client.query(CypherFiles.get("coverage/requested-languages", scope.read()))
                .bindAll(scope.parameters()).fetch().all()) {
            String language = (String) row.get("language");
            if (offered.contains(language)) {
                continue;
            }
            List<Map<String, Object>> areas = Rows.maps(row.get("areas"));
            String nameDe = languageName(language, Locale.GERMAN);
            String nameEn = languageName(language, Locale.ENGLISH);
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(new Evidence("LANGUAGE", language, nameDe, "nachgefragte, nicht angebotene Sprache"));
            for (Map<String, Object> area : areas) {
                evidence.add(new Evidence("AREA", (String) area.get("key"), (String) area.get("name"), "fragt die Sprache nach"));
            }
            String requesting = String.join(", ", areas.stream().map(a -> (String) a.get("name")).toList());
            findings.add(Finding.of("LANGUAGE_GAP", "MEDIUM",
                    "%s (%s) wird in %s nachgefragt, aber kein gültiges Angebot für %s (einschließlich kreis- und landesweiter Angebote) bietet die Sprache an (%d Angebote geprüft). "
                            .formatted(nameDe, language, requesting, axes.areaName(), services.size())
                            + "Zu klären: Sprachmittler:innen für die Sprache gewinnen oder ein Angebot um sie erweitern.",
                    "%s (%s) is requested in %s, but no valid service for %s (Kreis- and Land-wide ones included) offers it (%d services checked). "
                            .formatted(nameEn, language, requesting, axes.areaName(), services.size())
                            + "To do: recruit interpreters for the language, or extend a service to it.",
                    evidence));
        }
        return findings;
    }

    private List<Finding> bodyGaps(Scope scope, Axes axes, List<ServiceInScope> services) {
        Set<String> addressed = new LinkedHashSet<>();
        client.query(CypherFiles.get("coverage/addressed-fields", scope.read())).bindAll(scope.parameters()).fetch().all()
                .forEach(row -> addressed.add((String) row.get("field")));
        List<Finding> findings = new ArrayList<>();
        for (String field : axes.fields().keySet()) {
            List<ServiceInScope> inField = services.stream().filter(s -> s.ownFields().contains(field)).toList();
            if (inField.isEmpty() || addressed.contains(field)) {
                continue;
            }
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(new Evidence("FIELD", field, axes.fieldLabel(field, true), "Handlungsfeld ohne Gremium"));
            evidence.add(new Evidence("AREA", scope.area(), axes.areaName(), "Gebiet"));
            listed(inField).forEach(s -> evidence.add(s.evidence("Angebot im Handlungsfeld")));
            findings.add(Finding.of("BODY_GAP", "LOW",
                    "Im Handlungsfeld „%s“ gibt es in %s %d gültige Angebote (%s), aber kein aktives Gremium oder Netzwerk, das dieses Feld (oder ein übergeordnetes) adressiert. "
                            .formatted(axes.fieldLabel(field, true), axes.areaName(), inField.size(), names(inField))
                            + "Zu klären: das Feld einem bestehenden Gremium als Thema zuordnen oder ein Netzwerk der Träger einrichten.",
                    "The field \"%s\" has %d valid services in %s (%s), but no active body or network addresses it (or an enclosing field). "
                            .formatted(axes.fieldLabel(field, false), inField.size(), axes.areaName(), names(inField))
                            + "To do: add the field to an existing body's remit, or set up a network of the providers.",
                    evidence).withFigures(Map.of("services", (double) inField.size())));
        }
        return findings;
    }

    private static void fieldEvidence(Axes axes, String field, String role, List<Evidence> evidence) {
        evidence.add(new Evidence("FIELD", field, axes.fieldLabel(field, true), role));
        for (String sub : axes.subFields(field)) {
            evidence.add(new Evidence("FIELD", sub, axes.fieldLabel(sub, true), "Unterfeld, eingeschlossen"));
        }
    }

    /** „Soziale Sicherung“ (mit Unterfeld „Migrationsberatung“). */
    private static String fieldPhrase(Axes axes, String field, boolean german) {
        List<String> subs = axes.subFields(field);
        String open = german ? "„" : "\"";
        String close = german ? "“" : "\"";
        String phrase = open + axes.fieldLabel(field, german) + close;
        if (subs.isEmpty()) {
            return phrase;
        }
        String labels = String.join(", ", subs.stream().map(s -> open + axes.fieldLabel(s, german) + close).toList());
        return phrase + (german ? (subs.size() == 1 ? " (mit Unterfeld " : " (mit Unterfeldern ") + labels + ")"
                : " (with its sub-field" + (subs.size() == 1 ? " " : "s ") + labels + ")");
    }

    private static Map<String, Double> ageFigures(AgeBand band) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("fromAge", (double) band.from());
        if (!band.open()) {
            figures.put("toAge", (double) band.to());
        }
        return figures;
    }

    private static String names(List<ServiceInScope> services) {
        String names = String.join(", ", listed(services).stream().map(ServiceInScope::name).toList());
        return services.size() > MAX_LISTED_SERVICES ? names + " …" : names;
    }

    private static List<ServiceInScope> listed(List<ServiceInScope> services) {
        return services.size() > MAX_LISTED_SERVICES ? services.subList(0, MAX_LISTED_SERVICES) : services;
    }

    private static String examples(List<ServiceInScope> services) {
        return String.join(", ", services.stream().limit(2).map(ServiceInScope::name).toList());
    }

    private static String languageName(String code, Locale in) {
        String name = Locale.of(code).getDisplayLanguage(in);
        return name.isBlank() || name.equals(code) ? code : name;
    }
}
