package de.kimgraph.queries.analytics.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import de.kimgraph.queries.analytics.Evidence;
import de.kimgraph.queries.analytics.Finding;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.interfaces.ActorGraph;
import de.kimgraph.queries.analytics.interfaces.ActorGraphReader;
import de.kimgraph.queries.analytics.interfaces.Graph;
import de.kimgraph.queries.analytics.interfaces.GraphAlgorithms;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Network health of an area (DOMAIN.md §5.6) on the same actor graph as the interface analysis
 * ({@link ActorGraph}: valid actors in scope plus their external partners; ties are valid relations and
 * co-memberships): density, components, Freeman degree centralisation, communities compared with the formal
 * bodies, and findings:
 * <ul>
 *   <li>{@code ISOLATED_ACTOR} (MEDIUM): a valid actor in scope with no valid membership in a valid body and no
 *   valid relation to another valid actor;</li>
 *   <li>{@code LOW_DENSITY} (MEDIUM): density below {@code minDensity};</li>
 *   <li>{@code FRAGMENTED_NETWORK} (MEDIUM): the largest component holds less than {@code minConnectedShare} of
 *   the actors, or another component has at least {@code minIslandSize} actors (a separate island of
 *   cooperation). Isolated actors count as components of one but are reported as ISOLATED_ACTOR instead.</li>
 * </ul>
 * Communities are found with a deterministic Louvain method ({@link GraphAlgorithms#communities}); each one of two
 * or more actors is compared with the formal body whose valid members overlap it best (Jaccard over actors).
 */
@Component
@Transactional(readOnly = true)
public class NetworkHealth {

    /**
     * Thresholds, all arguments of the GraphQL field.
     *
     * @param minDensity        LOW_DENSITY below this density (default 0.05: fewer than one in twenty possible pairs
     *                          tied; co-membership makes whole bodies cliques, so a working network lies well above
     *                          it, the demo district at 0.21)
     * @param minConnectedShare FRAGMENTED_NETWORK when the largest component holds less than this share of the
     *                          actors (default 0.8)
     * @param minIslandSize     FRAGMENTED_NETWORK also when a component other than the largest has at least this
     *                          many actors (default 3: a pair may be a bilateral contact, three are a group of their
     *                          own)
     */
    public record Options(double minDensity, double minConnectedShare, int minIslandSize) {

        public static final Options DEFAULTS = new Options(0.05, 0.8, 3);
    }

    /**
     * A community of the actor graph and the formal body that matches it best.
     *
     * @param actors        member actor keys, sorted
     * @param body          key of the best-matching valid body (highest Jaccard, then most shared members, then key),
     *                      null when no body shares a member
     * @param jaccard       |community ∩ body members| / |community ∪ body members|
     * @param sharedMembers |community ∩ body members|
     * @param bodyMembers   number of the body's valid members in the graph
     */
    public record Community(int index, List<String> actors, @Nullable String body, double jaccard, int sharedMembers,
                            int bodyMembers) {
    }

    /** The measures, communities and findings of one area. */
    public record Report(Scope scope, int actorCount, int externalPartners, int tieCount, double density,
                         double averageDegree, int componentCount, List<Integer> componentSizes,
                         double largestComponentShare, double degreeCentralisation, int isolatedCount,
                         double modularity, List<Community> communities, List<Finding> findings) {
    }

    private static final int MAX_LISTED = 25;

    private final ActorGraphReader reader;

    public NetworkHealth(ActorGraphReader reader) {
        this.reader = reader;
    }

    public Report analyse(Scope scope, Options options) {
        ActorGraph graph = reader.read(scope);
        Graph g = graph.graph();
        int n = g.size();
        GraphAlgorithms.Components components = GraphAlgorithms.components(g);
        List<Integer> sizes = IntStream.of(components.sizes()).boxed().sorted(Comparator.reverseOrder()).toList();
        int largest = components.largest();
        double largestShare = n == 0 ? 0 : (double) components.sizes()[largest] / n;
        double density = GraphAlgorithms.density(g);
        double averageDegree = n == 0 ? 0 : 2.0 * g.edgeCount() / n;
        int[] community = GraphAlgorithms.communities(g);
        double modularity = GraphAlgorithms.modularity(g, community);

        List<Finding> findings = new ArrayList<>();
        List<Integer> isolated = IntStream.range(0, n)
                .filter(i -> graph.actor(i).inScope() && g.degree(i) == 0 && !graph.inBody(i)).boxed().toList();
        for (int i : isolated) {
            ActorGraph.Actor actor = graph.actor(i);
            findings.add(Finding.of("ISOLATED_ACTOR", "MEDIUM",
                    ("%s ist im Netz isoliert: am Stichtag in keinem gültigen Gremium und ohne gültige Beziehung "
                            + "(Kooperation, Verweis, Beauftragung, Kofinanzierung, Aufsicht, Fallübergabe) zu einem "
                            + "anderen Akteur. Laden Sie %s in ein passendes Gremium ein oder erfassen Sie bestehende "
                            + "Kontakte.").formatted(actor.name(), actor.name()),
                    ("%s is isolated in the network: on the date it sits in no valid body and has no valid relation "
                            + "(cooperation, referral, commissioning, co-financing, supervision, handover) with another "
                            + "actor. Invite it into a suitable body or record the contacts that exist.")
                            .formatted(actor.name()),
                    List.of(new Evidence("ACTOR", actor.key(), actor.name(), "isoliert"))));
        }
        if (n >= 2 && density < options.minDensity()) {
            Map<String, Double> figures = new LinkedHashMap<>();
            figures.put("density", round(density));
            figures.put("minDensity", options.minDensity());
            figures.put("actors", (double) n);
            figures.put("ties", (double) g.edgeCount());
            figures.put("averageDegree", round(averageDegree));
            findings.add(Finding.of("LOW_DENSITY", "MEDIUM",
                    ("Das Netz ist dünn geknüpft: nur %s der möglichen Verbindungen zwischen den %d Akteuren bestehen "
                            + "(Dichte unter %s), im Mittel %s Verbindungen je Akteur. Gemeinsame Gremien oder "
                            + "Kooperationen würden den Austausch verbreitern.")
                            .formatted(percent(density, Locale.GERMANY), n, percent(options.minDensity(), Locale.GERMANY),
                                    String.format(Locale.GERMANY, "%.1f", averageDegree)),
                    ("The network is sparse: only %s of the possible ties between its %d actors exist (density below "
                            + "%s), %s ties per actor on average. Shared bodies or cooperations would broaden the "
                            + "exchange.").formatted(percent(density, Locale.ROOT), n,
                            percent(options.minDensity(), Locale.ROOT), String.format(Locale.ROOT, "%.1f", averageDegree)),
                    List.of()).withFigures(figures));
        }
        List<Integer> islands = IntStream.range(0, components.count())
                .filter(c -> c != largest && components.sizes()[c] >= Math.max(2, options.minIslandSize())).boxed()
                .toList();
        if (n > 0 && (largestShare < options.minConnectedShare() || !islands.isEmpty())) {
            findings.add(fragmented(graph, components, largest, largestShare, islands, options));
        }

        return new Report(scope, n, (int) graph.actors().stream().filter(a -> !a.inScope()).count(), g.edgeCount(),
                round(density), round(averageDegree), components.count(), sizes, round(largestShare),
                round(GraphAlgorithms.degreeCentralisation(g)), isolated.size(), round(modularity),
                communities(graph, community), findings);
    }

    private static Finding fragmented(ActorGraph graph, GraphAlgorithms.Components components, int largest,
                                      double largestShare, List<Integer> islands, Options options) {
        int n = graph.size();
        List<Integer> outside = IntStream.range(0, n).filter(i -> components.component()[i] != largest).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -components.sizes()[components.component()[i]])
                        .thenComparing(i -> graph.actor(i).key()))
                .toList();
        List<Evidence> evidence = new ArrayList<>();
        outside.stream().limit(MAX_LISTED).forEach(i -> evidence.add(new Evidence("ACTOR", graph.actor(i).key(),
                graph.actor(i).name(), "außerhalb des Hauptnetzes (Teil mit " + components.sizes()[components.component()[i]]
                + " Akteur(en))")));
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("components", (double) components.count());
        figures.put("largestComponent", (double) components.sizes()[largest]);
        figures.put("largestComponentShare", round(largestShare));
        figures.put("minConnectedShare", options.minConnectedShare());
        figures.put("islands", (double) islands.size());
        String islandSizes = islands.stream().map(c -> String.valueOf(components.sizes()[c])).collect(Collectors.joining(", "));
        String names = outside.stream().limit(MAX_LISTED).map(i -> graph.actor(i).name()).collect(Collectors.joining(", "));
        return Finding.of("FRAGMENTED_NETWORK", "MEDIUM",
                ("Das Netz zerfällt in %d Teile: Das Hauptnetz umfasst %d von %d Akteuren (%s)%s. Außerhalb: %s. "
                        + "Verbinden Sie die Teile, z. B. über ein gemeinsames Gremium oder eine Kooperation.")
                        .formatted(components.count(), components.sizes()[largest], n,
                                percent(largestShare, Locale.GERMANY),
                                islands.isEmpty() ? "" : "; eigene Inseln mit " + islandSizes + " Akteuren", names),
                ("The network falls apart into %d parts: the main part holds %d of %d actors (%s)%s. Outside: %s. "
                        + "Connect the parts, e.g. through a shared body or a cooperation.")
                        .formatted(components.count(), components.sizes()[largest], n, percent(largestShare, Locale.ROOT),
                                islands.isEmpty() ? "" : "; separate islands of " + islandSizes + " actors", names),
                evidence).withFigures(figures);
    }

    private static List<Community> communities(ActorGraph graph, int[] community) {
        int n = graph.size();
        int count = IntStream.of(community).max().orElse(-1) + 1;
        List<Set<Integer>> members = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            members.add(new HashSet<>());
        }
        for (int i = 0; i < n; i++) {
            members.get(community[i]).add(i);
        }
        List<Community> result = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Set<Integer> set = members.get(c);
            if (set.size() < 2) {
                continue;
            }
            ActorGraph.Body best = null;
            double bestJaccard = 0;
            int bestShared = 0;
            int bestSize = 0;
            for (ActorGraph.Body body : graph.bodies()) {
                Set<Integer> bodySet = body.members().stream().map(ActorGraph.Membership::actor).collect(Collectors.toSet());
                int shared = (int) bodySet.stream().filter(set::contains).count();
                if (shared == 0) {
                    continue;
                }
                double jaccard = (double) shared / (set.size() + bodySet.size() - shared);
                if (best == null || jaccard > bestJaccard + 1e-12
                        || (Math.abs(jaccard - bestJaccard) <= 1e-12 && shared > bestShared)) {
                    best = body;
                    bestJaccard = jaccard;
                    bestShared = shared;
                    bestSize = bodySet.size();
                }
            }
            List<String> keys = set.stream().map(i -> graph.actor(i).key()).sorted().toList();
            result.add(new Community(result.size() + 1, keys, best == null ? null : best.key(), round(bestJaccard),
                    bestShared, bestSize));
        }
        return result;
    }

    private static String percent(double share, Locale locale) {
        return String.format(locale, "%.1f %%", share * 100);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
