package de.kimgraph.queries.analytics.interfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import de.kimgraph.queries.analytics.interfaces.GraphAlgorithms.ArticulationPoint;
import de.kimgraph.queries.analytics.interfaces.GraphAlgorithms.Bridge;
import de.kimgraph.queries.analytics.interfaces.GraphAlgorithms.Brokerage;
import de.kimgraph.queries.analytics.interfaces.GraphAlgorithms.Cuts;
import org.junit.jupiter.api.Test;

/** The graph algorithms on tiny graphs whose answers are known by hand. */
class GraphAlgorithmsTest {

    /** 0 - 1 - 2 - 3 - 4 */
    private static final Graph PATH = Graph.of(5, new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}, new int[] {3, 4});

    /** centre 0, leaves 1..4 */
    private static final Graph STAR = Graph.of(5, new int[] {0, 1}, new int[] {0, 2}, new int[] {0, 3}, new int[] {0, 4});

    /** triangles 0-1-2 and 3-4-5, joined by the bridge 2-3 */
    private static final Graph TWO_TRIANGLES = Graph.of(6, new int[] {0, 1}, new int[] {1, 2}, new int[] {0, 2},
            new int[] {3, 4}, new int[] {4, 5}, new int[] {3, 5}, new int[] {2, 3});

    @Test
    void betweennessOnAPathCountsThePairsEachInnerNodeSeparates() {
        double[] b = GraphAlgorithms.betweenness(PATH).values();

        // pairs through 1: (0,2) (0,3) (0,4); through 2: (0,3) (0,4) (1,3) (1,4); of 6 pairs of other nodes
        assertThat(b).containsExactly(new double[] {0, 3.0 / 6, 4.0 / 6, 3.0 / 6, 0}, within(1e-12));
    }

    @Test
    void theCentreOfAStarLiesOnEveryShortestPath() {
        assertThat(GraphAlgorithms.betweenness(STAR).values()).containsExactly(new double[] {1, 0, 0, 0, 0}, within(1e-12));
        assertThat(GraphAlgorithms.degreeCentralisation(STAR)).isCloseTo(1.0, within(1e-12));
        assertThat(GraphAlgorithms.density(STAR)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void betweennessSplitsOverEqualShortestPaths() {
        // a square 0-1-2-3-0: the pair (0,2) runs half through 1, half through 3
        Graph square = Graph.of(4, new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}, new int[] {3, 0});

        assertThat(GraphAlgorithms.betweenness(square).values())
                .containsExactly(new double[] {1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6}, within(1e-12));
    }

    @Test
    void sampledBetweennessWithAllSourcesEqualsTheExactOne() {
        int[] all = GraphAlgorithms.sampleSources(6, 6, 7);

        assertThat(all).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(GraphAlgorithms.betweenness(TWO_TRIANGLES, all))
                .containsExactly(GraphAlgorithms.betweenness(TWO_TRIANGLES, null), within(1e-12));
        assertThat(GraphAlgorithms.sampleSources(100, 10, 7)).containsExactly(GraphAlgorithms.sampleSources(100, 10, 7))
                .hasSize(10);
    }

    @Test
    void aboveTheExactLimitBetweennessIsSampledWithAFixedSeed() {
        int n = GraphAlgorithms.EXACT_BETWEENNESS_MAX_NODES + 500;
        Graph.Builder star = new Graph.Builder(n);
        for (int leaf = 1; leaf < n; leaf++) {
            star.add(0, leaf);
        }
        Graph g = star.build();

        GraphAlgorithms.Betweenness first = GraphAlgorithms.betweenness(g);
        GraphAlgorithms.Betweenness second = GraphAlgorithms.betweenness(g);

        assertThat(first.sampled()).isTrue();
        assertThat(first.sources()).isEqualTo(GraphAlgorithms.SAMPLED_SOURCES);
        assertThat(first.values()[0]).isCloseTo(1.0, within(0.01));
        assertThat(first.values()[1]).isZero();
        assertThat(first.values()).containsExactly(second.values());
    }

    @Test
    void twoTrianglesJoinedByABridge() {
        assertThat(GraphAlgorithms.betweenness(TWO_TRIANGLES).values())
                .containsExactly(new double[] {0, 0, 0.6, 0.6, 0, 0}, within(1e-12));

        Cuts cuts = GraphAlgorithms.cuts(TWO_TRIANGLES);

        assertThat(cuts.articulationPoints()).extracting(ArticulationPoint::node).containsExactly(2, 3);
        ArticulationPoint two = cuts.articulationPoints().getFirst();
        assertThat(cuts.cutOff(two)).containsExactly(new int[] {0, 1});
        assertThat(two.remaining()).isEqualTo(3);
        assertThat(cuts.cutOff(cuts.articulationPoints().get(1))).containsExactly(new int[] {4, 5});
        assertThat(cuts.bridges()).containsExactly(new Bridge(2, 3, 3, 3));
    }

    @Test
    void everyInnerNodeOfAPathIsAnArticulationPointAndEveryEdgeABridge() {
        Cuts cuts = GraphAlgorithms.cuts(PATH);

        assertThat(cuts.articulationPoints()).extracting(ArticulationPoint::node).containsExactly(1, 2, 3);
        assertThat(cuts.cutOff(cuts.articulationPoints().get(0))).containsExactly(new int[] {0});
        assertThat(cuts.cutOff(cuts.articulationPoints().get(2))).containsExactly(new int[] {4});
        assertThat(cuts.articulationPoints().get(1).cutOffSize()).isEqualTo(2);
        assertThat(cuts.bridges()).containsExactly(new Bridge(0, 1, 1, 4), new Bridge(1, 2, 2, 3),
                new Bridge(2, 3, 3, 2), new Bridge(3, 4, 4, 1));
    }

    @Test
    void theCentreOfAStarCutsOffAllButOneLeaf() {
        Cuts cuts = GraphAlgorithms.cuts(STAR);

        assertThat(cuts.articulationPoints()).singleElement().satisfies(p -> {
            assertThat(p.node()).isZero();
            assertThat(p.cutOffSize()).isEqualTo(3);
            assertThat(p.cutOffParts()).isEqualTo(3);
        });
        assertThat(cuts.bridges()).hasSize(4);
    }

    @Test
    void aCycleHasNoCuts() {
        Graph cycle = Graph.of(4, new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}, new int[] {3, 0});

        Cuts cuts = GraphAlgorithms.cuts(cycle);

        assertThat(cuts.articulationPoints()).isEmpty();
        assertThat(cuts.bridges()).isEmpty();
    }

    @Test
    void aLongChainDoesNotOverflowTheStack() {
        int n = 200_000;
        Graph.Builder chain = new Graph.Builder(n);
        for (int i = 0; i + 1 < n; i++) {
            chain.add(i, i + 1);
        }

        Cuts cuts = GraphAlgorithms.cuts(chain.build());

        assertThat(cuts.articulationPoints()).hasSize(n - 2);
        assertThat(cuts.bridges()).hasSize(n - 1);
    }

    @Test
    void componentsAndTheirSizes() {
        Graph g = Graph.of(6, new int[] {0, 1}, new int[] {1, 2}, new int[] {4, 5});

        GraphAlgorithms.Components components = GraphAlgorithms.components(g);

        assertThat(components.component()).containsExactly(0, 0, 0, 1, 2, 2);
        assertThat(components.sizes()).containsExactly(3, 1, 2);
        assertThat(components.largest()).isZero();
    }

    @Test
    void louvainSeparatesTheTwoTriangles() {
        int[] communities = GraphAlgorithms.communities(TWO_TRIANGLES);

        assertThat(communities).containsExactly(0, 0, 0, 1, 1, 1);
        assertThat(GraphAlgorithms.modularity(TWO_TRIANGLES, communities))
                .isCloseTo(2 * (6.0 / 14 - 0.25), within(1e-12));
    }

    @Test
    void louvainKeepsIsolatedNodesApartAndIsDeterministic() {
        Graph g = Graph.of(4, new int[] {0, 1});

        assertThat(GraphAlgorithms.communities(g)).containsExactly(0, 0, 1, 2);
        assertThat(GraphAlgorithms.communities(TWO_TRIANGLES)).containsExactly(GraphAlgorithms.communities(TWO_TRIANGLES));
    }

    @Test
    void brokerageRolesFollowTheGroupsOfTheTriad() {
        // a -> v -> b on a path, a and b not tied
        Graph ties = Graph.of(3, new int[] {0, 1}, new int[] {1, 2});
        int[][] arcs = {{0, 1}, {1, 2}};

        assertThat(roles(ties, arcs, new int[][] {{1}, {1}, {1}})).isEqualTo(new Brokerage(1, 0, 0, 0, 0));
        assertThat(roles(ties, arcs, new int[][] {{1}, {2}, {1}})).isEqualTo(new Brokerage(0, 1, 0, 0, 0));
        assertThat(roles(ties, arcs, new int[][] {{1}, {2}, {2}})).isEqualTo(new Brokerage(0, 0, 1, 0, 0));
        assertThat(roles(ties, arcs, new int[][] {{1}, {1}, {2}})).isEqualTo(new Brokerage(0, 0, 0, 1, 0));
        assertThat(roles(ties, arcs, new int[][] {{1}, {2}, {3}})).isEqualTo(new Brokerage(0, 0, 0, 0, 1));
        // a broker outside every group links two groups as a liaison; an endpoint without a group is skipped
        assertThat(roles(ties, arcs, new int[][] {{1}, {}, {3}})).isEqualTo(new Brokerage(0, 0, 0, 0, 1));
        assertThat(roles(ties, arcs, new int[][] {{}, {2}, {3}})).isEqualTo(new Brokerage(0, 0, 0, 0, 0));
        // overlapping group sets count as the same group
        assertThat(roles(ties, arcs, new int[][] {{1, 4}, {4}, {2}})).isEqualTo(new Brokerage(0, 0, 0, 1, 0));
    }

    @Test
    void aTiedPairIsNotBrokeredAndSymmetricTiesCountBothWays() {
        Graph triangle = Graph.of(3, new int[] {0, 1}, new int[] {1, 2}, new int[] {0, 2});
        Graph path = Graph.of(3, new int[] {0, 1}, new int[] {1, 2});
        int[][] symmetric = {{0, 1}, {1, 0}, {1, 2}, {2, 1}};
        int[][] groups = {{1}, {2}, {3}};

        assertThat(roles(triangle, symmetric, groups)).isEqualTo(new Brokerage(0, 0, 0, 0, 0));
        assertThat(roles(path, symmetric, groups)).isEqualTo(new Brokerage(0, 0, 0, 0, 2));
    }

    @Test
    void brokeredPartnersCountTheUntiedPairsThroughANode() {
        assertThat(GraphAlgorithms.brokeredPartners(STAR, 0)).containsExactly(3, 3, 3, 3);
        assertThat(GraphAlgorithms.brokeredPartners(TWO_TRIANGLES, 2)).containsExactly(1, 1, 2);
    }

    @Test
    void brokeredPairsListTheCrossGroupPairsOfOneBroker() {
        Graph path = Graph.of(3, new int[] {0, 1}, new int[] {1, 2});
        int[][] symmetric = {{0, 1}, {1, 0}, {1, 2}, {2, 1}};

        assertThat(GraphAlgorithms.brokeredPairs(path, symmetric, new int[][] {{1}, {2}, {3}}, 1))
                .containsExactly(new int[] {0, 2}, new int[] {2, 0});
        // all in one group: a coordinator, not across groups
        assertThat(GraphAlgorithms.brokeredPairs(path, symmetric, new int[][] {{1}, {1}, {1}}, 1)).isEmpty();
    }

    private static Brokerage roles(Graph ties, int[][] arcs, int[][] groups) {
        return GraphAlgorithms.brokerage(ties, arcs, groups)[1];
    }

    @Test
    void parallelTiesAddUpToAWeight() {
        Graph g = Graph.of(2, new int[] {0, 1}, new int[] {1, 0}, new int[] {0, 1});

        assertThat(g.edgeCount()).isEqualTo(1);
        assertThat(g.weight(g.start(0))).isEqualTo(3);
        assertThat(List.of(g.adjacent(0, 1), g.adjacent(1, 0))).containsExactly(true, true);
    }
}
