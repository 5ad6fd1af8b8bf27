package de.kimgraph.queries.analytics.interfaces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import de.kimgraph.model.spec.Terms;
import de.kimgraph.queries.analytics.AreaPairs;
import de.kimgraph.queries.analytics.CypherFiles;
import de.kimgraph.queries.analytics.Evidence;
import de.kimgraph.queries.analytics.Finding;
import de.kimgraph.queries.analytics.Rows;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.interfaces.GraphAlgorithms.ArticulationPoint;
import de.kimgraph.queries.analytics.interfaces.GraphAlgorithms.Betweenness;
import de.kimgraph.queries.analytics.interfaces.GraphAlgorithms.Bridge;
import de.kimgraph.queries.analytics.interfaces.GraphAlgorithms.Brokerage;
import de.kimgraph.queries.analytics.interfaces.GraphAlgorithms.Cuts;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interface points of an area (DOMAIN.md §5.4), each classified HORIZONTAL / VERTICAL / INTERSECTORAL
 * ({@link InterfaceKinds}):
 * <ul>
 *   <li>{@code UNMANAGED_HANDOVER} / {@code DECLARED_HANDOVER}: every valid {@code HANDS_OVER_TO} with a side in
 *   scope, scored by how unmanaged it is: one point each for no valid governing agreement (the {@code agreement}
 *   property missing, or the agreement not valid on the date), no named contact, medium {@code NONE} (or none
 *   given). Score 0 is declared (INFO); otherwise unmanaged: HIGH when all three are missing on a
 *   Rechtskreiswechsel (fromDomain and toDomain ADJACENT_TO each other), MEDIUM from two points, LOW for one.
 *   Unmanaged ones come first, by score.</li>
 *   <li>{@code IMPLICIT_INTERFACE}: two valid services for the same target group in overlapping areas under
 *   adjacent legal domains, whose providers are not tied in the actor graph (no relation of any of the six kinds
 *   either way, no shared valid body) and are not the same actor. Candidates are aggregated in Cypher, the tied
 *   provider pairs subtracted in the JVM (a set difference against the projected graph, not an anti-join per
 *   pair). MEDIUM.</li>
 *   <li>{@code ARTICULATION_POINT} / {@code BRIDGE}: actors and ties whose loss disconnects the actor graph, with
 *   what gets cut off; MEDIUM when two or more actors are cut off, LOW for a single one.</li>
 *   <li>{@code BROKER}: the actors with the highest betweenness at or above a threshold (INFO).</li>
 *   <li>{@code BROKERAGE_ROLE}: the actors that broker most pairs across legal domains (WORKS_UNDER) or sectors,
 *   with their Gould–Fernandez roles (INFO).</li>
 * </ul>
 */
@Component
@Transactional(readOnly = true)
public class InterfacePoints {

    /** Grouping of actors for brokerage roles. */
    public enum Grouping { LEGAL_DOMAIN, SECTOR }

    /**
     * Thresholds, all arguments of the GraphQL field.
     *
     * @param brokerThreshold   minimum normalised betweenness of a BROKER (default 0.1: an actor through which at
     *                          least a tenth of the shortest connections between the others run; on the demo this
     *                          separates the KI and the volunteer agency from the next, 0.07)
     * @param maxBrokers        at most this many BROKER findings (default 10)
     * @param minBrokeredPairs  minimum number of pairs brokered across groups for a BROKERAGE_ROLE (default 10)
     * @param maxBrokerageRoles at most this many BROKERAGE_ROLE findings per grouping (default 3)
     * @param maxCuts           at most this many ARTICULATION_POINT and BRIDGE findings each, largest cut first
     *                          (default 20)
     * @param groupings         the groupings for brokerage roles (default both)
     */
    public record Options(double brokerThreshold, int maxBrokers, int minBrokeredPairs, int maxBrokerageRoles,
                          int maxCuts, List<Grouping> groupings) {

        public static final Options DEFAULTS = new Options(0.1, 10, 10, 3, 20,
                List.of(Grouping.LEGAL_DOMAIN, Grouping.SECTOR));
    }

    /** The answer: the size of the actor graph, how betweenness was computed, and the findings. */
    public record Report(Scope scope, int actorCount, int tieCount, boolean betweennessSampled,
                         int betweennessSources, List<Finding> findings) {
    }

