package de.kimgraph.queries.analytics.interfaces;

import java.util.Arrays;

/**
 * An undirected simple graph over the nodes {@code 0..n-1} in compressed sparse rows (sorted neighbour arrays),
 * with an integer weight per edge (the number of ties between the two nodes). Arrays rather than object graphs
 * because betweenness and the depth-first searches touch every edge many times; a tie check is a binary search.
 */
public final class Graph {

    private final int n;
    private final int[] offsets;
    private final int[] targets;
    private final int[] weights;

    private Graph(int n, int[] offsets, int[] targets, int[] weights) {
        this.n = n;
        this.offsets = offsets;
        this.targets = targets;
        this.weights = weights;
    }

    /** A graph from an edge list {@code {u, v}}; repeated edges add up to a weight, loops are dropped. */
    public static Graph of(int n, int[]... edges) {
        Builder builder = new Builder(n);
        for (int[] edge : edges) {
            builder.add(edge[0], edge[1]);
        }
        return builder.build();
    }

    public int size() {
        return n;
    }

    /** Number of distinct edges. */
    public int edgeCount() {
        return targets.length / 2;
    }

    public int degree(int v) {
        return offsets[v + 1] - offsets[v];
    }

    /** Index of the first neighbour of {@code v} in {@link #target}/{@link #weight}. */
    public int start(int v) {
        return offsets[v];
    }

    /** Index after the last neighbour of {@code v}. */
    public int end(int v) {
        return offsets[v + 1];
    }

    public int target(int index) {
        return targets[index];
    }

    public int weight(int index) {
        return weights[index];
    }

    /** The row offsets, shared, for the inner loops of the algorithms in this package (not to be modified). */
    int[] offsets() {
        return offsets;
    }

    /** The neighbour arrays of all rows, shared, for the inner loops of the algorithms (not to be modified). */
    int[] targets() {
        return targets;
    }

    public int[] neighbours(int v) {
        return Arrays.copyOfRange(targets, offsets[v], offsets[v + 1]);
    }

    public boolean adjacent(int u, int v) {
        return Arrays.binarySearch(targets, offsets[u], offsets[u + 1], v) >= 0;
    }

    /** Collects edges; {@link #build()} sorts and merges them. */
    public static final class Builder {

        private final int n;
        private long[] pairs = new long[16];
        private int size;

        public Builder(int n) {
            this.n = n;
        }

        public Builder add(int u, int v) {
            if (u < 0 || v < 0 || u >= n || v >= n) {
                throw new IndexOutOfBoundsException("edge " + u + "-" + v + " outside 0.." + (n - 1));
            }
            if (u == v) {
                return this;
            }
            if (size + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[size++] = ((long) u << 32) | v;
            pairs[size++] = ((long) v << 32) | u;
            return this;
        }

        public Graph build() {
            long[] sorted = Arrays.copyOf(pairs, size);
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    distinct++;
                }
            }
            int[] offsets = new int[n + 1];
            int[] targets = new int[distinct];
            int[] weights = new int[distinct];
            int k = -1;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    k++;
                    int u = (int) (sorted[i] >>> 32);
                    targets[k] = (int) sorted[i];
                    offsets[u + 1]++;
                }
                weights[k]++;
            }
            for (int v = 0; v < n; v++) {
                offsets[v + 1] += offsets[v];
            }
            return new Graph(n, offsets, targets, weights);
        }
    }
}
