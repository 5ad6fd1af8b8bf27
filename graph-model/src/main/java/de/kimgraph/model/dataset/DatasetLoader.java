package de.kimgraph.model.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import de.kimgraph.model.audit.AuditEvent;
import de.kimgraph.model.spec.GraphSpec;
import de.kimgraph.model.spec.PropertySpec;
import de.kimgraph.model.spec.RelationshipSpec;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.summary.SummaryCounters;
import org.jspecify.annotations.Nullable;

/**
 * Writes a validated {@link Dataset}: first every reference is checked (against the file and the database),
 * then all records are merged in one transaction, so a bad file writes nothing. Merging is on keys (nodes and
 * keyed relationships) or endpoints, and only records whose properties differ are touched, so loading the same
 * file twice reports zero changes. A dry run does the same work and rolls back.
 *
 * <p>Every load is recorded in the audit trail, in the same transaction: one {@code IMPORT} event with the counts
 * per label, per tenant the file touched (one event for the usual single-tenant file), naming the caller.
 */
public final class DatasetLoader {

    private static final int BATCH = 5_000;
    private static final String NO_TENANT = "";

    /**
     * After {@code MERGE} of {@code $x} (a node or relationship): touch it only when a property differs, so that an
     * unchanged record keeps its version, and count created, changed and unchanged records.
     */
    private static final String MERGE_TAIL = """
              ON CREATE SET $x.version = 0
            WITH $x, row, $x.version = 0 AS created
            WITH $x, row, created,
                 CASE WHEN created THEN [] ELSE [k IN keys(row.props) WHERE $x[k] IS NULL OR $x[k] <> row.props[k]] END
                   AS fields
            WITH $x, row, created, fields, created OR size(fields) > 0 AS touched,
                 NOT created AND $x.validTo IS NULL AND row.props.validTo IS NOT NULL AS ended,
                 [k IN fields | $x[k]] AS before
            FOREACH (_ IN CASE WHEN touched THEN [1] ELSE [] END |
              SET $x += row.props, $x.version = $x.version + 1)
            RETURN row.props.tenant AS tenant,
                   count(CASE WHEN created THEN 1 END) AS created,
                   count(CASE WHEN touched AND NOT created AND NOT ended THEN 1 END) AS changed,
                   count(CASE WHEN ended THEN 1 END) AS ended,
                   count(CASE WHEN NOT touched THEN 1 END) AS unchanged,
                   collect(CASE WHEN touched THEN {index: row.index, created: created, ended: ended, fields: fields,
                                                   before: before} END) AS changes
            """;

    private final Driver driver;
    private final Consumer<String> progress;

    public DatasetLoader(Driver driver, Consumer<String> progress) {
        this.driver = driver;
        this.progress = progress;
    }

    public DatasetLoader(Driver driver) {
        this(driver, message -> { });
    }

    /**
     * Who loads a dataset, for the audit trail.
     *
     * @param tenant the tenant of the caller's token (null for the service itself)
     */
    public record Caller(String subject, String role, @Nullable String tenant, @Nullable String comment) {

        /** The service itself: bootstrap and the embedded default. */
        public static final Caller SYSTEM = new Caller("system", "ADMIN", null, null);
    }

    /** Loads as the service itself (bootstrap, tests). */
    public LoadResult load(Dataset dataset) {
        return load(dataset, Caller.SYSTEM);
    }

    public LoadResult load(Dataset dataset, Caller caller) {
        return run(dataset, false, caller);
    }

    public LoadResult dryRun(Dataset dataset) {
        return run(dataset, true, Caller.SYSTEM);
    }

    /** Does everything a load does, as {@code caller}, and rolls back: the diff without writing. */
    public LoadResult dryRun(Dataset dataset, Caller caller) {
        return run(dataset, true, caller);
    }

