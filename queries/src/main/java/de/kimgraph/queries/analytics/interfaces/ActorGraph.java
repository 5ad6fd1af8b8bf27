package de.kimgraph.queries.analytics.interfaces;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The actor graph of an area on a date, as the demo oracle defines it: undirected; nodes are the valid actors in
 * scope and their external partners; an edge joins two actors with a valid {@code COOPERATES_WITH},
 * {@code REFERS_TO}, {@code COMMISSIONS}, {@code CO_FINANCES}, {@code SUPERVISES} or {@code HANDS_OVER_TO}
 * (either direction) or with valid memberships in one valid body. Its weight is the number of such ties.
 * {@code PART_OF} between actors (organisation tree) and {@code PASSES_ON} (money flow) are not ties of working
 * together and are left out (the oracle shows the same findings with them).
 *
 * <p>Actors are numbered in key order, so every algorithm on it is deterministic.
 */
public final class ActorGraph {

    /** An actor with what the interface classification needs. */
    public record Actor(String key, String name, @Nullable String sector, @Nullable String level,
                        List<String> areaLevels, List<String> legalDomains, boolean inScope) {
    }

    /** A valid actor relation between two actors of the graph, by index, in its stored direction. */
    public record Relation(String type, String key, int source, int target) {
    }

    /** A valid membership of an actor of the graph. */
    public record Membership(int actor, String key) {
    }

    /** A valid body with its valid members among the actors of the graph. */
    public record Body(String key, String name, @Nullable String type, List<Membership> members) {
    }

    private final List<Actor> actors;
    private final Map<String, Integer> index;
    private final List<Relation> relations;
    private final List<Body> bodies;
    private final Graph graph;
    private final boolean[] inBody;
    private final Map<String, String> legalDomainLabels;

    public ActorGraph(List<Actor> actors, List<Relation> relations, List<Body> bodies,
                      Map<String, String> legalDomainLabels) {
        this.legalDomainLabels = Map.copyOf(legalDomainLabels);
        this.actors = List.copyOf(actors);
        this.relations = List.copyOf(relations);
        this.bodies = List.copyOf(bodies);
        this.index = new HashMap<>();
        for (int i = 0; i < actors.size(); i++) {
            index.put(actors.get(i).key(), i);
        }
        Graph.Builder builder = new Graph.Builder(actors.size());
        for (Relation relation : relations) {
            builder.add(relation.source(), relation.target());
        }
        inBody = new boolean[actors.size()];
        for (Body body : bodies) {
            List<Membership> members = body.members();
            for (int i = 0; i < members.size(); i++) {
                inBody[members.get(i).actor()] = true;
                for (int j = i + 1; j < members.size(); j++) {
                    builder.add(members.get(i).actor(), members.get(j).actor());
                }
            }
        }
        graph = builder.build();
    }

    public Graph graph() {
        return graph;
    }

    public int size() {
        return actors.size();
    }

    public Actor actor(int i) {
        return actors.get(i);
    }

    public List<Actor> actors() {
        return actors;
    }

    public @Nullable Integer indexOf(String key) {
        return index.get(key);
    }

    public List<Relation> relations() {
        return relations;
    }

    public List<Body> bodies() {
        return bodies;
    }

    /** German label of a legal domain some actor of the graph works under (the key when unknown). */
    public String legalDomainLabel(String key) {
        return legalDomainLabels.getOrDefault(key, key);
    }

    /** Whether the actor holds a valid membership in a valid body (also one without other members). */
    public boolean inBody(int actor) {
        return inBody[actor];
    }

    /**
     * Directed ties for brokerage roles: relations in their stored direction ({@code COOPERATES_WITH} and
     * co-membership, which are symmetric, both ways).
     */
    public int[][] arcs() {
        List<int[]> arcs = new ArrayList<>();
        for (Relation relation : relations) {
            arcs.add(new int[] {relation.source(), relation.target()});
            if (relation.type().equals("COOPERATES_WITH")) {
                arcs.add(new int[] {relation.target(), relation.source()});
            }
        }
        for (Body body : bodies) {
            for (Membership a : body.members()) {
                for (Membership b : body.members()) {
                    if (a.actor() != b.actor()) {
                        arcs.add(new int[] {a.actor(), b.actor()});
                    }
                }
            }
        }
        return arcs.toArray(int[][]::new);
    }

    /** The relations between two actors, either direction. */
    public List<Relation> relationsBetween(int u, int v) {
        return relations.stream().filter(r -> (r.source() == u && r.target() == v) || (r.source() == v && r.target() == u))
                .toList();
    }

    /** The bodies both actors are members of. */
    public List<Body> bodiesOf(int u, int v) {
        return bodies.stream().filter(b -> b.members().stream().anyMatch(m -> m.actor() == u)
                && b.members().stream().anyMatch(m -> m.actor() == v)).toList();
    }
}
