package de.kimgraph.queries.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import de.kimgraph.model.testing.TestNeo4j;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import de.kimgraph.queries.access.ReadRule;
import de.kimgraph.queries.analytics.Scope;
import de.kimgraph.queries.analytics.coverage.CoverageMatrixQuery;
import de.kimgraph.queries.analytics.coverage.CoverageOptions;
import de.kimgraph.queries.analytics.health.NetworkHealth;
import de.kimgraph.queries.analytics.interfaces.ActorGraphReader;
import de.kimgraph.queries.analytics.interfaces.InterfacePoints;
import de.kimgraph.queries.analytics.whodoeswhat.WhoDoesWhat;
import de.kimgraph.queries.entity.Catalog;
import de.kimgraph.queries.entity.EntityReader;
import de.kimgraph.queries.entity.Filters;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.ResultSummary;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * What the read rules cost: the same reads (list pages, counts, look-ups by key, nested links, relationship
 * loaders, three analyses) with {@link ReadRule#ALL} (no predicate takes effect), a coordinator's rule (own tenant
 * in full, other tenants published) and the public rule (published only), plus a partner's rule (published and its
 * own organisation's records, the most expensive predicate), timed after a warm-up as median and p95; and the
 * PROFILE of the list query (operators, db hits) per rule.
 *
 * <p>Data: the demo district, and a synthetic pair of Kreise (tenants 999952… and 999953…) with 2,000 actors,
 * 5,000 services, 100 bodies and about 27,000 relationships, a third to a half of them internal. Not run by
 * {@code bin/test} (the class name does not end in Test); run it with
 * {@code ./mvnw -o -B -pl queries -am verify -Dtest=ReadRuleBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * The figures are printed and written to {@code queries/target/read-rule-bench.txt}.
 */
class ReadRuleBench {

    private static final String C = "999952000000";
    private static final String D = "999953000000";
    private static final String DEMO = "999990000000";
    private static final LocalDate AS_OF = LocalDate.parse("2026-12-01");
    private static final int ACTORS = 1000;
    private static final int SERVICES = 2500;
    private static final int BODIES = 50;
    private static final int MEMBERSHIPS = 1500;
    private static final int RELATIONS = 1000;

    private final StringBuilder out = new StringBuilder();

    public static void main(String[] args) {
        new ReadRuleBench().run();
    }

    @Test
    void run() {
        TestNeo4j neo4j = TestNeo4j.get().withDemo();
        Driver driver = neo4j.driver();
        Neo4jClient client = Neo4jClient.create(driver);
        EntityReader reader = new EntityReader(client);
        try {
            long start = System.nanoTime();
            for (String tenant : List.of(C, D)) {
                neo4j.deleteTenant(tenant);
                generate(driver, tenant);
            }
            line("Synthetic Kreise %s and %s generated in %d ms: %s", C, D, (System.nanoTime() - start) / 1_000_000,
                    counts(driver));

            Map<String, ReadRule> rules = new LinkedHashMap<>();
            rules.put("ALL", ReadRule.ALL);
            rules.put("COORDINATOR", new Principal("bench", C, EnumSet.of(AccessRole.COORDINATOR), null).readRule());
            rules.put("PUBLIC", ReadRule.PUBLIC);
            rules.put("PARTNER", new Principal("bench", C, EnumSet.of(AccessRole.PARTNER), actor(C, 2)).readRule());

            List<String> hundredActors = IntStream.range(0, 100).mapToObj(i -> actor(C, i * 7)).toList();
            List<String> bodies = IntStream.range(0, BODIES).mapToObj(i -> "bench-" + C + "-b" + i).toList();
            List<String> services = IntStream.range(0, 500).mapToObj(i -> "bench-" + C + "-s" + i * 5).toList();
            List<String> memberships = IntStream.range(0, 500).mapToObj(i -> "bench-" + C + "-m" + i * 3).toList();
            Map<String, Object> actorsInC = Map.of("area", C, "asOf", AS_OF);
            Map<String, Object> counsellingInC = Map.of("area", C, "field", "SOCIAL_SECURITY", "asOf", AS_OF);

            Map<String, Function<ReadRule, Object>> reads = new LinkedHashMap<>();
            reads.put("actors(area: Kreis C, first: 100)", r -> reader.list(Catalog.ACTOR, actorsInC, 100, null, r));
            reads.put("actors(area: Kreis C, first: 100, after: …a500)",
                    r -> reader.list(Catalog.ACTOR, actorsInC, 100, actor(C, 500), r));
            reads.put("services(area: C, field: SOCIAL_SECURITY, first: 100)",
                    r -> reader.list(Catalog.SERVICE, counsellingInC, 100, null, r));
            reads.put("count services(area: C)", r -> reader.count(Catalog.SERVICE, actorsInC, r));
            reads.put("links Actor.services × 100", r -> reader.links(Catalog.link("Actor.services"), hundredActors, AS_OF, r));
            reads.put("links Actor.memberships × 100",
                    r -> reader.links(Catalog.link("Actor.memberships"), hundredActors, AS_OF, r));
            reads.put("links Body.members × 50", r -> reader.links(Catalog.link("Body.members"), bodies, AS_OF, r));
            reads.put("byKeys Service × 500", r -> reader.byKeys("Service", services, r));
            reads.put("relationshipsByKeys MEMBER_OF × 500",
                    r -> reader.relationshipsByKeys(List.of("MEMBER_OF"), memberships, r));
            reads.put("demo: actors(area: Auental, first: 100)",
                    r -> reader.list(Catalog.ACTOR, Map.of("area", DEMO, "asOf", AS_OF), 100, null, r));
            time("Reads", reads, rules, 10, 30);

            CoverageMatrixQuery coverage = new CoverageMatrixQuery(client);
            ActorGraphReader graphs = new ActorGraphReader(client);
            NetworkHealth health = new NetworkHealth(graphs);
            InterfacePoints interfaces = new InterfacePoints(client, graphs);
            WhoDoesWhat whoDoesWhat = new WhoDoesWhat(client, reader);
            Map<String, Function<ReadRule, Object>> analyses = new LinkedHashMap<>();
            analyses.put("coverageGaps matrix, Kreis C",
                    r -> coverage.matrix(Scope.of(C, AS_OF, r), CoverageOptions.defaults(), false).summary());
            analyses.put("networkHealth, Kreis C", r -> health.analyse(Scope.of(C, AS_OF, r), NetworkHealth.Options.DEFAULTS));
            analyses.put("whoDoesWhat(field: SOCIAL_SECURITY), Kreis C",
                    r -> whoDoesWhat.find(Scope.of(C, AS_OF, r), "SOCIAL_SECURITY", null, null));
            analyses.put("demo: coverageGaps matrix",
                    r -> coverage.matrix(Scope.of(DEMO, AS_OF, r), CoverageOptions.defaults(), false).summary());
            analyses.put("demo: interfacePoints",
                    r -> interfaces.analyse(Scope.of(DEMO, AS_OF, r), InterfacePoints.Options.DEFAULTS));
            analyses.put("demo: whoDoesWhat", r -> whoDoesWhat.find(Scope.of(DEMO, AS_OF, r), null, null, null));
            time("Analyses", analyses, rules, 3, 10);

            profile(driver, rules, actorsInC);
            planning(driver, rules);
        } finally {
            neo4j.deleteTenant(C);
            neo4j.deleteTenant(D);
            write();
        }
    }

    /** Warm-up, then {@code runs} timed runs per case and rule; median and p95 in ms. */
    private void time(String title, Map<String, Function<ReadRule, Object>> cases, Map<String, ReadRule> rules,
                      int warmUp, int runs) {
        line("");
        line("%s (%d warm-up, %d runs; median / p95 in ms; rows = size of the answer)", title, warmUp, runs);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-52s", "case"));
        rules.keySet().forEach(name -> header.append(String.format(Locale.ROOT, " | %-21s", name)));
        line("%s", header);
        for (Map.Entry<String, Function<ReadRule, Object>> c : cases.entrySet()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-52s", c.getKey()));
            for (ReadRule rule : rules.values()) {
                Object answer = null;
                for (int i = 0; i < warmUp; i++) {
                    answer = c.getValue().apply(rule);
                }
                long[] nanos = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    answer = c.getValue().apply(rule);
                    nanos[i] = System.nanoTime() - start;
                }
                java.util.Arrays.sort(nanos);
                double median = nanos[runs / 2] / 1e6;
                double p95 = nanos[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)] / 1e6;
                row.append(String.format(Locale.ROOT, " | %7.2f / %7.2f %5s", median, p95, size(answer)));
            }
            line("%s", row);
        }
    }

    /** PROFILE of the first list page per rule: the operators and the db hits. */
    private void profile(Driver driver, Map<String, ReadRule> rules, Map<String, Object> filter) {
        line("");
        line("PROFILE actors(area: Kreis C, first: 100)");
        rules.forEach((name, rule) -> {
            Filters.Where where = Filters.where(Catalog.ACTOR, filter, rule);
            String cypher = "PROFILE " + EntityReader.listCypher(Catalog.ACTOR, where, rule);
            Map<String, Object> parameters = new java.util.HashMap<>(rule.parameters());
            parameters.putAll(where.parameters());
            parameters.put("after", null);
            parameters.put("limit", 101);
            ResultSummary summary = driver.executableQuery(cypher).withParameters(parameters).execute().summary();
            List<String> operators = new ArrayList<>();
            long hits = hits(summary.profile(), operators);
            line("%-12s db hits %7d  operators %s", name, hits, String.join(" < ", operators));
        });
    }

    /**
     * What the compiled predicates cost the planner: every Cypher file planned cold ({@code EXPLAIN} after clearing
     * the query caches) as compiled for each rule ({@code ALL} compiles to no predicate at all), and in the generic
     * form that serves every rule with one query string ({@link ReadRule#expand}).
     */
    private void planning(Driver driver, Map<String, ReadRule> rules) {
        line("");
        line("Planning, cold (EXPLAIN after db.clearQueryCaches(); ms) per rule, and the generic form for all rules");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-45s", "file"));
        rules.keySet().forEach(name -> header.append(String.format(Locale.ROOT, " %11s", name)));
        line("%s %11s", header, "generic");
        Path root = Path.of("target/classes/cypher");
        List<Path> files;
        try (var paths = Files.walk(root)) {
            files = paths.filter(f -> f.toString().endsWith(".cypher")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[] totals = new long[rules.size() + 1];
        for (Path file : files) {
            String raw;
            try {
                raw = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> variants = new ArrayList<>(rules.values().stream().map(r -> r.compile(raw)).toList());
            variants.add(ReadRule.expand(raw));
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-45s", root.relativize(file).toString()));
            for (int i = 0; i < variants.size(); i++) {
                long ms = explain(driver, variants.get(i));
                totals[i] += ms;
                row.append(String.format(Locale.ROOT, " %11d", ms));
            }
            line("%s", row);
        }
        StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "%-45s", "total"));
        for (long t : totals) {
            total.append(String.format(Locale.ROOT, " %11d", t));
        }
        line("%s", total);
    }

    private static long explain(Driver driver, String cypher) {
        driver.executableQuery("CALL db.clearQueryCaches()").execute();
        long start = System.nanoTime();
        driver.executableQuery("EXPLAIN " + cypher).execute();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long hits(ProfiledPlan plan, List<String> operators) {
        operators.add(plan.operatorType().replace("@neo4j", "") + (plan.dbHits() > 0 ? "(" + plan.dbHits() + ")" : ""));
        long hits = plan.dbHits();
        for (ProfiledPlan child : plan.children()) {
            hits += hits(child, operators);
        }
        return hits;
    }

    private static String size(Object answer) {
        if (answer instanceof EntityReader.Page page) {
            return String.valueOf(page.items().size());
        }
        if (answer instanceof Map<?, ?> map) {
            return String.valueOf(map.values().stream().mapToInt(v -> v instanceof List<?> l ? l.size() : 1).sum());
        }
        if (answer instanceof Long count) {
            return String.valueOf(count);
        }
        return "";
    }

    private static String actor(String tenant, int i) {
        return "bench-" + tenant + "-a" + String.format(Locale.ROOT, "%04d", i);
    }

    /**
     * One synthetic Kreis: 10 Gemeinden, {@value #ACTORS} actors (every second internal), {@value #SERVICES}
     * services (every third internal), {@value #BODIES} bodies (every second internal), {@value #MEMBERSHIPS}
     * memberships and {@value #RELATIONS} cooperations (every fourth / every second internal). Structural links carry
     * their owner's tenant and visibility, as the writer gives them.
     */
    private static void generate(Driver driver, String tenant) {
        Map<String, Object> p = Map.of("t", tenant, "prefix", "bench-" + tenant + "-", "actors", ACTORS,
                "services", SERVICES, "bodies", BODIES, "memberships", MEMBERSHIPS, "relations", RELATIONS);
        run(driver, p, """
                CREATE (k:Area {key: $t, ars: $t, name: 'Bench-Kreis ' + $t, level: 'DISTRICT', country: 'DE',
                                municipality: false, population: 400000, foreignPopulation: 50000, tenant: $t,
                                visibility: 'PUBLISHED', version: 1})
                WITH k
                UNWIND range(1, 10) AS i
                CREATE (g:Area {key: left($t, 6) + '1' + right('0000' + i, 5), name: 'Bench-Gemeinde ' + i,
                                level: 'MUNICIPALITY', country: 'DE', municipality: true, population: 40000,
                                foreignPopulation: 5000, tenant: $t, visibility: 'PUBLISHED', version: 1})
                SET g.ars = g.key
                CREATE (g)-[:PART_OF {tenant: $t, visibility: 'PUBLISHED', version: 1}]->(k)""");
        run(driver, p, """
                MATCH (k:Area {key: $t})
                WITH k, COLLECT { MATCH (g:Area)-[:PART_OF]->(k) RETURN g ORDER BY g.key } AS gemeinden
                UNWIND range(0, $actors - 1) AS i
                WITH k, gemeinden, i, CASE WHEN i % 2 = 0 THEN 'PUBLISHED' ELSE 'INTERNAL' END AS vis
                CREATE (a:Actor {key: $prefix + 'a' + right('000' + i, 4), name: 'Bench-Akteur ' + i,
                                 kind: ['MUNICIPAL_UNIT', 'WELFARE_ASSOCIATION', 'FREE_PROVIDER', 'JOBCENTER',
                                        'VOLUNTEER_INITIATIVE'][i % 5],
                                 email: 'a' + i + '@bench.example', phone: '+49 ' + i,
                                 tenant: $t, visibility: vis, version: 1})
                WITH a, vis, gemeinden[i % 10] AS g
                CREATE (a)-[:BASED_IN {tenant: $t, visibility: vis, version: 1}]->(g)""");
        run(driver, p, """
                MATCH (k:Area {key: $t})
                WITH k, COLLECT { MATCH (g:Area)-[:PART_OF]->(k) RETURN g ORDER BY g.key } AS gemeinden,
                     COLLECT { MATCH (f:FieldOfAction) WHERE NOT EXISTS { (f)-[:PART_OF]->() } RETURN f ORDER BY f.key } AS fields,
                     COLLECT { MATCH (tg:TargetGroup) RETURN tg ORDER BY tg.key } AS groups
                UNWIND range(0, $services - 1) AS j
                WITH k, gemeinden, fields, groups, j, CASE WHEN j % 3 = 0 THEN 'INTERNAL' ELSE 'PUBLISHED' END AS vis
                MATCH (a:Actor {key: $prefix + 'a' + right('000' + (j % $actors), 4)})
                WITH a, j, vis, CASE WHEN j % 7 = 0 THEN k ELSE gemeinden[j % 10] END AS served,
                     fields[j % size(fields)] AS field, groups[j % size(groups)] AS targetGroup
                CREATE (s:Service {key: $prefix + 's' + j, name: 'Bench-Angebot ' + j,
                                   form: ['REFERRAL_ADVICE', 'COURSE', 'CASE_WORK', 'GROUP_OFFER'][j % 4],
                                   languages: ['de', 'ar', 'uk'], tenant: $t, visibility: vis, version: 1})
                CREATE (a)-[:PROVIDES {tenant: $t, visibility: vis, version: 1}]->(s)
                CREATE (s)-[:SERVES {tenant: $t, visibility: vis, version: 1}]->(served)
                CREATE (s)-[:IN_FIELD {tenant: $t, visibility: vis, version: 1}]->(field)
                CREATE (s)-[:FOR_GROUP {tenant: $t, visibility: vis, version: 1}]->(targetGroup)""");
        run(driver, p, """
                MATCH (k:Area {key: $t})
                WITH k, COLLECT { MATCH (f:FieldOfAction) WHERE NOT EXISTS { (f)-[:PART_OF]->() } RETURN f ORDER BY f.key } AS fields
                UNWIND range(0, $bodies - 1) AS b
                WITH k, fields[b % size(fields)] AS field, b, CASE WHEN b % 2 = 0 THEN 'PUBLISHED' ELSE 'INTERNAL' END AS vis
                CREATE (body:Body {key: $prefix + 'b' + b, name: 'Bench-Gremium ' + b, type: 'WORKING_GROUP',
                                   status: 'ACTIVE', tenant: $t, visibility: vis, version: 1})
                CREATE (body)-[:COVERS {tenant: $t, visibility: vis, version: 1}]->(k)
                CREATE (body)-[:ADDRESSES {tenant: $t, visibility: vis, version: 1}]->(field)""");
        run(driver, p, """
                UNWIND range(0, $memberships - 1) AS m
                MATCH (a:Actor {key: $prefix + 'a' + right('000' + ((m * 7) % $actors), 4)})
                MATCH (b:Body {key: $prefix + 'b' + (m % $bodies)})
                CREATE (a)-[:MEMBER_OF {key: $prefix + 'm' + m, role: 'MEMBER', tenant: $t,
                                        visibility: CASE WHEN m % 4 = 0 THEN 'INTERNAL' ELSE 'PUBLISHED' END, version: 1}]->(b)""");
        run(driver, p, """
                UNWIND range(0, $relations - 1) AS i
                MATCH (a:Actor {key: $prefix + 'a' + right('000' + i, 4)})
                MATCH (o:Actor {key: $prefix + 'a' + right('000' + ((i * 13 + 1) % $actors), 4)})
                CREATE (a)-[:COOPERATES_WITH {key: $prefix + 'r' + i, tenant: $t,
                                              visibility: CASE WHEN i % 2 = 0 THEN 'PUBLISHED' ELSE 'INTERNAL' END,
                                              version: 1}]->(o)""");
    }

    private static void run(Driver driver, Map<String, Object> parameters, String cypher) {
        driver.executableQuery(cypher).withParameters(parameters).execute();
    }

    private static String counts(Driver driver) {
        var record = driver.executableQuery("""
                MATCH (n) WHERE n.tenant IN $tenants
                WITH count(n) AS nodes, sum(CASE WHEN n:Actor THEN 1 ELSE 0 END) AS actors,
                     sum(CASE WHEN n:Service THEN 1 ELSE 0 END) AS services
                MATCH ()-[r]->() WHERE r.tenant IN $tenants
                RETURN nodes, actors, services, count(r) AS relationships""")
                .withParameters(Map.of("tenants", List.of(C, D))).execute().records().getFirst();
        return "%d nodes (%d actors, %d services), %d relationships".formatted(record.get("nodes").asLong(),
                record.get("actors").asLong(), record.get("services").asLong(), record.get("relationships").asLong());
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        out.append(text).append('\n');
    }

    private void write() {
        try {
            Path target = Path.of("target");
            Files.createDirectories(target);
            Files.writeString(target.resolve("read-rule-bench.txt"), out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