    private LoadResult run(Dataset dataset, boolean dryRun, Caller caller) {
        try (var session = driver.session(); Transaction tx = session.beginTransaction()) {
            Phases phases = new Phases();
            List<Problem> problems = new ArrayList<>();
            Existing existing = checkTenants(tx, dataset, caller, problems);
            phases.done("tenants");
            checkReferences(tx, dataset, problems);
            phases.done("references");
            checkShares(tx, dataset, problems);
            phases.done("shares");
            checkOverlaps(tx, dataset, problems);
            phases.done("overlaps");
            if (!problems.isEmpty()) {
                tx.rollback();
                throw new DatasetException(problems);
            }
            List<Problem> warnings = DuplicateCheck.warnings(tx, dataset);
            phases.done("duplicates");
            Tally tally = new Tally();
            writeNodes(tx, dataset, existing, tally);
            phases.done("nodes");
            writeRelationships(tx, dataset, existing, tally);
            phases.done("relationships");
            audit(tx, dataset, caller, tally.byTenant);
            if (dryRun) {
                tx.rollback();
            } else {
                tx.commit();
            }
            phases.done(dryRun ? "rollback" : "commit");
            LoadResult result = new LoadResult(dataset.name(), dryRun, tally.counts, List.copyOf(tally.changes),
                    warnings);
            progress.accept(result.toString());
            progress.accept(dataset.name() + " Zeiten/timings: " + phases);
            return result;
        }
    }

    /** Wall-clock time of each step of a load, for the progress log (where the time of a large import goes). */
    private static final class Phases {
        private final StringBuilder text = new StringBuilder();
        private long last = System.nanoTime();

