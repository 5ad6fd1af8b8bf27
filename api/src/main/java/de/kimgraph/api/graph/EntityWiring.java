package de.kimgraph.api.graph;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import de.kimgraph.api.security.Principals;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.NodeSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.PropertyType;
import de.kimgraph.model.spec.Terms;
import de.kimgraph.queries.access.ReadRule;
import de.kimgraph.queries.counts.GroupedCounts;
import de.kimgraph.queries.entity.Catalog;
import de.kimgraph.queries.entity.EntityReader;
import de.kimgraph.queries.entity.EntityType;
import de.kimgraph.queries.entity.Link;
import de.kimgraph.queries.entity.Prefetch;
import de.kimgraph.queries.entity.Reference;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import graphql.schema.idl.RuntimeWiring;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Wires the read side of the schema onto the generic readers: a look-up and a paginated list per entity type,
 * one batch loader per nested link (so a page of actors with their services costs one query per link, not one
 * per actor), one per referenced label, and defaults for list properties that a record may lack. Every fetcher
 * and loader passes the caller's read rule ({@link Principals}) down to the query; {@code groupedCounts} its
 * aggregate rule.
 */
@Component
class EntityWiring implements RuntimeWiringConfigurer {

    /** A link to load for one owner on one reference date. */
    record LinkKey(String owner, LocalDate asOf) {
    }

    /** Loaders of keyed relationships by key, named for the GraphQL type they serve. */
    static final Map<String, List<String>> RELATIONSHIP_LOADERS = Map.of(
            "rel:Membership", List.of("MEMBER_OF"),
            "rel:ActorRelation", GraphSpec.ACTOR_RELATION_TYPES,
            "rel:Funding", List.of("FUNDED_BY"),
            "rel:Grant", List.of("GRANTS"));

    private final EntityReader reader;
    private final GroupedCounts counts;