    /** Most evidence entries of one kind listed per finding (the figures give the full counts). */
    static final int MAX_LISTED = 25;

    private final Neo4jClient client;
    private final ActorGraphReader reader;

    public InterfacePoints(Neo4jClient client, ActorGraphReader reader) {
        this.client = client;
        this.reader = reader;
    }

    public Report analyse(Scope scope, Options options) {
        ActorGraph graph = reader.read(scope);
        List<Finding> findings = new ArrayList<>(handovers(scope, graph));
        findings.addAll(implicitInterfaces(scope, graph));
        Betweenness betweenness = GraphAlgorithms.betweenness(graph.graph());
        Cuts cuts = GraphAlgorithms.cuts(graph.graph());
        findings.addAll(articulationPoints(graph, cuts, betweenness, options));
        findings.addAll(bridges(graph, cuts, options));
        findings.addAll(brokers(graph, betweenness, options));
        for (Grouping grouping : options.groupings()) {
            findings.addAll(brokerageRoles(graph, grouping, options));
        }
        return new Report(scope, graph.size(), graph.graph().edgeCount(), betweenness.sampled(),
                betweenness.sources(), findings);
    }

    // ---- declared handovers

    private List<Finding> handovers(Scope scope, ActorGraph graph) {
        List<String> actors = graph.actors().stream().map(ActorGraph.Actor::key).toList();
        List<String> inScope = graph.actors().stream().filter(ActorGraph.Actor::inScope).map(ActorGraph.Actor::key).toList();
        record Scored(int score, boolean rechtskreiswechsel, String key, Finding finding) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Map<String, Object> row : client.query(CypherFiles.get("interfaces/handovers", scope.read()))
                .bindAll(scope.parameters(Map.of("actors", actors, "inScope", inScope))).fetch().all()) {
            Integer from = graph.indexOf((String) row.get("source"));
            Integer to = graph.indexOf((String) row.get("target"));
            if (from == null || to == null) {
                continue;
            }
            String key = (String) row.get("key");
            String medium = (String) row.get("medium");
            String agreementKey = (String) row.get("agreementKey");
            boolean noAgreement = !Boolean.TRUE.equals(row.get("agreementValid"));
            boolean noContact = !Boolean.TRUE.equals(row.get("namedContact"));
            boolean noMedium = medium == null || medium.equals("NONE");
            boolean rkw = Boolean.TRUE.equals(row.get("rechtskreiswechsel"));
            int score = (noAgreement ? 1 : 0) + (noContact ? 1 : 0) + (noMedium ? 1 : 0);
            ActorGraph.Actor a = graph.actor(from);
            ActorGraph.Actor b = graph.actor(to);
            String fromDomain = (String) row.get("fromDomain");
            String toDomain = (String) row.get("toDomain");
            String domainsDe = domains(row.get("fromDomainLabel"), fromDomain, row.get("toDomainLabel"), toDomain)
                    + (rkw ? ", Rechtskreiswechsel" : "");
            String domainsEn = domains(row.get("fromDomainLabelEn"), fromDomain, row.get("toDomainLabelEn"), toDomain)
                    + (rkw ? ", change of legal domain" : "");
            String trigger = (String) row.get("trigger");
            String head = "Fallübergabe %s von %s an %s (%s%s)".formatted(key, a.name(), b.name(), domainsDe,
                    trigger == null ? "" : "; Auslöser: " + trigger);
            String headEn = "Handover %s from %s to %s (%s%s)".formatted(key, a.name(), b.name(), domainsEn,
                    trigger == null ? "" : "; trigger: " + trigger);
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(new Evidence("RELATION", key, trigger, "Fallübergabe"));
            evidence.add(actorEvidence(a, "abgebende Stelle"));
            evidence.add(actorEvidence(b, "aufnehmende Stelle"));
            if (fromDomain != null) {
                evidence.add(new Evidence("LEGAL_DOMAIN", fromDomain, (String) row.get("fromDomainLabel"), "abgebender Rechtskreis"));
            }
            if (toDomain != null) {
                evidence.add(new Evidence("LEGAL_DOMAIN", toDomain, (String) row.get("toDomainLabel"), "aufnehmender Rechtskreis"));
            }
            if (agreementKey != null) {
                evidence.add(new Evidence("AGREEMENT", agreementKey, (String) row.get("agreementTitle"),
                        noAgreement ? "Vereinbarung am Stichtag nicht gültig" : "regelnde Vereinbarung"));
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("unmanagedScore", (double) score);
            figures.put("noAgreement", noAgreement ? 1.0 : 0.0);
            figures.put("noNamedContact", noContact ? 1.0 : 0.0);
            figures.put("mediumNone", noMedium ? 1.0 : 0.0);
            figures.put("rechtskreiswechsel", rkw ? 1.0 : 0.0);
            Finding finding;
            if (score == 0) {
                finding = Finding.of("DECLARED_HANDOVER", "INFO",
                        head + " ist geregelt: Vereinbarung „%s“, benannte Ansprechstelle, Übergabeweg %s."
                                .formatted(row.get("agreementTitle"), term("HandoverMedium", medium, true)),
                        headEn + " is managed: agreement \"%s\", a named contact, medium %s."
                                .formatted(row.get("agreementTitle"), term("HandoverMedium", medium, false)),
                        evidence);
            } else {
                List<String> missing = new ArrayList<>();
                List<String> missingEn = new ArrayList<>();
                if (noAgreement) {
                    missing.add(agreementKey == null ? "keine regelnde Vereinbarung"
                            : "die Vereinbarung " + agreementKey + " gilt am Stichtag nicht");
                    missingEn.add(agreementKey == null ? "no governing agreement"
                            : "agreement " + agreementKey + " is not valid on the date");
                }
                if (noContact) {
                    missing.add("keine benannte Ansprechstelle");
                    missingEn.add("no named contact");
                }
                if (noMedium) {
                    missing.add("kein festgelegter Übergabeweg");
                    missingEn.add("no medium of transmission");
                }
                String severity = score == 3 && rkw ? "HIGH" : score >= 2 ? "MEDIUM" : "LOW";
                finding = Finding.of("UNMANAGED_HANDOVER", severity,
                        head + " ist ungeregelt: " + String.join(", ", missing) + ". "
                                + (rkw ? "Beim Rechtskreiswechsel drohen so Lücken bei Leistungen und Wohnung. " : "")
                                + "Vereinbaren Sie Zuständigkeit, benannte Ansprechstelle und Übergabeweg, "
                                + "z. B. in einer Zuständigkeitsvereinbarung.",
                        headEn + " is unmanaged: " + String.join(", ", missingEn) + ". "
                                + (rkw ? "At a change of legal domain people may lose benefits or housing. " : "")
                                + "Agree on responsibility, a named contact and a medium, e.g. in a responsibility "
                                + "agreement.",
                        evidence);
            }
            scored.add(new Scored(score, rkw, key, finding.withFigures(figures)
                    .withInterfaceKind(InterfaceKinds.of(a, b))));
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed()
                .thenComparing(Scored::rechtskreiswechsel, Comparator.reverseOrder()).thenComparing(Scored::key));
        return scored.stream().map(Scored::finding).toList();
    }