        void done(String phase) {
            long now = System.nanoTime();
            text.append(text.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - last) / 1_000_000)
                    .append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Counts per label and per tenant, and the first {@link LoadResult#MAX_CHANGES} changed records. */
    private static final class Tally {
        final Map<String, LoadResult.Counts> counts = new LinkedHashMap<>();
        final Map<String, Map<String, LoadResult.Counts>> byTenant = new LinkedHashMap<>();
        final List<LoadResult.Change> changes = new ArrayList<>();
    }

    /**
     * The keys of the file that the database already has: node keys by label, keys of keyed relationships by type.
     * Every other record of the file is new and is created without comparing it with anything.
     */
    private record Existing(Map<String, Set<String>> nodes, Map<String, Set<String>> relationships) {
    }

    /**
     * A record may not move between tenants, a keyed relationship not between end nodes, and a caller other than
     * ADMIN writes only records of its own tenant. Returns the keys found in the database on the way.
     */
    private static Existing checkTenants(Transaction tx, Dataset dataset, Caller caller, List<Problem> problems) {
        Existing existing = new Existing(new HashMap<>(), new HashMap<>());
        boolean ownTenantOnly = !"ADMIN".equals(caller.role());
        for (Dataset.NodeRecord node : dataset.nodes()) {
            Object tenant = node.properties().get("tenant");
            if (ownTenantOnly && !java.util.Objects.equals(tenant, caller.tenant())) {
                problems.add(foreignTenant(node.location(), tenant, caller));
            }
        }
        for (Dataset.RelationshipRecord rel : dataset.relationships()) {
            Object tenant = rel.properties().get("tenant");
            if (ownTenantOnly && !java.util.Objects.equals(tenant, caller.tenant())) {
                problems.add(foreignTenant(rel.location(), tenant, caller));
            }
        }
        Map<String, List<Dataset.NodeRecord>> byLabel = new LinkedHashMap<>();
        dataset.nodes().forEach(n -> byLabel.computeIfAbsent(n.label(), l -> new ArrayList<>()).add(n));
        for (Map.Entry<String, List<Dataset.NodeRecord>> group : byLabel.entrySet()) {
            Map<String, Dataset.NodeRecord> byKey = new HashMap<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Dataset.NodeRecord n : group.getValue()) {
                byKey.put(n.key(), n);
                rows.add(Map.of("key", n.key(), "tenant", String.valueOf(n.properties().get("tenant"))));
            }
            Set<String> found = existing.nodes().computeIfAbsent(group.getKey(), l -> new HashSet<>());
            tx.run("""
                    UNWIND $rows AS row
                    MATCH (n:`%s` {key: row.key})
                    RETURN n.key AS key, n.tenant AS tenant, n.tenant <> row.tenant AS otherTenant
                    """.formatted(group.getKey()), Values.parameters("rows", rows)).forEachRemaining(r -> {
                found.add(r.get("key").asString());
                if (!r.get("otherTenant").asBoolean(false)) {
                    return;
                }
                Dataset.NodeRecord n = byKey.get(r.get("key").asString());
                problems.add(new Problem(n.location(), "tenant", "KEY_OF_OTHER_TENANT",
                        "Der Schlüssel " + n.key() + " gehört schon einem Eintrag des Mandanten "
                                + r.get("tenant").asString() + "; Einträge wechseln den Mandanten nicht.",
                        "Key " + n.key() + " already belongs to a record of tenant " + r.get("tenant").asString()
                                + "; records do not move between tenants."));
            });
        }
        Map<String, List<Dataset.RelationshipRecord>> byType = new LinkedHashMap<>();
        dataset.relationships().stream().filter(r -> r.key() != null)
                .forEach(r -> byType.computeIfAbsent(r.spec().type(), t -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<Dataset.RelationshipRecord>> group : byType.entrySet()) {
            Map<String, Dataset.RelationshipRecord> byKey = new HashMap<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Dataset.RelationshipRecord rel : group.getValue()) {
                byKey.put(rel.key(), rel);
                rows.add(Map.of("key", java.util.Objects.requireNonNull(rel.key()), "from", rel.from(), "to",
                        rel.to(), "tenant", String.valueOf(rel.properties().get("tenant"))));
            }
            Set<String> found = existing.relationships().computeIfAbsent(group.getKey(), t -> new HashSet<>());
            tx.run("""
                    UNWIND $rows AS row
                    MATCH (a)-[r:`%s` {key: row.key}]->(b)
                    RETURN r.key AS key, r.tenant <> row.tenant OR a.key <> row.from OR b.key <> row.to AS moved,
                           r.tenant <> row.tenant AS otherTenant, r.tenant AS tenant, a.key AS from, b.key AS to
                    """.formatted(group.getKey()), Values.parameters("rows", rows)).forEachRemaining(r -> {
                found.add(r.get("key").asString());
                if (!r.get("moved").asBoolean(false)) {
                    return;
                }
                Dataset.RelationshipRecord rel = byKey.get(r.get("key").asString());
                if (r.get("otherTenant").asBoolean(false)) {
                    problems.add(new Problem(rel.location(), "tenant", "KEY_OF_OTHER_TENANT",
                            "Der Schlüssel " + rel.key() + " gehört schon einer Beziehung des Mandanten "
                                    + r.get("tenant").asString() + ".",
                            "Key " + rel.key() + " already belongs to a relationship of tenant "
                                    + r.get("tenant").asString() + "."));
                } else {
                    problems.add(new Problem(rel.location(), "from/to", "ENDPOINTS_CHANGED",
                            "Die Beziehung " + rel.key() + " verbindet schon " + r.get("from").asString() + " → "
                                    + r.get("to").asString() + "; eine Beziehung wechselt ihre Enden nicht (beenden"
                                    + " Sie sie und legen Sie eine neue an).",
                            "Relationship " + rel.key() + " already links " + r.get("from").asString() + " → "
                                    + r.get("to").asString() + "; end it and create a new one instead."));
                }
            });
        }
        return existing;
    }

    private static Problem foreignTenant(String location, @Nullable Object tenant, Caller caller) {
        return new Problem(location, "tenant", "FOREIGN_TENANT",
                "Sie dürfen nur Einträge Ihres Mandanten " + caller.tenant() + " schreiben, nicht " + tenant + ".",
                "You may only write records of your tenant " + caller.tenant() + ", not " + tenant + ".");
    }

