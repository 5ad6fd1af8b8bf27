package de.kimgraph.queries.analytics.funding;

import de.kimgraph.queries.analytics.LeadRoles;
import static de.kimgraph.queries.analytics.Rows.map;
import static de.kimgraph.queries.analytics.Rows.maps;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import de.kimgraph.queries.analytics.CypherFiles;
import de.kimgraph.queries.analytics.Evidence;
import de.kimgraph.queries.analytics.Finding;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.funding.FundingCliffReport.FundedPosition;
import de.kimgraph.queries.analytics.funding.FundingCliffReport.FundedService;
import de.kimgraph.queries.analytics.funding.FundingCliffReport.LedBody;
import de.kimgraph.queries.analytics.funding.FundingCliffReport.MoneyRelation;
import de.kimgraph.queries.analytics.funding.FundingCliffReport.ProgrammeCliff;
import de.kimgraph.queries.analytics.funding.FundingCliffReport.RequirementLink;
import de.kimgraph.queries.entity.EntityReader;
import de.kimgraph.queries.entity.UnsupportedFilterException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Funding cliffs (DOMAIN.md §5.5, <i>was bricht weg</i>): for one programme, or for every programme in the area that
 * ends on or after {@code asOf} and before a date (default: one year after {@code asOf}), what loses its funding.
 *
 * <ul>
 *   <li>positions funded by it (valid {@code FUNDED_BY}) in units of the area, with funded FTE = fte × share;</li>
 *   <li>services covering the area funded by it, with their share;</li>
 *   <li>bodies covering the area whose chair, co-chair or secretariat is held by a unit with a position funded by
 *       it — the post that does the body work goes (a funded <em>service</em> alone does not pay for leading a
 *       body, so it does not count here);</li>
 *   <li>money relations: its grants to actors of the area, pass-ons ({@code PASSES_ON} with {@code programme} =
 *       it), and {@code CO_FINANCES} relations from one of its funders ({@code FUNDS}) to one of its grant or
 *       pass-on recipients — the relation form of the same money. Other actor relations carry no programme in the
 *       graph and are not guessed at;</li>
 *   <li>requirements: what it requires of its recipients ({@code REQUIRES}, which lapses with it) and what other
 *       programmes require concerning it ({@code CONCERNS}, e.g. KIM's defined interface to MBE).</li>
 * </ul>
 *
 * <p>A programme ends on the earlier of {@code periodEnd} and {@code validTo}. The questions run as six small
 * aggregating queries over the list of programmes found, each a file under {@code cypher/funding/}; per Kreis
 * they touch a few hundred relationships.
 */
@Component
@Transactional(readOnly = true)
public class FundingCliffs {

    /**
     * One full post: a cliff that removes at least this much funded FTE, or the organiser of a body, is HIGH —
     * the research's funding cliffs (Kalmar, Hessen's WIR case managers) are about posts that go.
     */
    static final double HIGH_FTE = 1.0;

    private static final Locale DE = Locale.GERMANY;
    private static final DateTimeFormatter DATE_DE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Neo4jClient client;
    private final EntityReader reader;

    public FundingCliffs(Neo4jClient client, EntityReader reader) {
        this.client = client;
        this.reader = reader;
    }

    /**
     * @param programme    a programme key: only this programme, whatever its end ({@code endingBefore} must be null)
     * @param endingBefore programmes ending before this date (exclusive); default {@code asOf} + 1 year
     */
    public FundingCliffReport analyse(Scope scope, @Nullable String programme, @Nullable LocalDate endingBefore) {
        Map<String, Object> area = reader.byKey("Area", scope.area(), null, scope.read());
        if (area == null) {
            throw new UnsupportedFilterException("Unbekanntes Gebiet " + scope.area() + ".", "Unknown area " + scope.area() + ".");
        }
        if (programme != null && endingBefore != null) {
            throw new UnsupportedFilterException("Entweder programme oder endingBefore angeben, nicht beides.",
                    "Give either programme or endingBefore, not both.");
        }
        LocalDate before = programme != null ? null : endingBefore != null ? endingBefore : scope.asOf().plusYears(1);
        if (before != null && !before.isAfter(scope.asOf())) {
            throw new UnsupportedFilterException("endingBefore muss nach asOf liegen.", "endingBefore must lie after asOf.");
        }
        Map<String, Object> parameters = scope.parameters();
        parameters.put("programme", programme);
        parameters.put("endingBefore", before);
        List<Map<String, Object>> ending = rows("funding/ending-programmes", scope, parameters);
        if (programme != null && ending.isEmpty()) {
            throw new UnsupportedFilterException("Unbekanntes Förderprogramm " + programme + ".",
                    "Unknown funding programme " + programme + ".");
        }
        List<String> keys = ending.stream().map(r -> (String) map(r.get("programme")).get("key")).toList();
        Map<String, Object> byProgramme = scope.parameters(Map.of("programmes", keys));
        Map<String, List<Map<String, Object>>> positions = grouped(rows("funding/funded-positions", scope, byProgramme));
        Map<String, List<Map<String, Object>>> services = grouped(rows("funding/funded-services", scope, byProgramme));
        Map<String, List<Map<String, Object>>> bodies = grouped(rows("funding/led-bodies", scope, byProgramme));
        Map<String, List<Map<String, Object>>> money = grouped(rows("funding/money-relations", scope, byProgramme));
        Map<String, List<Map<String, Object>>> requirements = grouped(rows("funding/requirements", scope, byProgramme));

        List<ProgrammeCliff> cliffs = new ArrayList<>();
        for (Map<String, Object> row : ending) {
            Map<String, Object> p = map(row.get("programme"));
            String key = (String) p.get("key");
            List<FundedPosition> funded = positions.getOrDefault(key, List.of()).stream().map(FundingCliffs::position).toList();
            List<FundedService> fundedServices = services.getOrDefault(key, List.of()).stream()
                    .map(r -> new FundedService(map(r.get("service")), map(r.get("funding")), number(r.get("share")),
                            maps(r.get("providers"))))
                    .toList();
            List<LedBody> led = bodies.getOrDefault(key, List.of()).stream()
                    .map(r -> new LedBody(map(r.get("body")), map(r.get("membership")), (String) r.get("role"),
                            map(r.get("actor")), maps(r.get("positions")).stream()
                            .sorted(Comparator.comparing(m -> (String) m.get("key"))).toList()))
                    .toList();
            List<MoneyRelation> relations = money.getOrDefault(key, List.of()).stream()
                    .map(r -> new MoneyRelation((String) r.get("kind"), (String) r.get("key"), nullableNumber(r.get("amount")),
                            r.get("from") == null ? null : map(r.get("from")), map(r.get("to"))))
                    .toList();
            List<RequirementLink> links = requirements.getOrDefault(key, List.of()).stream()
                    .map(r -> new RequirementLink((String) r.get("direction"), map(r.get("requirement")),
                            map(r.get("other"))))
                    .toList();
            double fte = round(funded.stream().mapToDouble(FundedPosition::fundedFte).sum());
            LocalDate ends = (LocalDate) row.get("ends");
            List<MoneyRelation> grants = ofKind(relations, "GRANT");
            List<MoneyRelation> passOns = ofKind(relations, "PASS_ON");
            List<MoneyRelation> coFinancings = ofKind(relations, "CO_FINANCING");
            Finding finding = finding(p, ends, scope.asOf(), fte, funded, fundedServices, led, grants, passOns, coFinancings, links);
            cliffs.add(new ProgrammeCliff(p, ends, fte, funded, fundedServices, led, grants, passOns, coFinancings,
                    links, finding));
        }
        return new FundingCliffReport(area, scope.asOf(), before, programme, cliffs,
                cliffs.stream().map(ProgrammeCliff::finding).toList());
    }

    private static FundedPosition position(Map<String, Object> r) {
        return new FundedPosition(map(r.get("position")), map(r.get("unit")), map(r.get("funding")),
                number(r.get("share")), nullableNumber(r.get("fte")), round(number(r.get("fundedFte"))));
    }

    /**
     * Severity by size: HIGH when at least {@link #HIGH_FTE} funded FTE go or a body loses the post that leads or
     * runs it; MEDIUM when some funded FTE or a funded service goes; LOW when only money relations or requirements
     * hang on it; INFO when nothing in the area depends on it.
     */
    static String severity(double fte, int services, int bodies, int money, int requirements) {
        if (fte >= HIGH_FTE || bodies > 0) {
            return "HIGH";
        }
        if (fte > 0 || services > 0) {
            return "MEDIUM";
        }
        return money + requirements > 0 ? "LOW" : "INFO";
    }

    private static Finding finding(Map<String, Object> p, @Nullable LocalDate ends, LocalDate asOf, double fte,
                                   List<FundedPosition> positions, List<FundedService> services, List<LedBody> bodies,
                                   List<MoneyRelation> grants, List<MoneyRelation> passOns,
                                   List<MoneyRelation> coFinancings, List<RequirementLink> requirements) {
        String name = (String) p.get("name");
        int money = grants.size() + passOns.size() + coFinancings.size();
        String severity = severity(fte, services.size(), bodies.size(), money, requirements.size());

        List<String> de = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (!positions.isEmpty()) {
            de.add(positions.size() + " " + (positions.size() == 1 ? "Stelle" : "Stellen") + " mit zusammen "
                    + fteDe(fte) + " geförderten VZÄ (" + positions.stream()
                    .map(f -> title(f.position()) + " bei " + name(f.unit()) + ": " + fteDe(f.fundedFte()))
                    .collect(Collectors.joining("; ")) + ")");
            en.add(positions.size() + " position" + (positions.size() == 1 ? "" : "s") + " with " + fteEn(fte)
                    + " funded FTE in total (" + positions.stream()
                    .map(f -> title(f.position()) + " at " + name(f.unit()) + ": " + fteEn(f.fundedFte()))
                    .collect(Collectors.joining("; ")) + ")");
        }
        if (!services.isEmpty()) {
            de.add("der Förderanteil von " + services.size() + " " + (services.size() == 1 ? "Angebot" : "Angeboten")
                    + " (" + services.stream().map(s -> name(s.service()) + ", " + percent(s.share()))
                    .collect(Collectors.joining("; ")) + ")");
            en.add("the funded share of " + services.size() + " service" + (services.size() == 1 ? "" : "s") + " ("
                    + services.stream().map(s -> name(s.service()) + ", " + percent(s.share()))
                    .collect(Collectors.joining("; ")) + ")");
        }
        if (!bodies.isEmpty()) {
            de.add("die geförderte Stelle hinter Vorsitz/Sekretariat von " + bodies.stream()
                    .map(b -> "„" + name(b.body()) + "“ (" + LeadRoles.de(b.role()) + ": " + name(b.actor()) + ")")
                    .collect(Collectors.joining(", ")));
            en.add("the funded post behind the chair/secretariat of " + bodies.stream()
                    .map(b -> "'" + name(b.body()) + "' (" + LeadRoles.en(b.role()) + ": " + name(b.actor()) + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (!grants.isEmpty()) {
            de.add(grants.size() + " " + (grants.size() == 1 ? "Zuwendung" : "Zuwendungen") + " an "
                    + grants.stream().map(g -> name(g.to())).collect(Collectors.joining(", ")));
            en.add(grants.size() + " grant" + (grants.size() == 1 ? "" : "s") + " to "
                    + grants.stream().map(g -> name(g.to())).collect(Collectors.joining(", ")));
        }
        if (!passOns.isEmpty()) {
            de.add(passOns.size() + " " + (passOns.size() == 1 ? "Weiterleitung" : "Weiterleitungen") + " ("
                    + passOns.stream().map(g -> name(Objects.requireNonNull(g.from())) + " → " + name(g.to()))
                    .collect(Collectors.joining(", ")) + ")");
            en.add(passOns.size() + " pass-on" + (passOns.size() == 1 ? "" : "s") + " ("
                    + passOns.stream().map(g -> name(Objects.requireNonNull(g.from())) + " → " + name(g.to()))
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (!coFinancings.isEmpty()) {
            de.add(coFinancings.size() + " " + (coFinancings.size() == 1 ? "Kofinanzierung" : "Kofinanzierungen") + " ("
                    + coFinancings.stream().map(g -> name(Objects.requireNonNull(g.from())) + " → " + name(g.to()))
                    .collect(Collectors.joining(", ")) + ")");
            en.add(coFinancings.size() + " co-financing relation" + (coFinancings.size() == 1 ? "" : "s") + " ("
                    + coFinancings.stream().map(g -> name(Objects.requireNonNull(g.from())) + " → " + name(g.to()))
                    .collect(Collectors.joining(", ")) + ")");
        }
        List<RequirementLink> own = requirements.stream().filter(r -> r.direction().equals("REQUIRED_BY_PROGRAMME")).toList();
        List<RequirementLink> others = requirements.stream().filter(r -> r.direction().equals("CONCERNS_PROGRAMME")).toList();
        if (!own.isEmpty()) {
            de.add("die Fördervoraussetzungen, die es an andere Strukturen stellt (" + own.stream()
                    .map(r -> (String) r.requirement().get("kind")).collect(Collectors.joining(", ")) + ")");
            en.add("the requirements it places on other structures (" + own.stream()
                    .map(r -> (String) r.requirement().get("kind")).collect(Collectors.joining(", ")) + ")");
        }
        if (!others.isEmpty()) {
            de.add("die Schnittstellen, die andere Programme zu ihm verlangen (" + others.stream()
                    .map(r -> name(r.other())).collect(Collectors.joining(", ")) + ")");
            en.add("the interfaces other programmes require to it (" + others.stream()
                    .map(r -> name(r.other())).collect(Collectors.joining(", ")) + ")");
        }

        String explanationDe;
        String explanationEn;
        boolean past = ends != null && ends.isBefore(asOf);
        String endDe = ends == null ? "hat kein festgelegtes Ende"
                : (past ? "endete am " : "endet am ") + DATE_DE.format(ends);
        String endEn = ends == null ? "has no set end" : (past ? "ended on " : "ends on ") + ends;
        if (de.isEmpty()) {
            explanationDe = "Das Förderprogramm „" + name + "“ " + endDe + "; im Gebiet hängt nichts Erfasstes daran.";
            explanationEn = "The funding programme '" + name + "' " + endEn + "; nothing recorded in the area depends on it.";
        } else if (ends == null) {
            explanationDe = "Das Förderprogramm „" + name + "“ " + endDe + ". Endete es, entfielen im Gebiet "
                    + String.join("; ", de) + ".";
            explanationEn = "The funding programme '" + name + "' " + endEn + ". If it ended, the area would lose "
                    + String.join("; ", en) + ".";
        } else {
            explanationDe = "Das Förderprogramm „" + name + "“ " + endDe + ". Damit entfallen im Gebiet "
                    + String.join("; ", de) + ". Anschlussfinanzierung klären oder den Übergang planen.";
            explanationEn = "The funding programme '" + name + "' " + endEn + ". In the area this removes "
                    + String.join("; ", en) + ". Secure follow-up funding or plan the transition.";
        }

        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("PROGRAMME", (String) p.get("key"), name, "endendes Programm (ending programme)"));
        for (FundedPosition f : positions) {
            evidence.add(new Evidence("POSITION", key(f.position()), title(f.position()),
                    "geförderte Stelle, " + fteDe(f.fundedFte()) + " VZÄ (funded position)"));
            evidence.add(new Evidence("FUNDING", key(f.funding()), title(f.position()) + " – " + percent(f.share()),
                    "Förderanteil (funding share)"));
            evidence.add(new Evidence("ACTOR", key(f.unit()), name(f.unit()), "Einheit der Stelle (unit of the position)"));
        }
        for (FundedService s : services) {
            evidence.add(new Evidence("SERVICE", key(s.service()), name(s.service()),
                    "gefördertes Angebot, Anteil " + percent(s.share()) + " (funded service)"));
            evidence.add(new Evidence("FUNDING", key(s.funding()), name(s.service()) + " – " + percent(s.share()),
                    "Förderanteil (funding share)"));
        }
        for (LedBody b : bodies) {
            evidence.add(new Evidence("BODY", key(b.body()), name(b.body()),
                    LeadRoles.de(b.role()) + " an geförderter Stelle (" + LeadRoles.en(b.role()) + " held on a funded post)"));
            evidence.add(new Evidence("MEMBERSHIP", key(b.membership()), name(b.actor()) + " – " + LeadRoles.de(b.role()),
                    "Leitungsrolle (leading role)"));
        }
        for (MoneyRelation g : grants) {
            evidence.add(new Evidence("GRANT", g.key(), name(g.to()), "Zuwendung (grant)"));
            evidence.add(new Evidence("ACTOR", key(g.to()), name(g.to()), "Zuwendungsempfänger (grant recipient)"));
        }
        for (MoneyRelation g : passOns) {
            evidence.add(new Evidence("GRANT", g.key(), name(Objects.requireNonNull(g.from())) + " → " + name(g.to()),
                    "Weiterleitung (pass-on)"));
        }
        for (MoneyRelation g : coFinancings) {
            evidence.add(new Evidence("RELATION", g.key(), name(Objects.requireNonNull(g.from())) + " → " + name(g.to()),
                    "Kofinanzierung (co-financing)"));
        }
        for (RequirementLink r : requirements) {
            boolean ownRequirement = r.direction().equals("REQUIRED_BY_PROGRAMME");
            evidence.add(new Evidence("REQUIREMENT", key(r.requirement()), (String) r.requirement().get("kind"),
                    ownRequirement ? "verlangt von diesem Programm (required by this programme)"
                            : "verlangt von " + name(r.other()) + " (required by another programme)"));
        }
        evidence = distinct(evidence);

        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("fundedFte", fte);
        figures.put("positions", (double) positions.size());
        figures.put("services", (double) services.size());
        figures.put("bodies", (double) bodies.stream().map(b -> key(b.body())).distinct().count());
        figures.put("grants", (double) grants.size());
        figures.put("passOns", (double) passOns.size());
        figures.put("coFinancings", (double) coFinancings.size());
        figures.put("requirements", (double) requirements.size());
        double amount = grants.stream().map(MoneyRelation::amount).filter(Objects::nonNull).mapToDouble(Double::doubleValue).sum();
        if (amount > 0) {
            figures.put("grantAmount", amount);
        }
        long withoutFte = positions.stream().filter(f -> f.fte() == null).count();
        if (withoutFte > 0) {
            figures.put("positionsWithoutFte", (double) withoutFte);
        }
        return new Finding("FUNDING_CLIFF", severity, explanationDe, explanationEn, evidence, figures, null);
    }

    private static List<Evidence> distinct(List<Evidence> evidence) {
        Map<String, Evidence> seen = new LinkedHashMap<>();
        for (Evidence e : evidence) {
            seen.putIfAbsent(e.type() + "/" + e.key(), e);
        }
        return List.copyOf(seen.values());
    }

    private static List<MoneyRelation> ofKind(List<MoneyRelation> relations, String kind) {
        return relations.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    private List<Map<String, Object>> rows(String file, Scope scope, Map<String, Object> parameters) {
        Collection<Map<String, Object>> rows = client.query(CypherFiles.get(file, scope.read())).bindAll(parameters).fetch().all();
        return List.copyOf(rows);
    }

    private static Map<String, List<Map<String, Object>>> grouped(List<Map<String, Object>> rows) {
        return rows.stream().collect(Collectors.groupingBy(r -> (String) r.get("programme"), LinkedHashMap::new,
                Collectors.toList()));
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    private static String fteDe(double value) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(DE)).format(value);
    }

    private static String fteEn(double value) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }



    private static String key(Map<String, Object> item) {
        return (String) item.get("key");
    }

    private static String name(Map<String, Object> item) {
        Object name = item.get("name");
        return name == null ? key(item) : (String) name;
    }

    private static String title(Map<String, Object> item) {
        Object title = item.get("title");
        return title == null ? key(item) : (String) title;
    }

    private static double number(@Nullable Object value) {
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }

    private static @Nullable Double nullableNumber(@Nullable Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }

}