    EntityWiring(EntityReader reader, GroupedCounts counts, BatchLoaderRegistry registry) {
        this.reader = reader;
        this.counts = counts;
        for (Link link : Catalog.LINKS) {
            registry.<LinkKey, List<Map<String, Object>>>forName(loaderName(link))
                    .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadLinks(link, keys, rule(env))));
        }
        for (NodeSpec node : GraphSpec.nodes()) {
            registry.<String, Map<String, Object>>forName(nodeLoaderName(node.label()))
                    .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> reader.byKeys(node.label(), keys, rule(env))));
        }
        RELATIONSHIP_LOADERS.forEach((name, types) -> registry.<String, Map<String, Object>>forName(name)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> reader.relationshipsByKeys(types, keys, rule(env)))));
    }

    /** The caller's read rule, taken from the request's context by every loader (nested fields read as the root). */
    private static ReadRule rule(BatchLoaderEnvironment env) {
        return Principals.of(env).readRule();
    }

    private Map<LinkKey, List<Map<String, Object>>> loadLinks(Link link, Set<LinkKey> keys, ReadRule rule) {
        Map<LinkKey, List<Map<String, Object>>> result = new HashMap<>();
        Map<LocalDate, List<LinkKey>> byDate = keys.stream().collect(Collectors.groupingBy(LinkKey::asOf));
        byDate.forEach((asOf, group) -> {
            Map<String, List<Map<String, Object>>> loaded =
                    reader.links(link, group.stream().map(LinkKey::owner).toList(), asOf, rule);
            group.forEach(k -> result.put(k, loaded.getOrDefault(k.owner(), List.of())));
        });
        return result;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        wiring.scalar(DateScalar.DATE);
        wiring.type("Query", type -> {
            for (EntityType entity : Catalog.PAGED) {
                type.dataFetcher(entity.singleField(), env -> single(entity, env));
                type.dataFetcher(entity.listField(), env -> list(entity, env));
            }
            Catalog.VOCABULARY_FIELDS.forEach((field, label) -> type.dataFetcher(field,
                    env -> reader.vocabulary(label, Principals.of(env).readRule())));
            type.dataFetcher("terms", env -> Terms.get().vocabulary(env.getArgument("vocabulary")).stream()
                    .map(t -> Map.of("key", t.key(), "de", t.de(), "en", t.en())).toList());
            type.dataFetcher("groupedCounts", env -> counts.count(GroupedCounts.entityType(env.getArgument("entity")),
                    env.getArgument("by"), env.getArgument("filter"), Principals.of(env).aggregateRule()).stream()
                    .map(g -> Map.<String, Object>of("key", g.key(), "label", g.label(), "count", g.count())).toList());
            return type;
        });
        Map<String, List<Link>> linksByType = Catalog.LINKS.stream().collect(Collectors.groupingBy(Link::ownerType));
        linksByType.forEach((typeName, links) -> wiring.type(typeName, type -> {
            links.forEach(link -> type.dataFetcher(link.field(), linkFetcher(link)));
            return type;
        }));
        Map<String, List<Reference>> referencesByType = Catalog.REFERENCES.stream()
                .collect(Collectors.groupingBy(Reference::ownerType));
        referencesByType.forEach((typeName, references) -> wiring.type(typeName, type -> {
            references.forEach(reference -> type.dataFetcher(reference.field(), referenceFetcher(reference)));
            return type;
        }));
        for (NodeSpec node : GraphSpec.nodes()) {
            for (PropertySpec property : node.properties()) {
                if (property.type() == PropertyType.STRING_LIST || property.type() == PropertyType.ENUM_LIST) {
                    wiring.type(node.label(), type -> type.dataFetcher(property.name(),
                            env -> source(env).getOrDefault(property.name(), List.of())));
                }
            }
        }
    }

    private @Nullable Object single(EntityType entity, DataFetchingEnvironment env) {
        LocalDate asOf = env.getArgument("asOf");
        Map<String, Object> item = reader.byKey(entity.label(), env.getArgument("key"), asOf, Principals.of(env).readRule());
        return DataFetcherResult.newResult().data(item)
                .localContext(new QueryContext(asOf == null ? LocalDate.now() : asOf)).build();
    }

    private Object list(EntityType entity, DataFetchingEnvironment env) {
        Map<String, Object> filter = env.getArgument("filter");
        int first = Connections.first(env);
        String after = Connections.afterKey(env);
        ReadRule rule = Principals.of(env).readRule();
        EntityReader.Page page = reader.list(entity, filter, first, after, rule, nodeSelection(env));
        Map<String, Object> connection = Connections.of(page, after != null, env, () -> reader.count(entity, filter, rule));
        LocalDate asOf = filter != null && filter.get("asOf") instanceof LocalDate d ? d : LocalDate.now();
        return DataFetcherResult.newResult().data(connection).localContext(new QueryContext(asOf)).build();
    }

    /** What the query selects below {@code edges { node { … } } }, for {@link Prefetch}. */
    private static List<Prefetch.Selection> nodeSelection(DataFetchingEnvironment env) {
        List<Prefetch.Selection> result = new ArrayList<>();
        for (SelectedField edges : env.getSelectionSet().getImmediateFields()) {
            if (edges.getName().equals("edges")) {
                for (SelectedField node : edges.getSelectionSet().getImmediateFields()) {
                    if (node.getName().equals("node")) {
                        node.getSelectionSet().getImmediateFields().forEach(f -> result.add(selection(f)));
                    }
                }
            }
        }
        return result;
    }

    private static Prefetch.Selection selection(SelectedField field) {
        boolean arguments = field.getArguments().values().stream().anyMatch(java.util.Objects::nonNull);
        return new Prefetch.Selection(field.getName(), arguments,
                field.getSelectionSet().getImmediateFields().stream().map(EntityWiring::selection).toList());
    }

    @SuppressWarnings("unchecked")
    private static DataFetcher<CompletableFuture<?>> linkFetcher(Link link) {
        return env -> {
            CompletableFuture<List<Map<String, Object>>> items;
            if (source(env).get(Prefetch.PREFIX + link.field()) instanceof List<?> prefetched) {
                items = CompletableFuture.completedFuture((List<Map<String, Object>>) prefetched);
            } else {
                DataLoader<LinkKey, List<Map<String, Object>>> loader = env.getDataLoader(loaderName(link));
                items = loader.load(new LinkKey((String) source(env).get("key"), QueryContext.asOf(env)));
            }
            if (link.single()) {
                return items.thenApply(list -> list.isEmpty() ? null : list.getFirst());
            }
            String relationType = env.getArgument("type");
            return relationType == null ? items
                    : items.thenApply(list -> list.stream().filter(r -> relationType.equals(r.get("type"))).toList());
        };
    }

    private static DataFetcher<@Nullable CompletableFuture<?>> referenceFetcher(Reference reference) {
        return env -> {
            Map<String, Object> source = source(env);
            if (source.get(Prefetch.PREFIX + reference.field()) instanceof Map<?, ?> prefetched) {
                return CompletableFuture.completedFuture(prefetched);
            }
            Object key = source.get(reference.keyProperty());
            Object endpointLabel = switch (reference.keyProperty()) {
                case EntityReader.FROM -> source.get(EntityReader.FROM_LABEL);
                case EntityReader.TO -> source.get(EntityReader.TO_LABEL);
                default -> null;
            };
            boolean labelMatches = reference.onlyIfLabel().isEmpty() || reference.onlyIfLabel().equals(endpointLabel);
            if (!(key instanceof String k) || !labelMatches) {
                return CompletableFuture.completedFuture(null);
            }
            DataLoader<String, Map<String, Object>> loader = env.getDataLoader(nodeLoaderName(reference.label()));
            return loader.load(k);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(DataFetchingEnvironment env) {
        return (Map<String, Object>) env.getSource();
    }

    private static String loaderName(Link link) {
        return "link:" + link.id();
    }

    static String nodeLoaderName(String label) {
        return "node:" + label;
    }
}