    /**
     * Two keyed relationships of the same type between the same nodes may not be valid at the same time (a second
     * membership of an actor in a body, a second co-operation …): the file is checked against itself and against the
     * database. Grants and pass-ons may repeat (one per year or tranche).
     */
    private static void checkOverlaps(Transaction tx, Dataset dataset, List<Problem> problems) {
        record Span(String key, @Nullable LocalDate from, @Nullable LocalDate to, String location) {
            boolean overlaps(Span other) {
                return (from == null || other.to == null || !other.to.isBefore(from))
                        && (other.from == null || to == null || !to.isBefore(other.from));
            }
        }
        Map<String, List<Span>> spans = new LinkedHashMap<>();
        Map<String, List<Dataset.RelationshipRecord>> byType = new LinkedHashMap<>();
        for (Dataset.RelationshipRecord rel : dataset.relationships()) {
            String type = rel.spec().type();
            if (rel.key() == null || type.equals("GRANTS") || type.equals("PASSES_ON")) {
                continue;
            }
            spans.computeIfAbsent(type + "|" + rel.spec().fromLabel() + "|" + rel.from() + "|" + rel.to(),
                    k -> new ArrayList<>()).add(new Span(rel.key(), (LocalDate) rel.properties().get("validFrom"),
                    (LocalDate) rel.properties().get("validTo"), rel.location()));
            byType.computeIfAbsent(type + "|" + rel.spec().fromLabel() + "|" + rel.spec().toLabel(),
                    t -> new ArrayList<>()).add(rel);
        }
        for (Map.Entry<String, List<Dataset.RelationshipRecord>> group : byType.entrySet()) {
            String[] parts = group.getKey().split("\\|");
            List<Map<String, Object>> pairs = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (Dataset.RelationshipRecord rel : group.getValue()) {
                pairs.add(Map.of("from", rel.from(), "to", rel.to()));
                keys.add(rel.key());
            }
            tx.run("""
                    UNWIND $pairs AS pair
                    MATCH (a:`%s` {key: pair.from})-[r:`%s`]->(b:`%s` {key: pair.to})
                    WHERE NOT r.key IN $keys
                    RETURN DISTINCT a.key AS from, b.key AS to, r.key AS key, r.validFrom AS validFrom,
                           r.validTo AS validTo
                    """.formatted(parts[1], parts[0], parts[2]), Values.parameters("pairs", pairs, "keys", keys))
                    .forEachRemaining(r -> {
                        List<Span> list = spans.get(parts[0] + "|" + parts[1] + "|" + r.get("from").asString() + "|"
                                + r.get("to").asString());
                        if (list != null) {
                            list.add(new Span(r.get("key").asString(),
                                    r.get("validFrom").isNull() ? null : r.get("validFrom").asLocalDate(),
                                    r.get("validTo").isNull() ? null : r.get("validTo").asLocalDate(), ""));
                        }
                    });
        }
        spans.forEach((pair, list) -> {
            for (int i = 0; i < list.size(); i++) {
                for (int j = 0; j < i; j++) {
                    Span a = list.get(j);
                    Span b = list.get(i);
                    if (a.overlaps(b)) {
                        Span inFile = b.location().isEmpty() ? a : b;
                        Span other = inFile == a ? b : a;
                        String type = pair.substring(0, pair.indexOf('|'));
                        problems.add(new Problem(inFile.location(), "validFrom/validTo", "OVERLAPPING_VALIDITY",
                                type + " " + inFile.key() + " überschneidet sich zeitlich mit " + other.key()
                                        + " zwischen denselben Einträgen; beenden Sie die ältere Beziehung"
                                        + " (Gültig bis) oder führen Sie sie zusammen.",
                                type + " " + inFile.key() + " overlaps in time with " + other.key()
                                        + " between the same records; end the older one (validTo) or merge them."));
                    }
                }
            }
        });
    }

