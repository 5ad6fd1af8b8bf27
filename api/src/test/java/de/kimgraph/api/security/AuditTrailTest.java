package de.kimgraph.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import de.kimgraph.model.audit.AuditEvent;
import de.kimgraph.queries.access.Principal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail over HTTP with real tokens: every change records who, when, what (before and after) and why,
 * in the transaction of the change; coordinators read their own tenant's events, operations all, nobody else any;
 * and no code path changes or deletes an event.
 */
class AuditTrailTest extends WriteScenario {

    private static final String TODAY = LocalDate.now().toString();

    private JsonNode trail(Principal principal, Map<String, Object> filter, int first) {
        return call(principal, "auditTrail", Map.of("filter", filter, "first", first));
    }

    private List<JsonNode> events(Principal principal, Map<String, Object> filter) {
        return trail(principal, filter, 500).at("/data/auditTrail/edges").valueStream().map(e -> e.path("node")).toList();
    }

    private static Map<String, String> changes(JsonNode event) {
        Map<String, String> changes = new TreeMap<>();
        event.path("changes").valueStream().forEach(c -> changes.put(c.path("property").asString(),
                c.path("before").asString("∅") + " → " + c.path("after").asString("∅")));
        return changes;
    }

    @Test
    void anUpdateRecordsWhoWhatBeforeAndAfterAndWhy() {
        JsonNode updated = call(COORDINATOR_A, "updateActor", Map.of("key", "sw-a-ki", "version", 1,
                "input", Map.of("name", "KI Nordwald", "email", "ki@nordwald.example", "phone", "+49 1234 5"),
                "comment", "Umbenennung laut Ratsbeschluss"));
        assertThat(updated.at("/data/updateActor/errors")).isEmpty();

        List<JsonNode> events = events(COORDINATOR_A, Map.of("recordKey", "sw-a-ki", "operation", "UPDATE"));

        assertThat(events).hasSize(1);
        JsonNode event = events.getFirst();
        assertThat(event.path("subject").asString()).isEqualTo("coord-a");
        assertThat(event.path("role").asString()).isEqualTo("COORDINATOR");
        assertThat(event.path("tenant").asString()).isEqualTo(A);
        assertThat(event.path("actingTenant").asString()).isEqualTo(A);
        assertThat(event.path("label").asString()).isEqualTo("Actor");
        assertThat(event.path("comment").asString()).isEqualTo("Umbenennung laut Ratsbeschluss");
        assertThat(LocalDate.parse(event.path("at").asString().substring(0, 10))).isCloseTo(LocalDate.now(),
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.DAYS));
        assertThat(changes(event)).as("the unchanged email is not a change").containsExactly(
                Map.entry("name", "Kommunales Integrationszentrum Nordwald (fiktiv) → KI Nordwald"),
                Map.entry("phone", "∅ → +49 1234 5"));
    }

    @Test
    void createsEndsAndRelationshipsAreRecordedWithTheirValuesAndLinks() {
        call(COORDINATOR_A, "createService", Map.of("input", Map.of("key", "sw-a-audit-service", "name", "Lotsendienst",
                "form", "CONTACT_POINT", "providers", List.of("sw-a-ki")), "comment", "neu aufgenommen"));
        call(COORDINATOR_A, "addMembership", Map.of("input", Map.of("key", "sw-a-audit-m", "actor", "sw-a-ki",
                "body", "sw-a-body", "role", "CHAIR")));
        call(COORDINATOR_A, "endMembership", Map.of("key", "sw-a-audit-m", "version", 1, "validTo", TODAY));

        JsonNode created = events(COORDINATOR_A, Map.of("recordKey", "sw-a-audit-service")).getFirst();
        assertThat(created.path("operation").asString()).isEqualTo("CREATE");
        assertThat(changes(created)).containsEntry("name", "∅ → Lotsendienst").containsEntry("tenant", "∅ → " + A)
                .containsEntry("providers", "[] → [\"sw-a-ki\"]").containsEntry("visibility", "∅ → INTERNAL");
        List<JsonNode> membership = events(COORDINATOR_A, Map.of("recordKey", "sw-a-audit-m"));
        assertThat(membership).extracting(e -> e.path("operation").asString())
                .containsExactly("END_RELATIONSHIP", "ADD_RELATIONSHIP");
        assertThat(membership.getFirst().path("label").asString()).isEqualTo("MEMBER_OF");
        assertThat(changes(membership.getFirst())).containsExactly(Map.entry("validTo", "∅ → " + TODAY));
        assertThat(changes(membership.getLast())).containsEntry("actor", "∅ → sw-a-ki")
                .containsEntry("body", "∅ → sw-a-body").containsEntry("role", "∅ → CHAIR");
    }

    @Test
    void everyImportIsOneEventWithItsCounts() {
        List<JsonNode> imports = events(ADMIN, Map.of("operation", "IMPORT", "tenant", B));

        JsonNode latest = imports.getFirst();
        assertThat(latest.path("subject").asString()).isEqualTo("system");
        assertThat(latest.path("label").asString()).isEqualTo("Dataset");
        assertThat(latest.path("recordKey").asString()).contains("security-writes");
        Map<String, String> counts = new TreeMap<>();
        latest.path("counts").valueStream().forEach(c -> counts.put(c.path("label").asString(),
                c.path("created").asLong() + "/" + c.path("changed").asLong() + "/" + c.path("ended").asLong() + "/"
                        + c.path("unchanged").asLong()));
        assertThat(counts).containsEntry("Actor", "2/0/0/0").containsEntry("MEMBER_OF", "1/0/0/0")
                .containsEntry("Area", "1/0/0/0");
    }

    @Test
    void coordinatorsReadTheirOwnTenantsTrailOperationsAllAndOtherRolesNone() {
        call(COORDINATOR_A, "updateActor", Map.of("key", "sw-a-ki", "version", 1, "input", Map.of("name", "Intern A")));
        call(COORDINATOR_B, "updateActor", Map.of("key", "sw-b-ki", "version", 1, "input", Map.of("name", "Intern B")));

        assertThat(events(COORDINATOR_B, Map.of("recordKey", "sw-a-ki"))).isEmpty();
        assertThat(events(COORDINATOR_B, Map.of("tenant", A))).isEmpty();
        assertThat(events(COORDINATOR_B, Map.of())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("tenant").asString()).isEqualTo(B));
        assertThat(events(COORDINATOR_A, Map.of())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("tenant").asString()).isEqualTo(A));
        assertThat(events(ADMIN, Map.of("recordKey", "sw-a-ki"))).anySatisfy(e -> assertThat(changes(e))
                .containsEntry("name", "Kommunales Integrationszentrum Nordwald (fiktiv) → Intern A"));
        assertThat(events(ADMIN, Map.of("recordKey", "sw-b-ki"))).anySatisfy(e -> assertThat(changes(e))
                .containsEntry("name", "Kommunales Integrationszentrum Südheide (fiktiv) → Intern B"));
        for (Principal other : List.of(ADMINISTRATION_A, DASHBOARD, STATE, PARTNER_A)) {
            JsonNode refused = trail(other, Map.of(), 10);
            assertThat(classification(refused)).as(other.subject()).isEqualTo("FORBIDDEN");
            assertThat(refused.at("/data").isNull()).isTrue();
        }
    }

    @Test
    void pagesGoNewestFirstWithoutGapsOrRepeats() {
        for (int version = 1; version <= 3; version++) {
            call(COORDINATOR_A, "updateActor", Map.of("key", "sw-a-other", "version", version,
                    "input", Map.of("name", "Name " + version), "comment", "Schritt " + version));
        }
        Map<String, Object> filter = Map.of("recordKey", "sw-a-other");

        JsonNode first = trail(COORDINATOR_A, filter, 2).at("/data/auditTrail");
        JsonNode second = call(COORDINATOR_A, "auditTrail", Map.of("filter", filter, "first", 2,
                "after", first.at("/pageInfo/endCursor").asString())).at("/data/auditTrail");

        assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();
        assertThat(second.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
        assertThat(second.at("/pageInfo/hasPreviousPage").asBoolean()).isTrue();
        List<String> comments = new ArrayList<>();
        Stream.concat(first.path("edges").valueStream(), second.path("edges").valueStream())
                .forEach(e -> comments.add(e.at("/node/comment").asString()));
        assertThat(comments).containsExactly("Schritt 3", "Schritt 2", "Schritt 1");
        assertThat(classification(call(COORDINATOR_A, "auditTrail", Map.of("after", "kaputt")))).isEqualTo("BAD_REQUEST");
    }

    // ---------------------------------------------------------------- append-only

    /** Every audit event in the database: key → all its properties. */
    private Map<String, String> allEvents() {
        Map<String, String> events = new HashMap<>();
        driver.executableQuery("MATCH (e:AuditEvent) RETURN e.key AS key, properties(e) AS p").execute().records()
                .forEach(r -> events.put(r.get("key").asString(), new TreeMap<>(r.get("p").asMap()).toString()));
        return events;
    }

    private record Call(String field, Map<String, String> declared, Map<String, Object> variables, int events) {
    }

    private static Call call(String field, Map<String, Object> variables) {
        Map<String, String> declared = new LinkedHashMap<>();
        for (String name : variables.keySet()) {
            declared.put(name, switch (name) {
                case "key" -> "ID!";
                case "version" -> "Int!";
                case "validTo" -> "Date!";
                case "comment" -> "String";
                default -> inputType(field) + "!";
            });
        }
        return new Call(field, declared, variables, field.equals("confirmProposal") ? 2 : 1);
    }

    private static String inputType(String field) {
        String type = field.replaceFirst("^(create|update|end|add|propose)", "");
        return switch (type) {
            case "Relation" -> "RelationInput";
            default -> type + "Input";
        };
    }

    private JsonNode run(Call call) {
        StringBuilder declaration = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        call.declared().forEach((name, type) -> {
            declaration.append(declaration.isEmpty() ? "" : ", ").append('$').append(name).append(": ").append(type);
            arguments.append(arguments.isEmpty() ? "" : ", ").append(name).append(": $").append(name);
        });
        String document = "mutation(%s) { %s(%s) { errors { code field message } %s } }".formatted(declaration,
                call.field(), arguments, call.field().contains("Proposal") || call.field().equals("proposeRelation")
                        ? "proposal { key }" : "__typename");
        return graphQl(ADMIN).post(document, call.variables());
    }

    @Test
    void everyMutationOnlyAddsEventsAndNoEventEverChanges() {
        String why = "Prüfung des Änderungsprotokolls";
        List<Call> calls = new ArrayList<>();
        Map<String, Map<String, Object>> creates = new LinkedHashMap<>();
        creates.put("Actor", Map.of("name", "Audit-Akteur", "kind", "FREE_PROVIDER"));
        creates.put("Role", Map.of("title", "Audit-Rolle", "actor", "sw-a-ki"));
        creates.put("Body", Map.of("name", "Audit-Gremium", "type", "WORKING_GROUP"));
        creates.put("Service", Map.of("name", "Audit-Angebot", "form", "CASE_WORK"));
        creates.put("FundingProgramme", Map.of("name", "Audit-Programm"));
        creates.put("Position", Map.of("title", "Audit-Stelle", "function", "COORDINATION", "unit", "sw-a-ki"));
        creates.put("Agreement", Map.of("title", "Audit-Vereinbarung", "kind", "OTHER"));
        creates.forEach((type, input) -> {
            String key = "sw-a-audit-" + type.toLowerCase(java.util.Locale.ROOT);
            Map<String, Object> full = new HashMap<>(input);
            full.put("key", key);
            full.put("tenant", A);
            calls.add(call("create" + type, Map.of("input", full, "comment", why)));
            calls.add(call("update" + type, Map.of("key", key, "version", 1, "input", Map.of("source", "Audit"),
                    "comment", why)));
            calls.add(call("end" + type, Map.of("key", key, "version", 2, "validTo", TODAY, "comment", why)));
        });
        calls.add(call("addMembership", Map.of("input", Map.of("key", "sw-a-audit-ms", "actor", "sw-a-ki",
                "body", "sw-a-body", "role", "MEMBER"), "comment", why)));
        calls.add(call("updateMembership", Map.of("key", "sw-a-audit-ms", "version", 1, "input", Map.of("role", "CHAIR"))));
        calls.add(call("endMembership", Map.of("key", "sw-a-audit-ms", "version", 2, "validTo", TODAY)));
        calls.add(call("addRelation", Map.of("input", Map.of("key", "sw-a-audit-rel", "type", "REFERS_TO",
                "from", "sw-a-ki", "to", "sw-a-other"))));
        calls.add(call("updateRelation", Map.of("key", "sw-a-audit-rel", "version", 1, "input", Map.of("source", "x"))));
        calls.add(call("endRelation", Map.of("key", "sw-a-audit-rel", "version", 2, "validTo", TODAY)));
        calls.add(call("addFunding", Map.of("input", Map.of("key", "sw-a-audit-f", "position", "sw-a-pos",
                "programme", "sw-a-prog", "share", 0.25))));
        calls.add(call("updateFunding", Map.of("key", "sw-a-audit-f", "version", 1, "input", Map.of("share", 0.3))));
        calls.add(call("endFunding", Map.of("key", "sw-a-audit-f", "version", 2, "validTo", TODAY)));

        Map<String, String> before = allEvents();
        int expected = 0;
        for (Call call : calls) {
            JsonNode answer = run(call);
            assertThat(answer.path("errors")).as(call.field()).isEmpty();
            assertThat(answer.at("/data/" + call.field() + "/errors")).as(call.field()).isEmpty();
            expected += call.events();
        }
        for (String decision : List.of("confirmProposal", "rejectProposal")) {
            JsonNode proposed = run(call("proposeRelation", Map.of("input", Map.of("type", "COOPERATES_WITH",
                    "from", "sw-a-partner", "to", "sw-b-partner"))));
            Call decide = call(decision, Map.of("key", proposed.at("/data/proposeRelation/proposal/key").asString()));
            assertThat(run(decide).at("/data/" + decision + "/errors")).as(decision).isEmpty();
            expected += 1 + decide.events();
        }
        JsonNode refused = run(call("updateActor", Map.of("key", "sw-a-ki", "version", 99, "input", Map.of("name", "X"))));
        assertThat(refused.at("/data/updateActor/errors/0/code").asString()).isEqualTo("STALE_VERSION");

        Map<String, String> after = allEvents();
        assertThat(after.size()).isEqualTo(before.size() + expected);
        before.forEach((key, properties) -> assertThat(after.get(key)).as("event " + key).isEqualTo(properties));
        assertThat(calls.size() + 5).as("all 30 mutations of the schema and the 3 on proposals").isEqualTo(35);
    }

    /**
     * The only Cypher in the product that names {@code :AuditEvent} creates events ({@link AuditEvent#CYPHER}),
     * reads them in a read-only transaction ({@code AuditTrail}, the history diff's {@code diff-changed}) or
     * declares their constraint and indexes.
     */
    @Test
    void noCodePathChangesOrDeletesAuditEvents() throws IOException {
        Map<String, List<String>> uses = new TreeMap<>();
        for (String module : List.of("graph-model", "queries", "import", "api")) {
            Path main = Path.of("..", module, "src", "main");
            if (!Files.exists(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file);
                    var matcher = Pattern.compile(":AuditEvent\\b").matcher(text);
                    while (matcher.find()) {
                        int lineStart = text.lastIndexOf('\n', matcher.start()) + 1;
                        int lineEnd = text.indexOf('\n', matcher.start());
                        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).strip();
                        if (!line.startsWith("*") && !line.startsWith("/*") && !line.startsWith("//")) {
                            uses.computeIfAbsent(file.getFileName().toString(), f -> new ArrayList<>()).add(line);
                        }
                    }
                }
            }
        }
        assertThat(uses.keySet()).containsExactlyInAnyOrder("AuditEvent.java", "AuditTrail.java",
                "diff-changed.cypher", "V0003__audit_proposals.cypher");
        assertThat(uses.get("AuditEvent.java")).containsExactly(
                "public static final String CYPHER = \"CREATE (e:AuditEvent) SET e = $event, e.at = datetime()\";");
        assertThat(AuditEvent.CYPHER).doesNotContainIgnoringCase("DELETE").doesNotContainIgnoringCase("MERGE")
                .doesNotContainIgnoringCase("REMOVE").doesNotContain("MATCH");
        assertThat(uses.get("AuditTrail.java")).containsExactly("MATCH (e:AuditEvent)");
        assertThat(Files.readString(Path.of("../queries/src/main/java/de/kimgraph/queries/audit/AuditTrail.java")))
                .contains("@Transactional(readOnly = true)");
        assertThat(uses.get("diff-changed.cypher")).containsExactly("MATCH (e:AuditEvent)");
        assertThat(Files.readString(Path.of("../queries/src/main/java/de/kimgraph/queries/analytics/history/HistoryDiff.java")))
                .contains("@Transactional(readOnly = true)");
    }
}