    private static String domains(@Nullable Object fromLabel, @Nullable String from, @Nullable Object toLabel,
                                  @Nullable String to) {
        return (fromLabel != null ? fromLabel : from != null ? from : "?") + " → "
                + (toLabel != null ? toLabel : to != null ? to : "?");
    }

    // ---- implicit interfaces

    @SuppressWarnings("unchecked")
    private List<Finding> implicitInterfaces(Scope scope, ActorGraph graph) {
        List<Finding> findings = new ArrayList<>();
        List<List<String>> pairs = candidatePairs(scope);
        if (pairs.isEmpty()) {
            return findings;
        }
        for (Map<String, Object> row : client.query(CypherFiles.get("interfaces/implicit-candidates", scope.read()))
                .bindAll(scope.parameters(Map.of("pairs", pairs))).fetch().all()) {
            List<Integer> first = indices(graph, ActorGraphReader.strings(row.get("firstProviders")));
            List<Integer> second = indices(graph, ActorGraphReader.strings(row.get("secondProviders")));
            if (first.isEmpty() || second.isEmpty() || tied(graph, first, second)) {
                continue;
            }
            List<Map<String, Object>> domains = (List<Map<String, Object>>) row.get("domains");
            List<Map<String, Object>> groups = (List<Map<String, Object>>) row.get("groups");
            List<Map<String, Object>> areas = (List<Map<String, Object>>) row.get("areas");
            String firstKey = (String) row.get("first");
            String secondKey = (String) row.get("second");
            String firstName = (String) row.get("firstName");
            String secondName = (String) row.get("secondName");
            Set<String> firstDomains = new LinkedHashSet<>();
            Set<String> secondDomains = new LinkedHashSet<>();
            Map<String, String[]> domainLabels = new LinkedHashMap<>();
            for (Map<String, Object> d : domains) {
                firstDomains.add((String) d.get("first"));
                secondDomains.add((String) d.get("second"));
                domainLabels.put((String) d.get("first"), new String[] {(String) d.get("firstLabel"), (String) d.get("firstLabelEn")});
                domainLabels.put((String) d.get("second"), new String[] {(String) d.get("secondLabel"), (String) d.get("secondLabelEn")});
            }
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(new Evidence("SERVICE", firstKey, firstName, "Angebot unter " + String.join(", ", firstDomains)));
            evidence.add(new Evidence("SERVICE", secondKey, secondName, "Angebot unter " + String.join(", ", secondDomains)));
            first.forEach(i -> evidence.add(actorEvidence(graph.actor(i), "Träger von " + firstKey)));
            second.forEach(i -> evidence.add(actorEvidence(graph.actor(i), "Träger von " + secondKey)));
            groups.forEach(g -> evidence.add(new Evidence("TARGET_GROUP", (String) g.get("key"), (String) g.get("label"),
                    "gemeinsame Zielgruppe")));
            domainLabels.forEach((key, labels) -> evidence.add(new Evidence("LEGAL_DOMAIN", key, labels[0],
                    "benachbarter Rechtskreis")));
            areas.forEach(a -> evidence.add(new Evidence("AREA", (String) a.get("key"), (String) a.get("label"),
                    "gemeinsames Gebiet")));
            String groupsDe = groups.stream().map(g -> (String) g.get("label")).collect(Collectors.joining(", "));
            String groupsEn = groups.stream().map(g -> (String) g.get("labelEn")).collect(Collectors.joining(", "));
            String areasText = areas.stream().map(a -> (String) a.get("label")).collect(Collectors.joining(", "));
            String firstProviders = names(graph, first);
            String secondProviders = names(graph, second);
            String firstDomainsDe = labels(firstDomains, domainLabels, 0);
            String secondDomainsDe = labels(secondDomains, domainLabels, 0);
            List<String> kinds = new ArrayList<>();
            for (int i : first) {
                for (int j : second) {
                    kinds.add(InterfaceKinds.of(graph.actor(i), graph.actor(j)));
                }
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("sharedTargetGroups", (double) groups.size());
            figures.put("sharedAreas", (double) areas.size());
            findings.add(Finding.of("IMPLICIT_INTERFACE", "MEDIUM",
                    ("„%s“ (%s, %s) und „%s“ (%s, %s) richten sich an dieselbe Zielgruppe (%s) in %s, unter "
                            + "benachbarten Rechtskreisen: Wer vom einen in den anderen Rechtskreis wechselt, wechselt "
                            + "das Angebot. Die Träger haben aber keine Übergabe, keinen Verweis, keine Kooperation "
                            + "und kein gemeinsames Gremium. Klären Sie die Schnittstelle, z. B. mit einem Verweisweg "
                            + "oder einer Kooperationsvereinbarung.")
                            .formatted(firstName, firstProviders, firstDomainsDe, secondName, secondProviders,
                                    secondDomainsDe, groupsDe, areasText),
                    ("\"%s\" (%s, %s) and \"%s\" (%s, %s) serve the same target group (%s) in %s under adjacent "
                            + "legal domains: whoever changes legal domain changes service. Yet the providers have no "
                            + "handover, referral, cooperation or shared body. Define the interface, e.g. a referral "
                            + "path or a cooperation agreement.")
                            .formatted(firstName, firstProviders, labels(firstDomains, domainLabels, 1), secondName,
                                    secondProviders, labels(secondDomains, domainLabels, 1), groupsEn, areasText),
                    evidence).withFigures(figures).withInterfaceKind(InterfaceKinds.dominant(kinds)));
        }
        return findings;
    }

    /**
     * The pairs of services that may form an implicit interface ({@link AreaPairs}): overlapping areas, a legal
     * domain of one adjacent to one of the other's, a shared target group. {@code implicit-candidates} checks each
     * pair in full. Blocks of domain and group alone paired every service of a Kreis with most others, and across a
     * Land exceeded the database's memory.
     */
    private List<List<String>> candidatePairs(Scope scope) {
        List<AreaPairs.Service> services = new ArrayList<>();
        for (Map<String, Object> row : client.query(CypherFiles.get("interfaces/implicit-services", scope.read()))
                .bindAll(scope.parameters()).fetch().all()) {
            List<String> groups = Rows.strings(row.get("groups"));
            services.add(new AreaPairs.Service((String) row.get("key"), Rows.maps(row.get("areas")),
                    AreaPairs.combinations(Rows.strings(row.get("domains")), groups),
                    AreaPairs.combinations(Rows.strings(row.get("adjacentDomains")), groups)));
        }
        return AreaPairs.of(services);
    }

    private static String labels(Set<String> keys, Map<String, String[]> labels, int language) {
        return keys.stream().map(k -> labels.get(k)[language] != null ? labels.get(k)[language] : k)
                .collect(Collectors.joining(", "));
    }

    private static List<Integer> indices(ActorGraph graph, List<String> keys) {
        return keys.stream().map(graph::indexOf).filter(java.util.Objects::nonNull).toList();
    }

    /** A provider in common, or any two providers tied in the actor graph. */
    private static boolean tied(ActorGraph graph, List<Integer> first, List<Integer> second) {
        for (int i : first) {
            for (int j : second) {
                if (i == j || graph.graph().adjacent(i, j)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- articulation points and bridges

    private List<Finding> articulationPoints(ActorGraph graph, Cuts cuts, Betweenness betweenness, Options options) {
        List<ArticulationPoint> points = cuts.articulationPoints().stream()
                .sorted(Comparator.comparingInt(ArticulationPoint::cutOffSize).reversed()
                        .thenComparing(p -> graph.actor(p.node()).key()))
                .limit(Math.max(0, options.maxCuts())).toList();
        List<Finding> findings = new ArrayList<>();
        for (ArticulationPoint point : points) {
            ActorGraph.Actor actor = graph.actor(point.node());
            List<int[]> parts = cuts.cutOff(point);
            List<Integer> cutOff = parts.stream().flatMapToInt(java.util.Arrays::stream).boxed()
                    .sorted(Comparator.comparing(i -> graph.actor(i).key())).toList();
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(actorEvidence(actor, "Ausfallpunkt"));
            cutOff.stream().limit(MAX_LISTED).forEach(i -> evidence.add(actorEvidence(graph.actor(i), "abgeschnitten")));
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("cutOffActors", (double) point.cutOffSize());
            figures.put("cutOffParts", (double) point.cutOffParts());
            figures.put("remainingActors", (double) point.remaining());
            figures.put("betweenness", round(betweenness.values()[point.node()]));
            String names = names(graph, cutOff.stream().limit(MAX_LISTED).toList());
            String more = cutOff.size() > MAX_LISTED ? " …" : "";
            findings.add(Finding.of("ARTICULATION_POINT", point.cutOffSize() >= 2 ? "MEDIUM" : "LOW",
                    ("%s ist ein einzelner Ausfallpunkt: Ohne %s verlieren %d Akteur(e) jede Verbindung zum übrigen "
                            + "Netz (%s%s). Schaffen Sie direkte Verbindungen, z. B. eine Kooperation oder eine "
                            + "Mitgliedschaft in einem Gremium des übrigen Netzes, und eine Vertretung.")
                            .formatted(actor.name(), actor.name(), point.cutOffSize(), names, more),
                    ("%s is a single point of failure: without it %d actor(s) lose every connection to the rest of "
                            + "the network (%s%s). Create direct ties, e.g. a cooperation or a membership in a body of "
                            + "the rest of the network, and a deputy.")
                            .formatted(actor.name(), point.cutOffSize(), names, more),
                    evidence).withFigures(figures)
                    .withInterfaceKind(InterfaceKinds.dominant(cutOff.stream()
                            .map(i -> InterfaceKinds.of(actor, graph.actor(i))).toList())));
        }
        return findings;
    }

    private List<Finding> bridges(ActorGraph graph, Cuts cuts, Options options) {
        List<Bridge> bridges = cuts.bridges().stream()
                .sorted(Comparator.comparingInt((Bridge b) -> Math.min(b.sideOfU(), b.sideOfV())).reversed()
                        .thenComparing(b -> graph.actor(b.u()).key()).thenComparing(b -> graph.actor(b.v()).key()))
                .limit(Math.max(0, options.maxCuts())).toList();
        List<Finding> findings = new ArrayList<>();
        for (Bridge bridge : bridges) {
            ActorGraph.Actor u = graph.actor(bridge.u());
            ActorGraph.Actor v = graph.actor(bridge.v());
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(actorEvidence(u, "Ende der Brücke"));
            evidence.add(actorEvidence(v, "Ende der Brücke"));
            List<String> ties = new ArrayList<>();
            for (ActorGraph.Relation relation : graph.relationsBetween(bridge.u(), bridge.v())) {
                evidence.add(new Evidence("RELATION", relation.key(), relation.type(), "einzige Verbindung"));
                ties.add(relation.key());
            }
            for (ActorGraph.Body body : graph.bodiesOf(bridge.u(), bridge.v())) {
                evidence.add(new Evidence("BODY", body.key(), body.name(), "einzige Verbindung (gemeinsames Gremium)"));
                body.members().stream().filter(m -> m.actor() == bridge.u() || m.actor() == bridge.v())
                        .forEach(m -> evidence.add(new Evidence("MEMBERSHIP", m.key(), body.name(), "Mitgliedschaft")));
                ties.add(body.key());
            }
            int smaller = Math.min(bridge.sideOfU(), bridge.sideOfV());
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("actorsOnFirstSide", (double) bridge.sideOfU());
            figures.put("actorsOnSecondSide", (double) bridge.sideOfV());
            findings.add(Finding.of("BRIDGE", smaller >= 2 ? "MEDIUM" : "LOW",
                    ("Die Verbindung zwischen %s und %s (%s) ist eine Brücke: Fällt sie weg, zerfällt das Netz in "
                            + "%d und %d Akteure. Eine zweite Verbindung zwischen beiden Seiten sichert den Austausch.")
                            .formatted(u.name(), v.name(), String.join(", ", ties), bridge.sideOfU(), bridge.sideOfV()),
                    ("The tie between %s and %s (%s) is a bridge: without it the network falls apart into %d and %d "
                            + "actors. A second tie between the two sides secures the exchange.")
                            .formatted(u.name(), v.name(), String.join(", ", ties), bridge.sideOfU(), bridge.sideOfV()),
                    evidence).withFigures(figures).withInterfaceKind(InterfaceKinds.of(u, v)));
        }
        return findings;
    }

    // ---- brokers

    private List<Finding> brokers(ActorGraph graph, Betweenness betweenness, Options options) {
        double[] values = betweenness.values();
        List<Integer> ranked = IntStream.range(0, graph.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -values[i]).thenComparing(i -> graph.actor(i).key()))
                .toList();
        List<Finding> findings = new ArrayList<>();
        Graph g = graph.graph();
        for (int rank = 0; rank < ranked.size() && findings.size() < options.maxBrokers(); rank++) {
            int v = ranked.get(rank);
            if (values[v] < options.brokerThreshold() || values[v] == 0) {
                break;
            }
            ActorGraph.Actor actor = graph.actor(v);
            int[] neighbours = g.neighbours(v);
            int[] partnerCounts = GraphAlgorithms.brokeredPartners(g, v);
            List<String> kinds = new ArrayList<>();
            long pairs = 0;
            for (int i = 0; i < neighbours.length; i++) {
                for (int j = i + 1; j < neighbours.length; j++) {
                    if (!g.adjacent(neighbours[i], neighbours[j])) {
                        pairs++;
                        kinds.add(InterfaceKinds.of(graph.actor(neighbours[i]), graph.actor(neighbours[j])));
                    }
                }
            }
            List<Integer> partners = IntStream.range(0, neighbours.length).filter(i -> partnerCounts[i] > 0).boxed()
                    .sorted(Comparator.comparingInt((Integer i) -> -partnerCounts[i])
                            .thenComparing(i -> graph.actor(neighbours[i]).key()))
                    .map(i -> neighbours[i]).limit(10).toList();
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(actorEvidence(actor, "Vermittler:in"));
            partners.forEach(p -> evidence.add(actorEvidence(graph.actor(p), "über die Vermittlung verbunden")));
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("betweenness", round(values[v]));
            figures.put("rank", (double) rank + 1);
            figures.put("degree", (double) g.degree(v));
            figures.put("brokeredPairs", (double) pairs);
            figures.put("sampled", betweenness.sampled() ? 1.0 : 0.0);
            String percent = String.format(Locale.GERMANY, "%.1f", values[v] * 100);
            String percentEn = String.format(Locale.ROOT, "%.1f", values[v] * 100);
            String partnerNames = names(graph, partners);
            findings.add(Finding.of("BROKER", "INFO",
                    ("%s vermittelt im Netz: %s %% der kürzesten Verbindungen zwischen anderen Akteuren laufen über "
                            + "%s (Zwischenzentralität, Rang %d); %d Paare der %d Partner:innen sind untereinander nicht "
                            + "verbunden, vor allem %s. Fällt %s aus, reißen diese Wege ab: sichern Sie Vertretung und "
                            + "direkte Kontakte.")
                            .formatted(actor.name(), percent, actor.name(), rank + 1, pairs, g.degree(v), partnerNames,
                                    actor.name()),
                    ("%s brokers in the network: %s %% of the shortest connections between other actors run through "
                            + "it (betweenness, rank %d); %d pairs of its %d partners are not tied to each other, above "
                            + "all %s. If it drops out these paths break: secure a deputy and direct contacts.")
                            .formatted(actor.name(), percentEn, rank + 1, pairs, g.degree(v), partnerNames),
                    evidence).withFigures(figures).withInterfaceKind(InterfaceKinds.dominant(kinds)));
        }
        return findings;
    }

    private List<Finding> brokerageRoles(ActorGraph graph, Grouping grouping, Options options) {
        int n = graph.size();
        int[][] groups = new int[n][];
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ActorGraph.Actor actor = graph.actor(i);
            List<String> keys = grouping == Grouping.SECTOR
                    ? (actor.sector() == null ? List.of() : List.of(actor.sector()))
                    : actor.legalDomains();
            groups[i] = keys.stream().mapToInt(k -> ids.computeIfAbsent(k, x -> ids.size())).sorted().distinct().toArray();
        }
        int[][] arcs = graph.arcs();
        Brokerage[] roles = GraphAlgorithms.brokerage(graph.graph(), arcs, groups);
        List<Integer> selected = IntStream.range(0, n).boxed()
                .filter(i -> roles[i].acrossGroups() >= Math.max(1, options.minBrokeredPairs()))
                .sorted(Comparator.comparingLong((Integer i) -> -roles[i].acrossGroups())
                        .thenComparing(i -> graph.actor(i).key()))
                .limit(Math.max(0, options.maxBrokerageRoles())).toList();
        boolean byDomain = grouping == Grouping.LEGAL_DOMAIN;
        String across = byDomain ? "Rechtskreisen" : "Sektoren";
        String acrossEn = byDomain ? "legal domains" : "sectors";
        List<Finding> findings = new ArrayList<>();
        for (int v : selected) {
            ActorGraph.Actor actor = graph.actor(v);
            Brokerage b = roles[v];
            List<int[]> pairs = GraphAlgorithms.brokeredPairs(graph.graph(), arcs, groups, v);
            long[] counts = new long[n];
            List<String> kinds = new ArrayList<>();
            for (int[] pair : pairs) {
                counts[pair[0]]++;
                counts[pair[1]]++;
                kinds.add(InterfaceKinds.of(graph.actor(pair[0]), graph.actor(pair[1])));
            }
            List<Integer> counterparts = IntStream.range(0, n).filter(i -> counts[i] > 0).boxed()
                    .sorted(Comparator.comparingLong((Integer i) -> -counts[i]).thenComparing(i -> graph.actor(i).key()))
                    .toList();
            Set<String> linked = new TreeSet<>();
            counterparts.forEach(i -> linked.addAll(byDomain ? graph.actor(i).legalDomains()
                    : graph.actor(i).sector() == null ? List.of() : List.of(graph.actor(i).sector())));
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(actorEvidence(actor, "Vermittler:in zwischen " + across));
            counterparts.stream().limit(10).forEach(i -> evidence.add(actorEvidence(graph.actor(i),
                    "vermittelte:r Partner:in (" + String.join(", ", byDomain ? graph.actor(i).legalDomains()
                            : graph.actor(i).sector() == null ? List.of() : List.of(graph.actor(i).sector())) + ")")));
            if (byDomain) {
                linked.forEach(d -> evidence.add(new Evidence("LEGAL_DOMAIN", d, graph.legalDomainLabel(d),
                        "verbundener Rechtskreis")));
            }
            Map<String, Long> roleCounts = new LinkedHashMap<>();
            roleCounts.put("liaison", b.liaison());
            roleCounts.put("gatekeeper", b.gatekeeper());
            roleCounts.put("representative", b.representative());
            roleCounts.put("itinerant", b.itinerant());
            long most = roleCounts.values().stream().mapToLong(Long::longValue).max().orElse(0);
            List<String> mainRoles = roleCounts.entrySet().stream().filter(e -> e.getValue() == most)
                    .map(Map.Entry::getKey).toList();
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("brokeredAcrossGroups", (double) b.acrossGroups());
            figures.put("coordinator", (double) b.coordinator());
            figures.put("itinerant", (double) b.itinerant());
            figures.put("gatekeeper", (double) b.gatekeeper());
            figures.put("representative", (double) b.representative());
            figures.put("liaison", (double) b.liaison());
            figures.put("groupsLinked", (double) linked.size());
            String linkedDe = byDomain ? String.join(", ", linked)
                    : linked.stream().map(s -> term("Sector", s, true)).collect(Collectors.joining(", "));
            String linkedEn = byDomain ? String.join(", ", linked)
                    : linked.stream().map(s -> term("Sector", s, false)).collect(Collectors.joining(", "));
            findings.add(Finding.of("BROKERAGE_ROLE", "INFO",
                    ("%s vermittelt zwischen %s: %d Paare nicht direkt verbundener Akteure aus verschiedenen Gruppen "
                            + "(%s) sind über %s verbunden, vor allem als %s (Gould–Fernandez: Liaison %d, Gatekeeper %d, "
                            + "Repräsentant:in %d, Itinerant %d). Solche Brücken zwischen %s sind wertvoll und "
                            + "verletzlich: halten Sie sie fest, z. B. in einer Vereinbarung.")
                            .formatted(actor.name(), across, b.acrossGroups(), linkedDe, actor.name(),
                                    mainRoles.stream().map(InterfacePoints::roleDe).collect(Collectors.joining(" und ")),
                                    b.liaison(), b.gatekeeper(), b.representative(), b.itinerant(),
                                    across),
                    ("%s brokers across %s: %d pairs of actors from different groups (%s) that are not tied directly "
                            + "are linked through it, above all as %s (Gould–Fernandez: liaison %d, gatekeeper %d, "
                            + "representative %d, itinerant %d). Such bridges between %s are valuable and fragile: "
                            + "secure them, e.g. in an agreement.")
                            .formatted(actor.name(), acrossEn, b.acrossGroups(), linkedEn, String.join(" and ", mainRoles),
                                    b.liaison(),
                                    b.gatekeeper(), b.representative(), b.itinerant(), acrossEn),
                    evidence).withFigures(figures).withInterfaceKind(InterfaceKinds.dominant(kinds)));
        }
        return findings;
    }

    private static String roleDe(String role) {
        return switch (role) {
            case "gatekeeper" -> "Gatekeeper";
            case "representative" -> "Repräsentant:in";
            case "itinerant" -> "Itinerant (Berater:in)";
            default -> "Liaison";
        };
    }

    // ---- helpers

    static Evidence actorEvidence(ActorGraph.Actor actor, String role) {
        return new Evidence("ACTOR", actor.key(), actor.name(), role);
    }

    static String names(ActorGraph graph, List<Integer> actors) {
        return actors.stream().map(i -> graph.actor(i).name()).collect(Collectors.joining(", "));
    }

    static String term(String vocabulary, @Nullable String key, boolean german) {
        if (key == null) {
            return "–";
        }
        return Terms.get().term(vocabulary, key).map(t -> german ? t.de() : t.en()).orElse(key);
    }

    /** Figures rounded to four decimals, as the oracle states them. */
    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