    /** One IMPORT event per tenant touched (records without a tenant count under none). */
    private static void audit(Transaction tx, Dataset dataset, Caller caller,
                              Map<String, Map<String, LoadResult.Counts>> byTenant) {
        if (byTenant.isEmpty()) {
            byTenant.put(NO_TENANT, Map.of());
        }
        byTenant.forEach((tenant, counts) -> {
            Map<String, Map<String, Long>> figures = new LinkedHashMap<>();
            counts.forEach((label, c) -> figures.put(label, Map.of("created", c.created(), "changed", c.changed(),
                    "ended", c.ended(), "unchanged", c.unchanged())));
            AuditEvent event = new AuditEvent(caller.subject(), caller.role(), NO_TENANT.equals(tenant) ? null : tenant,
                    caller.tenant(), AuditEvent.Operation.IMPORT, "Dataset", dataset.name(), List.of(), figures,
                    caller.comment());
            tx.run(AuditEvent.CYPHER, event.parameters()).consume();
        });
    }

    private void writeNodes(Transaction tx, Dataset dataset, Existing existing, Tally tally) {
        Map<String, List<Dataset.NodeRecord>> byLabel = new LinkedHashMap<>();
        for (Dataset.NodeRecord node : dataset.nodes()) {
            byLabel.computeIfAbsent(node.label(), l -> new ArrayList<>()).add(node);
        }
        for (Map.Entry<String, List<Dataset.NodeRecord>> group : byLabel.entrySet()) {
            String label = group.getKey();
            String merge = """
                    UNWIND $rows AS row
                    MERGE (n:`%s` {key: row.key})
                    """.formatted(label) + MERGE_TAIL.replace("$x", "n");
            String create = """
                    UNWIND $rows AS row
                    CREATE (n:`%s` {key: row.key})
                    SET n += row.props, n.version = 1
                    """.formatted(label);
            Set<String> inDatabase = existing.nodes().getOrDefault(label, Set.of());
            Set<String> seen = new HashSet<>();
            List<Record> records = new ArrayList<>(group.getValue().size());
            for (Dataset.NodeRecord n : group.getValue()) {
                records.add(new Record(n.key(), n.location(), Map.of("key", n.key(), "props", n.properties()),
                        tenant(n.properties()), !inDatabase.contains(n.key()) && seen.add(n.key())));
            }
            LoadResult.Counts c = batched(tx, new Statements(merge, create, true), records,
                    dataset.name() + " " + label, label, tally);
            tally.counts.merge(label, c, LoadResult.Counts::plus);
        }
    }

    /**
     * A row for the write statements, with what a change entry needs to name the record; {@code fresh} when the
     * record is certainly new (its key, or for an unkeyed relationship one of its end nodes, is not in the database,
     * and it is the first of its kind in the file), so that it is created without the diff.
     */
    private record Record(String key, String location, Map<String, Object> row, String tenant, boolean fresh) {
    }

    /** The statement that merges a batch with the diff, and the one that creates records known to be new. */
    private record Statements(String merge, String create, boolean nodes) {
    }

    private static String tenant(Map<String, Object> properties) {
        Object tenant = properties.get("tenant");
        return tenant == null ? NO_TENANT : tenant.toString();
    }

