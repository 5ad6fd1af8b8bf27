package de.kimgraph.queries.analytics.interfaces;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * The graph algorithms of the interface and network-health analyses, on a {@link Graph} projected from Cypher
 * and run in the JVM.
 *
 * <p>Why in the JVM and not in Cypher or a library: Neo4j Community has no graph algorithms, Graph Data Science
 * is not published for the embedded 2026.08 line (ENGINEERING-NOTES), and JGraphT's exact betweenness is about
 * nine times slower than an array-based Brandes while its biconnectivity inspector recurses and overflows the
 * default stack at about 2×10^4 nodes (jgrapht#1266). So: array-based Brandes, and iterative (explicit stack)
 * depth-first searches. No dependency is added.
 *
 * <p>Everything here is deterministic: nodes are visited in index order (the callers number actors by key), ties
 * are broken by the smaller index, and sampling uses a fixed seed.
 */
public final class GraphAlgorithms {

    /**
     * Above this many nodes betweenness is estimated from {@link #SAMPLED_SOURCES} sources instead of computed
     * exactly. Exact Brandes is O(n·m). Measured (CPU time of one thread, random graphs, on the project's 2-vCPU
     * machine while it was shared): 10^3 nodes 0.12 s (average degree 11) to 0.33 s (degree 30); 2×10^3 nodes
     * 0.5–0.9 s; 10^4 nodes 14–23 s exact against 1.3–2.0 s sampled. A Kreis has 200–2,000 actors (DOMAIN.md §7),
     * so every Kreis is computed exactly, Land or federal scopes are sampled.
     */
    public static final int EXACT_BETWEENNESS_MAX_NODES = 2_500;

    /**
     * Number of sampled sources above {@link #EXACT_BETWEENNESS_MAX_NODES} (Brandes–Pich estimator: the sums from
     * k uniformly drawn sources, scaled by n/k; ENGINEERING-NOTES suggests about 1,000 for Land scale).
     */
    public static final int SAMPLED_SOURCES = 1_000;

    /** Seed of the source sample, fixed so that the same graph always gives the same estimate. */
    public static final long SAMPLING_SEED = 20_260_601L;

    private GraphAlgorithms() {
    }

    /** Betweenness of every node, normalised, and how it was computed. */
    public record Betweenness(double[] values, boolean sampled, int sources) {
    }

    /**
     * Betweenness centrality of every node, normalised to 0..1 by the number of pairs of other nodes,
     * {@code (n-1)(n-2)/2} (undirected). Exact up to {@link #EXACT_BETWEENNESS_MAX_NODES} nodes, else estimated
     * from {@link #SAMPLED_SOURCES} sources drawn with {@link #SAMPLING_SEED}.
     */
    public static Betweenness betweenness(Graph g) {
        if (g.size() <= EXACT_BETWEENNESS_MAX_NODES) {
            return new Betweenness(betweenness(g, null), false, g.size());
        }
        return new Betweenness(betweenness(g, sampleSources(g.size(), SAMPLED_SOURCES, SAMPLING_SEED)), true,
                SAMPLED_SOURCES);
    }

    /** {@code count} distinct sources out of {@code 0..n-1}, drawn with a seeded partial Fisher–Yates shuffle. */
    public static int[] sampleSources(int n, int count, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        int k = Math.min(count, n);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] sources = Arrays.copyOf(all, k);
        Arrays.sort(sources);
        return sources;
    }

    /**
     * Brandes' algorithm on arrays (no predecessor lists: a neighbour one level further down is a successor).
     * With {@code sources == null} every node is a source (exact); otherwise the sums are scaled by
     * {@code n / sources.length}.
     */
    public static double[] betweenness(Graph g, int @Nullable [] sources) {
        int n = g.size();
        double[] centrality = new double[n];
        if (n < 3) {
            return centrality;
        }
        int[] offsets = g.offsets();
        int[] targets = g.targets();
        int[] distance = new int[n];
        double[] sigma = new double[n];
        double[] delta = new double[n];
        int[] order = new int[n];
        Arrays.fill(distance, -1);
        int sourceCount = sources == null ? n : sources.length;
        for (int si = 0; si < sourceCount; si++) {
            int s = sources == null ? si : sources[si];
            int head = 0;
            int tail = 0;
            order[tail++] = s;
            distance[s] = 0;
            sigma[s] = 1;
            while (head < tail) {
                int v = order[head++];
                int next = distance[v] + 1;
                double sigmaV = sigma[v];
                for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                    int w = targets[e];
                    int dw = distance[w];
                    if (dw < 0) {
                        distance[w] = next;
                        order[tail++] = w;
                        sigma[w] = sigmaV;
                    } else if (dw == next) {
                        sigma[w] += sigmaV;
                    }
                }
            }
            // delta[v] = sigma[v] · Σ over successors w of (1 + delta[w]) / sigma[w]; the quotient is kept per node
            // (in delta, once w is done) so that no division runs per edge
            for (int i = tail - 1; i >= 0; i--) {
                int v = order[i];
                int next = distance[v] + 1;
                double sum = 0;
                for (int e = offsets[v], end = offsets[v + 1]; e < end; e++) {
                    int w = targets[e];
                    if (distance[w] == next) {
                        sum += delta[w];
                    }
                }
                double dependency = sigma[v] * sum;
                if (v != s) {
                    centrality[v] += dependency;
                }
                delta[v] = (1 + dependency) / sigma[v];
            }
            for (int i = 0; i < tail; i++) {
                int v = order[i];
                distance[v] = -1;
                sigma[v] = 0;
                delta[v] = 0;
            }
        }
        // Every unordered pair is counted from both ends; normalise by (n-1)(n-2)/2 pairs.
        double scale = (sources == null ? 1.0 : (double) n / sourceCount) / ((double) (n - 1) * (n - 2));
        for (int v = 0; v < n; v++) {
            centrality[v] *= scale;
        }
        return centrality;
    }

    /** Component index of every node (numbered in order of their smallest node) and the component sizes. */
    public record Components(int[] component, int[] sizes) {

        public int count() {
            return sizes.length;
        }

        /** Index of the largest component (the first of equal size), or -1 for an empty graph. */
        public int largest() {
            int best = -1;
            for (int c = 0; c < sizes.length; c++) {
                if (best < 0 || sizes[c] > sizes[best]) {
                    best = c;
                }
            }
            return best;
        }
    }

    public static Components components(Graph g) {
        int n = g.size();
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int[] queue = new int[n];
        List<Integer> sizes = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (component[r] >= 0) {
                continue;
            }
            int c = sizes.size();
            int head = 0;
            int tail = 0;
            queue[tail++] = r;
            component[r] = c;
            while (head < tail) {
                int v = queue[head++];
                for (int e = g.start(v); e < g.end(v); e++) {
                    int w = g.target(e);
                    if (component[w] < 0) {
                        component[w] = c;
                        queue[tail++] = w;
                    }
                }
            }
            sizes.add(tail);
        }
        return new Components(component, sizes.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * A node whose removal disconnects its component: how many nodes are cut off from the rest (every part but the
     * largest), in how many parts, and the size of the largest part, which stays connected. The members of the
     * cut-off parts come from {@link Cuts#cutOff}, on demand, because listing them for every articulation point of
     * a long chain would be quadratic.
     */
    public record ArticulationPoint(int node, int cutOffSize, int cutOffParts, int remaining,
                                    int[] separatedChildren, int keptChild, int componentStart, int componentSize) {
    }

    /** An edge whose removal disconnects its component, with the number of nodes left on each side. */
    public record Bridge(int u, int v, int sideOfU, int sideOfV) {
    }

    /** Articulation points (by node index) and bridges (by smaller endpoint, then larger). */
    public record Cuts(List<ArticulationPoint> articulationPoints, List<Bridge> bridges, int[] preorder, int[] disc,
                       int[] subtree) {

        /** The parts an articulation point cuts off, each sorted, ordered by their smallest node. */
        public List<int[]> cutOff(ArticulationPoint point) {
            List<int[]> parts = new ArrayList<>();
            for (int i = 0; i < point.separatedChildren().length; i++) {
                if (i != point.keptChild()) {
                    int child = point.separatedChildren()[i];
                    parts.add(Arrays.copyOfRange(preorder, disc[child], disc[child] + subtree[child]));
                }
            }
            if (point.keptChild() >= 0) {
                int[] rest = rest(point);
                if (rest.length > 0) {
                    parts.add(rest);
                }
            }
            parts.replaceAll(part -> {
                int[] sorted = part.clone();
                Arrays.sort(sorted);
                return sorted;
            });
            parts.sort(Comparator.comparingInt((int[] part) -> part[0]));
            return parts;
        }

        /** The nodes of the component outside the point and outside its separated child subtrees. */
        private int[] rest(ArticulationPoint point) {
            boolean[] excluded = new boolean[point.componentSize()];
            excluded[disc[point.node()] - point.componentStart()] = true;
            for (int child : point.separatedChildren()) {
                for (int i = disc[child]; i < disc[child] + subtree[child]; i++) {
                    excluded[i - point.componentStart()] = true;
                }
            }
            int[] rest = new int[point.componentSize()];
            int k = 0;
            for (int i = 0; i < point.componentSize(); i++) {
                if (!excluded[i]) {
                    rest[k++] = preorder[point.componentStart() + i];
                }
            }
            return Arrays.copyOf(rest, k);
        }
    }

    /**
     * Articulation points and bridges by Hopcroft–Tarjan, with an explicit stack instead of recursion (JGraphT's
     * recursive version overflows at about 2×10^4 nodes). Preorder numbers are contiguous per subtree, so the part
     * an articulation point separates from each child is a range of the preorder. O(n + m).
     */
    public static Cuts cuts(Graph g) {
        int n = g.size();
        int[] disc = new int[n];
        int[] low = new int[n];
        int[] parent = new int[n];
        int[] next = new int[n];
        int[] subtree = new int[n];
        int[] preorder = new int[n];
        int[] stack = new int[n];
        Arrays.fill(disc, -1);
        // separated child subtrees per node, as child node indices
        List<List<Integer>> separated = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            separated.add(null);
        }
        List<ArticulationPoint> points = new ArrayList<>();
        List<Bridge> bridges = new ArrayList<>();
        int time = 0;
        for (int root = 0; root < n; root++) {
            if (disc[root] >= 0) {
                continue;
            }
            int componentStart = time;
            int componentBridges = bridges.size();
            int top = 0;
            stack[top++] = root;
            parent[root] = -1;
            disc[root] = low[root] = time;
            preorder[time++] = root;
            next[root] = g.start(root);
            while (top > 0) {
                int v = stack[top - 1];
                if (next[v] < g.end(v)) {
                    int w = g.target(next[v]++);
                    if (disc[w] < 0) {
                        parent[w] = v;
                        disc[w] = low[w] = time;
                        preorder[time++] = w;
                        next[w] = g.start(w);
                        stack[top++] = w;
                    } else if (w != parent[v]) {
                        low[v] = Math.min(low[v], disc[w]);
                    }
                } else {
                    top--;
                    subtree[v] = time - disc[v];
                    int p = parent[v];
                    if (p >= 0) {
                        low[p] = Math.min(low[p], low[v]);
                        if (low[v] >= disc[p]) {
                            if (separated.get(p) == null) {
                                separated.set(p, new ArrayList<>());
                            }
                            separated.get(p).add(v);
                        }
                        if (low[v] > disc[p]) {
                            int inside = subtree[v];
                            bridges.add(p < v ? new Bridge(p, v, -1, inside) : new Bridge(v, p, inside, -1));
                        }
                    }
                }
            }
            int componentSize = time - componentStart;
            for (int i = componentBridges; i < bridges.size(); i++) {
                Bridge b = bridges.get(i);
                bridges.set(i, b.sideOfU() < 0 ? new Bridge(b.u(), b.v(), componentSize - b.sideOfV(), b.sideOfV())
                        : new Bridge(b.u(), b.v(), b.sideOfU(), componentSize - b.sideOfU()));
            }
            for (int i = componentStart; i < time; i++) {
                int p = preorder[i];
                List<Integer> children = separated.get(p);
                if (children == null || (p == root && children.size() < 2)) {
                    continue;
                }
                int[] childArray = children.stream().mapToInt(Integer::intValue).toArray();
                int inChildren = 0;
                int largest = 0;
                for (int c = 0; c < childArray.length; c++) {
                    inChildren += subtree[childArray[c]];
                    if (subtree[childArray[c]] > subtree[childArray[largest]]) {
                        largest = c;
                    }
                }
                int restSize = componentSize - 1 - inChildren;
                int largestChild = subtree[childArray[largest]];
                boolean restStays = p != root && restSize >= largestChild;
                int remaining = restStays ? restSize : largestChild;
                int parts = childArray.length + (restSize > 0 ? 1 : 0) - 1;
                points.add(new ArticulationPoint(p, componentSize - 1 - remaining, parts, remaining, childArray,
                        restStays ? -1 : largest, componentStart, componentSize));
            }
        }
        points.sort(Comparator.comparingInt(ArticulationPoint::node));
        bridges.sort(Comparator.comparingInt(Bridge::u).thenComparingInt(Bridge::v));
        return new Cuts(points, bridges, preorder, disc, subtree);
    }

    /** Graph density: share of the possible pairs that are tied, {@code 2m / (n(n-1))}. */
    public static double density(Graph g) {
        int n = g.size();
        return n < 2 ? 0 : 2.0 * g.edgeCount() / ((double) n * (n - 1));
    }

    /**
     * Freeman's degree centralisation, {@code Σ(max − deg(v)) / ((n−1)(n−2))}: 1 for a star, 0 when every node has
     * the same degree.
     */
    public static double degreeCentralisation(Graph g) {
        int n = g.size();
        if (n < 3) {
            return 0;
        }
        int max = 0;
        for (int v = 0; v < n; v++) {
            max = Math.max(max, g.degree(v));
        }
        long sum = 0;
        for (int v = 0; v < n; v++) {
            sum += max - g.degree(v);
        }
        return sum / ((double) (n - 1) * (n - 2));
    }

    /**
     * Communities by the Louvain method on the weighted graph (weight = number of ties), made deterministic: nodes
     * move in index order, only on a strict gain, ties go to the smaller community. Why not label propagation: in a
     * fixed order it collapsed the demo district into one community (its co-membership cliques overlap), while
     * modularity optimisation separates the steering structure, the municipal exchange, the volunteer network.
     * Returns the community of every node, numbered by decreasing size, then by smallest member.
     */
    public static int[] communities(Graph g) {
        int n = g.size();
        int[] membership = new int[n];
        for (int i = 0; i < n; i++) {
            membership[i] = i;
        }
        if (n == 0) {
            return membership;
        }
        // level graph in CSR with double weights; self-loops hold internal weight
        int ln = n;
        int[] off = new int[n + 1];
        int[] tgt = new int[g.end(n - 1)];
        double[] w = new double[tgt.length];
        for (int v = 0; v < n; v++) {
            off[v + 1] = g.end(v);
        }
        for (int e = 0; e < tgt.length; e++) {
            tgt[e] = g.target(e);
            w[e] = g.weight(e);
        }
        double[] k = new double[n];
        double m2 = 0;
        for (int v = 0; v < n; v++) {
            for (int e = off[v]; e < off[v + 1]; e++) {
                k[v] += w[e];
            }
            m2 += k[v];
        }
        if (m2 == 0) {
            return renumber(membership);
        }
        for (int level = 0; level < 64; level++) {
            int[] community = new int[ln];
            for (int i = 0; i < ln; i++) {
                community[i] = i;
            }
            double[] total = k.clone();
            double[] toCommunity = new double[ln];
            boolean[] seen = new boolean[ln];
            int[] touched = new int[ln];
            boolean movedAny = false;
            for (int pass = 0; pass < 1_000; pass++) {
                int moved = 0;
                for (int i = 0; i < ln; i++) {
                    int own = community[i];
                    int count = 0;
                    for (int e = off[i]; e < off[i + 1]; e++) {
                        int j = tgt[e];
                        if (j == i) {
                            continue;
                        }
                        int c = community[j];
                        if (!seen[c]) {
                            seen[c] = true;
                            touched[count++] = c;
                        }
                        toCommunity[c] += w[e];
                    }
                    total[own] -= k[i];
                    int best = own;
                    double bestGain = toCommunity[own] - total[own] * k[i] / m2;
                    for (int t = 0; t < count; t++) {
                        int c = touched[t];
                        double gain = toCommunity[c] - total[c] * k[i] / m2;
                        if (gain > bestGain + 1e-12 || (gain > bestGain - 1e-12 && best != own && c < best)) {
                            best = c;
                            bestGain = gain;
                        }
                    }
                    total[best] += k[i];
                    community[i] = best;
                    if (best != own) {
                        moved++;
                    }
                    for (int t = 0; t < count; t++) {
                        toCommunity[touched[t]] = 0;
                        seen[touched[t]] = false;
                    }
                    toCommunity[own] = 0;
                }
                if (moved == 0) {
                    break;
                }
                movedAny = true;
            }
            if (!movedAny) {
                break;
            }
            // renumber communities of this level in order of their first node
            int[] id = new int[ln];
            Arrays.fill(id, -1);
            int nc = 0;
            for (int i = 0; i < ln; i++) {
                if (id[community[i]] < 0) {
                    id[community[i]] = nc++;
                }
            }
            for (int v = 0; v < n; v++) {
                membership[v] = id[community[membership[v]]];
            }
            // aggregate into the next level graph
            double[][] rows = new double[nc][];
            List<List<Integer>> members = new ArrayList<>(nc);
            for (int c = 0; c < nc; c++) {
                members.add(new ArrayList<>());
            }
            for (int i = 0; i < ln; i++) {
                members.get(id[community[i]]).add(i);
            }
            int[] newOff = new int[nc + 1];
            List<int[]> newTargets = new ArrayList<>(nc);
            double[] newK = new double[nc];
            double[] accumulator = new double[nc];
            boolean[] present = new boolean[nc];
            int[] list = new int[nc];
            for (int c = 0; c < nc; c++) {
                int count = 0;
                for (int i : members.get(c)) {
                    newK[c] += k[i];
                    for (int e = off[i]; e < off[i + 1]; e++) {
                        int d = id[community[tgt[e]]];
                        if (!present[d]) {
                            present[d] = true;
                            list[count++] = d;
                        }
                        accumulator[d] += w[e];
                    }
                }
                int[] targets = Arrays.copyOf(list, count);
                Arrays.sort(targets);
                double[] weights = new double[count];
                for (int t = 0; t < count; t++) {
                    weights[t] = accumulator[targets[t]];
                    accumulator[targets[t]] = 0;
                    present[targets[t]] = false;
                }
                newTargets.add(targets);
                rows[c] = weights;
                newOff[c + 1] = newOff[c] + count;
            }
            int[] flatTargets = new int[newOff[nc]];
            double[] flatWeights = new double[newOff[nc]];
            for (int c = 0; c < nc; c++) {
                System.arraycopy(newTargets.get(c), 0, flatTargets, newOff[c], newTargets.get(c).length);
                System.arraycopy(rows[c], 0, flatWeights, newOff[c], rows[c].length);
            }
            ln = nc;
            off = newOff;
            tgt = flatTargets;
            w = flatWeights;
            k = newK;
        }
        return renumber(membership);
    }

    /** Renumbers community labels by decreasing size, then by smallest member. */
    private static int[] renumber(int[] labels) {
        int n = labels.length;
        int max = 0;
        for (int label : labels) {
            max = Math.max(max, label);
        }
        int[] size = new int[max + 1];
        int[] first = new int[max + 1];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int v = 0; v < n; v++) {
            size[labels[v]]++;
            first[labels[v]] = Math.min(first[labels[v]], v);
        }
        Integer[] used = java.util.stream.IntStream.rangeClosed(0, max).filter(c -> size[c] > 0).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(used, Comparator.comparingInt((Integer c) -> -size[c]).thenComparingInt(c -> first[c]));
        int[] rank = new int[max + 1];
        for (int r = 0; r < used.length; r++) {
            rank[used[r]] = r;
        }
        int[] result = new int[n];
        for (int v = 0; v < n; v++) {
            result[v] = rank[labels[v]];
        }
        return result;
    }

    /** Newman's modularity of a partition on the weighted graph. */
    public static double modularity(Graph g, int[] community) {
        int n = g.size();
        int communities = 0;
        for (int c : community) {
            communities = Math.max(communities, c + 1);
        }
        double[] inside = new double[communities];
        double[] total = new double[communities];
        double m2 = 0;
        for (int v = 0; v < n; v++) {
            for (int e = g.start(v); e < g.end(v); e++) {
                double weight = g.weight(e);
                total[community[v]] += weight;
                m2 += weight;
                if (community[g.target(e)] == community[v]) {
                    inside[community[v]] += weight;
                }
            }
        }
        if (m2 == 0) {
            return 0;
        }
        double q = 0;
        for (int c = 0; c < communities; c++) {
            q += inside[c] / m2 - (total[c] / m2) * (total[c] / m2);
        }
        return q;
    }

    /** Gould–Fernandez brokerage counts of one node: brokered ordered pairs (a → v → b, a and b not tied) by role. */
    public record Brokerage(long coordinator, long itinerant, long gatekeeper, long representative, long liaison) {

        /** Pairs brokered across groups: every role but the coordinator's (all three in one group). */
        public long acrossGroups() {
            return itinerant + gatekeeper + representative + liaison;
        }
    }

    /**
     * Gould–Fernandez brokerage roles. {@code arcs} are the directed ties ({@code {from, to}}; symmetric ties are
     * given both ways); a pair a → v → b is brokered by v when a ≠ b and a and b are not tied at all in
     * {@code ties}. Groups are sets (an actor may work under several legal domains): two actors are in the same
     * group when their sets share an element. A pair whose a or b has no group is skipped; a broker without a group
     * counts as a group of its own (an actor outside every legal domain linking two of them is a liaison).
     * Roles: coordinator (a, v, b in one group), itinerant (a and b in one group, v outside), gatekeeper (v and b in
     * one group, a outside), representative (a and v in one group, b outside), liaison (all three different).
     */
    public static Brokerage[] brokerage(Graph ties, int[][] arcs, int[][] groups) {
        int n = ties.size();
        List<List<Integer>> out = new ArrayList<>(n);
        List<List<Integer>> in = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
            in.add(new ArrayList<>());
        }
        long[] encoded = new long[arcs.length];
        for (int i = 0; i < arcs.length; i++) {
            encoded[i] = ((long) arcs[i][0] << 32) | arcs[i][1];
        }
        Arrays.sort(encoded);
        for (int i = 0; i < encoded.length; i++) {
            if (i > 0 && encoded[i] == encoded[i - 1]) {
                continue;
            }
            int from = (int) (encoded[i] >>> 32);
            int to = (int) encoded[i];
            if (from != to) {
                out.get(from).add(to);
                in.get(to).add(from);
            }
        }
        Brokerage[] result = new Brokerage[n];
        for (int v = 0; v < n; v++) {
            long coordinator = 0;
            long itinerant = 0;
            long gatekeeper = 0;
            long representative = 0;
            long liaison = 0;
            for (int a : in.get(v)) {
                if (groups[a].length == 0) {
                    continue;
                }
                boolean av = sameGroup(groups[a], groups[v]);
                for (int b : out.get(v)) {
                    if (a == b || groups[b].length == 0 || ties.adjacent(a, b)) {
                        continue;
                    }
                    boolean ab = sameGroup(groups[a], groups[b]);
                    boolean vb = sameGroup(groups[v], groups[b]);
                    if (ab && av) {
                        coordinator++;
                    } else if (ab) {
                        itinerant++;
                    } else if (vb) {
                        gatekeeper++;
                    } else if (av) {
                        representative++;
                    } else {
                        liaison++;
                    }
                }
            }
            result[v] = new Brokerage(coordinator, itinerant, gatekeeper, representative, liaison);
        }
        return result;
    }

    /**
     * For one broker v: the ordered pairs {@code {a, b}} it brokers across groups (every role but the
     * coordinator's), by the same rules as {@link #brokerage}, sorted.
     */
    public static List<int[]> brokeredPairs(Graph ties, int[][] arcs, int[][] groups, int v) {
        java.util.TreeSet<Integer> in = new java.util.TreeSet<>();
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        for (int[] arc : arcs) {
            if (arc[1] == v && arc[0] != v) {
                in.add(arc[0]);
            }
            if (arc[0] == v && arc[1] != v) {
                out.add(arc[1]);
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int a : in) {
            if (groups[a].length == 0) {
                continue;
            }
            for (int b : out) {
                if (a == b || groups[b].length == 0 || ties.adjacent(a, b)) {
                    continue;
                }
                boolean coordinator = sameGroup(groups[a], groups[b]) && sameGroup(groups[a], groups[v]);
                if (!coordinator) {
                    pairs.add(new int[] {a, b});
                }
            }
        }
        return pairs;
    }

    /** Both sorted sets non-empty and sharing an element. */
    static boolean sameGroup(int[] x, int[] y) {
        int i = 0;
        int j = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                return true;
            }
            if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /**
     * For one node v: how many pairs of its neighbours that are not tied to each other each neighbour is part of
     * (the partners whose connections run through v), indexed like {@link Graph#neighbours}.
     */
    public static int[] brokeredPartners(Graph g, int v) {
        int[] neighbours = g.neighbours(v);
        int[] count = new int[neighbours.length];
        for (int i = 0; i < neighbours.length; i++) {
            for (int j = i + 1; j < neighbours.length; j++) {
                if (!g.adjacent(neighbours[i], neighbours[j])) {
                    count[i]++;
                    count[j]++;
                }
            }
        }
        return count;
    }
}
