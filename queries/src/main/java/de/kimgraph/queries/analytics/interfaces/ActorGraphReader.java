package de.kimgraph.queries.analytics.interfaces;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import de.kimgraph.queries.analytics.CypherFiles;
import de.kimgraph.queries.analytics.Scope;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects the {@link ActorGraph} of a scope from Cypher: one query for the actors (in scope, plus their external
 * partners), one aggregating query for the ties among them (relations row by row, bodies with their member lists;
 * the co-membership cliques are expanded in the JVM, which is cheaper than returning k² rows per body).
 *
 * <p>Why external partners: the Land ministry or a federal funder is based outside the Kreis and holds no
 * membership there, yet its cooperation and co-financing ties are part of the local network's structure (and the
 * demo oracle counts them). They take part in the graph algorithms but are never reported as isolated.
 */
@Component
@Transactional(readOnly = true)
public class ActorGraphReader {

    private final Neo4jClient client;

    public ActorGraphReader(Neo4jClient client) {
        this.client = client;
    }

    public ActorGraph read(Scope scope) {
        List<ActorGraph.Actor> actors = new ArrayList<>();
        Map<String, String> legalDomainLabels = new java.util.TreeMap<>();
        for (Map<String, Object> row : client.query(CypherFiles.get("interfaces/actors", scope.read())).bindAll(scope.parameters())
                .fetch().all()) {
            List<String> legalDomains = new ArrayList<>();
            for (Object domain : (List<?>) row.get("legalDomains")) {
                Map<?, ?> d = (Map<?, ?>) domain;
                legalDomains.add((String) d.get("key"));
                legalDomainLabels.put((String) d.get("key"), String.valueOf(d.get("label")));
            }
            actors.add(new ActorGraph.Actor((String) row.get("key"), (String) row.get("name"), (String) row.get("sector"),
                    (String) row.get("level"), strings(row.get("areaLevels")), legalDomains.stream().sorted().toList(),
                    Boolean.TRUE.equals(row.get("inScope"))));
        }
        actors.sort(java.util.Comparator.comparing(ActorGraph.Actor::key));
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < actors.size(); i++) {
            index.put(actors.get(i).key(), i);
        }
        List<ActorGraph.Relation> relations = new ArrayList<>();
        List<ActorGraph.Body> bodies = new ArrayList<>();
        Collection<Map<String, Object>> ties = client.query(CypherFiles.get("interfaces/ties", scope.read()))
                .bindAll(scope.parameters(Map.of("actors", List.copyOf(index.keySet())))).fetch().all();
        for (Map<String, Object> row : ties) {
            if ("RELATION".equals(row.get("kind"))) {
                relations.add(new ActorGraph.Relation((String) row.get("type"), (String) row.get("key"),
                        index.get((String) row.get("source")), index.get((String) row.get("target"))));
            } else {
                List<ActorGraph.Membership> members = new ArrayList<>();
                for (Object member : (List<?>) row.get("members")) {
                    Map<?, ?> m = (Map<?, ?>) member;
                    members.add(new ActorGraph.Membership(index.get((String) m.get("actor")), (String) m.get("membership")));
                }
                members.sort(java.util.Comparator.comparingInt(ActorGraph.Membership::actor));
                bodies.add(new ActorGraph.Body((String) row.get("key"), (String) row.get("label"), (String) row.get("type"),
                        members));
            }
        }
        relations.sort(java.util.Comparator.comparing(ActorGraph.Relation::key));
        bodies.sort(java.util.Comparator.comparing(ActorGraph.Body::key));
        return new ActorGraph(actors, relations, bodies, legalDomainLabels);
    }

    static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(java.util.Objects::nonNull).map(String::valueOf).sorted().toList();
    }
}