    private void writeRelationships(Transaction tx, Dataset dataset, Existing existing, Tally tally) {
        Map<String, Set<String>> newNodes = new HashMap<>();
        for (Dataset.NodeRecord node : dataset.nodes()) {
            if (!existing.nodes().getOrDefault(node.label(), Set.of()).contains(node.key())) {
                newNodes.computeIfAbsent(node.label(), l -> new HashSet<>()).add(node.key());
            }
        }
        Map<String, Set<String>> seen = new HashMap<>();
        Map<RelationshipSpec, List<Record>> bySpec = new LinkedHashMap<>();
        for (Dataset.RelationshipRecord rel : dataset.relationships()) {
            RelationshipSpec spec = rel.spec();
            Map<String, Object> row = new HashMap<>();
            row.put("key", rel.key());
            row.put("from", rel.from());
            row.put("to", rel.to());
            row.put("props", rel.properties());
            boolean fresh;
            if (rel.key() != null) {
                fresh = !existing.relationships().getOrDefault(spec.type(), Set.of()).contains(rel.key())
                        && seen.computeIfAbsent(spec.type(), t -> new HashSet<>()).add(rel.key());
            } else {
                fresh = (newNodes.getOrDefault(spec.fromLabel(), Set.of()).contains(rel.from())
                        || newNodes.getOrDefault(spec.toLabel(), Set.of()).contains(rel.to()))
                        && seen.computeIfAbsent(spec.type(), t -> new HashSet<>())
                        .add(spec.fromLabel() + "|" + rel.from() + "|" + spec.toLabel() + "|" + rel.to());
            }
            String key = rel.key() != null ? rel.key() : rel.from() + "→" + rel.to();
            bySpec.computeIfAbsent(spec, s -> new ArrayList<>())
                    .add(new Record(key, rel.location(), row, tenant(rel.properties()), fresh));
        }
        for (Map.Entry<RelationshipSpec, List<Record>> group : bySpec.entrySet()) {
            RelationshipSpec spec = group.getKey();
            String ends = """
                    UNWIND $rows AS row
                    MATCH (a:`%s` {key: row.from})
                    MATCH (b:`%s` {key: row.to})
                    """.formatted(spec.fromLabel(), spec.toLabel());
            String pattern = spec.keyed() ? "(a)-[r:`%s` {key: row.key}]->(b)".formatted(spec.type())
                    : "(a)-[r:`%s`]->(b)".formatted(spec.type());
            String merge = ends + "MERGE " + pattern + "\n" + MERGE_TAIL.replace("$x", "r");
            String create = ends + "CREATE " + pattern + "\nSET r += row.props, r.version = 1\n";
            String name = spec.type() + " (" + spec.fromLabel() + "→" + spec.toLabel() + ")";
            LoadResult.Counts c = batched(tx, new Statements(merge, create, false), group.getValue(),
                    dataset.name() + " " + name, spec.type(), tally);
            tally.counts.merge(spec.type(), c, LoadResult.Counts::plus);
        }
    }

    /**
     * Writes the records in batches: the new ones with a plain {@code CREATE}, the others with {@code MERGE} and the
     * diff. Counts and change entries come out as if every record had gone through the diff: per batch by tenant
     * (in the order the batch names them), each tenant's changes in file order.
     */
    private LoadResult.Counts batched(Transaction tx, Statements statements, List<Record> records, String what,
                                      String label, Tally tally) {
        LoadResult.Counts total = new LoadResult.Counts(0, 0, 0, 0);
        long started = System.nanoTime();
        for (int start = 0; start < records.size(); start += BATCH) {
            List<Record> batch = records.subList(start, Math.min(records.size(), start + BATCH));
            List<Map<String, Object>> createRows = new ArrayList<>();
            List<Map<String, Object>> mergeRows = new ArrayList<>();
            Map<String, LoadResult.Counts> byTenant = new LinkedHashMap<>();
            Map<String, List<Map.Entry<Integer, LoadResult.Change>>> changes = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                Record record = batch.get(i);
                byTenant.putIfAbsent(record.tenant(), new LoadResult.Counts(0, 0, 0, 0));
                changes.putIfAbsent(record.tenant(), new ArrayList<>());
                if (record.fresh()) {
                    createRows.add(record.row());
                } else {
                    Map<String, Object> row = new HashMap<>(record.row());
                    row.put("index", (long) i);
                    mergeRows.add(row);
                }
            }
            boolean listing = tally.changes.size() < LoadResult.MAX_CHANGES;
            if (!createRows.isEmpty()) {
                SummaryCounters counters = tx.run(statements.create(), Values.parameters("rows", createRows)).consume()
                        .counters();
                int created = statements.nodes() ? counters.nodesCreated() : counters.relationshipsCreated();
                if (created != createRows.size()) {
                    throw new IllegalStateException(what + ": " + created + " von/of " + createRows.size()
                            + " neuen Einträgen angelegt/new records created");
                }
                for (int i = 0; i < batch.size(); i++) {
                    Record record = batch.get(i);
                    if (record.fresh()) {
                        byTenant.merge(record.tenant(), new LoadResult.Counts(1, 0, 0, 0), LoadResult.Counts::plus);
                        if (listing) {
                            changes.get(record.tenant()).add(Map.entry(i, new LoadResult.Change(
                                    LoadResult.ChangeKind.CREATED, label, record.key(), List.of(),
                                    new LinkedHashMap<>(), record.location())));
                        }
                    }
                }
            }
            if (!mergeRows.isEmpty()) {
                for (org.neo4j.driver.Record r : tx.run(statements.merge(), Values.parameters("rows", mergeRows))
                        .list()) {
                    LoadResult.Counts counts = new LoadResult.Counts(r.get("created").asLong(),
                            r.get("changed").asLong(), r.get("ended").asLong(), r.get("unchanged").asLong());
                    String tenant = r.get("tenant").isNull() ? NO_TENANT : r.get("tenant").asString();
                    byTenant.merge(tenant, counts, LoadResult.Counts::plus);
                    if (!listing) {
                        continue;
                    }
                    for (Value change : r.get("changes").values()) {
                        int index = change.get("index").asInt();
                        Record record = batch.get(index);
                        List<String> fields = change.get("fields").asList(Value::asString);
                        List<Object> before = change.get("before").asList(DatasetLoader::plain);
                        Map<String, @Nullable Object> beforeMap = new LinkedHashMap<>();
                        for (int i = 0; i < fields.size(); i++) {
                            beforeMap.put(fields.get(i), before.get(i));
                        }
                        LoadResult.ChangeKind kind = change.get("created").asBoolean() ? LoadResult.ChangeKind.CREATED
                                : change.get("ended").asBoolean() ? LoadResult.ChangeKind.ENDED
                                : LoadResult.ChangeKind.CHANGED;
                        changes.computeIfAbsent(tenant, t -> new ArrayList<>()).add(Map.entry(index,
                                new LoadResult.Change(kind, label, record.key(), fields, beforeMap,
                                        record.location())));
                    }
                }
            }
            for (Map.Entry<String, LoadResult.Counts> e : byTenant.entrySet()) {
                total = total.plus(e.getValue());
                tally.byTenant.computeIfAbsent(e.getKey(), t -> new LinkedHashMap<>())
                        .merge(label, e.getValue(), LoadResult.Counts::plus);
            }
            for (List<Map.Entry<Integer, LoadResult.Change>> list : changes.values()) {
                list.sort(Map.Entry.comparingByKey());
                for (Map.Entry<Integer, LoadResult.Change> change : list) {
                    if (tally.changes.size() >= LoadResult.MAX_CHANGES) {
                        break;
                    }
                    tally.changes.add(change.getValue());
                }
            }
            if (records.size() > BATCH) {
                int done = Math.min(records.size(), start + BATCH);
                progress.accept(what + ": " + done + "/" + records.size()
                        + (done == records.size() ? " (" + (System.nanoTime() - started) / 1_000_000 + " ms)" : ""));
            }
        }
        return total;
    }

    private static @Nullable Object plain(Value value) {
        if (value.isNull()) {
            return null;
        }
        return value.asObject();
    }

    /** Every endpoint and every key-valued property must name a record in the file or in the database. */
    private void checkReferences(Transaction tx, Dataset dataset, List<Problem> problems) {
        Map<String, Set<String>> inFile = new HashMap<>();
        for (Dataset.NodeRecord node : dataset.nodes()) {
            inFile.computeIfAbsent(node.label(), l -> new HashSet<>()).add(node.key());
        }
        record Reference(String label, String key, String location, String field) {
        }
        List<Reference> references = new ArrayList<>();
        for (Dataset.RelationshipRecord rel : dataset.relationships()) {
            references.add(new Reference(rel.spec().fromLabel(), rel.from(), rel.location(), "from"));
            references.add(new Reference(rel.spec().toLabel(), rel.to(), rel.location(), "to"));
            collectPropertyReferences(rel.spec().properties(), rel.properties(), rel.location(),
                    (label, key, field) -> references.add(new Reference(label, key, rel.location(), field)));
        }
        for (Dataset.NodeRecord node : dataset.nodes()) {
            collectPropertyReferences(GraphSpec.node(node.label()).properties(), node.properties(), node.location(),
                    (label, key, field) -> references.add(new Reference(label, key, node.location(), field)));
        }
        Map<String, Set<String>> missingByLabel = new HashMap<>();
        for (Reference ref : references) {
            if (!inFile.getOrDefault(ref.label(), Set.of()).contains(ref.key())) {
                missingByLabel.computeIfAbsent(ref.label(), l -> new HashSet<>()).add(ref.key());
            }
        }
        Map<String, Set<String>> inDatabase = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : missingByLabel.entrySet()) {
            Set<String> found = new HashSet<>(tx.run("MATCH (n:`%s`) WHERE n.key IN $keys RETURN n.key AS key"
                    .formatted(e.getKey()), Values.parameters("keys", List.copyOf(e.getValue())))
                    .list(r -> r.get("key").asString()));
            inDatabase.put(e.getKey(), found);
        }
        for (Reference ref : references) {
            if (!inFile.getOrDefault(ref.label(), Set.of()).contains(ref.key())
                    && !inDatabase.getOrDefault(ref.label(), Set.of()).contains(ref.key())) {
                problems.add(new Problem(ref.location(), ref.field(), "UNKNOWN_REFERENCE",
                        "Verweis auf unbekannten Eintrag " + ref.label() + " '" + ref.key() + "'.",
                        "Reference to unknown " + ref.label() + " '" + ref.key() + "'."));
            }
        }
    }

    private interface ReferenceSink {
        void add(String label, String key, String field);
    }

    private static void collectPropertyReferences(List<PropertySpec> specs, Map<String, Object> properties,
                                                  String location, ReferenceSink sink) {
        for (PropertySpec spec : specs) {
            if (!spec.referencesNodes() || !properties.containsKey(spec.name())) {
                continue;
            }
            Object value = properties.get(spec.name());
            String label = java.util.Objects.requireNonNull(spec.vocabulary());
            if (value instanceof List<?> list) {
                list.forEach(v -> sink.add(label, String.valueOf(v), spec.name()));
            } else if (value != null) {
                sink.add(label, String.valueOf(value), spec.name());
            }
        }
    }

    /** The funding shares of one position (file and database together) may not exceed one full position. */
    private void checkShares(Transaction tx, Dataset dataset, List<Problem> problems) {
        Map<String, Double> shares = new HashMap<>();
        Map<String, String> locations = new HashMap<>();
        Set<String> keysInFile = new HashSet<>();
        for (Dataset.RelationshipRecord rel : dataset.relationships()) {
            if (rel.spec().type().equals("FUNDED_BY") && rel.spec().fromLabel().equals(GraphSpec.POSITION)) {
                keysInFile.add(java.util.Objects.requireNonNull(rel.key()));
                if (rel.properties().get("share") instanceof Double share && rel.properties().get("validTo") == null) {
                    shares.merge(rel.from(), share, Double::sum);
                    locations.put(rel.from(), rel.location());
                }
                if (rel.properties().get("share") instanceof Double share && (share < 0 || share > 1)) {
                    problems.add(new Problem(rel.location(), "share", "INVALID_SHARE",
                            "Anteil muss zwischen 0 und 1 liegen.", "Share must lie between 0 and 1."));
                }
            }
        }
        if (shares.isEmpty()) {
            return;
        }
        tx.run("""
                MATCH (p:Position)-[f:FUNDED_BY]->(:FundingProgramme)
                WHERE p.key IN $positions AND NOT f.key IN $keys AND f.validTo IS NULL
                RETURN p.key AS position, sum(f.share) AS share
                """, Values.parameters("positions", List.copyOf(shares.keySet()), "keys", List.copyOf(keysInFile)))
                .forEachRemaining(r -> shares.merge(r.get("position").asString(), r.get("share").asDouble(), Double::sum));
        shares.forEach((position, share) -> {
            if (share > 1.0 + 1e-9) {
                problems.add(new Problem(locations.get(position), "share", "SHARES_EXCEED_POSITION",
                        "Die Förderanteile der Stelle " + position + " summieren sich auf " + share + " (> 1).",
                        "The funding shares of position " + position + " add up to " + share + " (> 1)."));
            }
        });
    }
}
