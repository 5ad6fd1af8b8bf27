package de.kimgraph.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import de.kimgraph.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;

/**
 * The limits over HTTP with the default configuration, on the demo district: each abusive shape is answered with
 * one error naming the limit, its maximum and the actual value, and without data, while the same shape within the
 * limit runs. Also: no stack traces or exception names in any error response.
 */
class LimitsTest extends ApiTest {

    static final String COUNTS = "persisted-queries/dashboard-counts-per-gemeinde.graphql";

    private RawHttp http() {
        return new RawHttp(port).header("Authorization", "Bearer " + token(ADMIN));
    }

    static JsonNode onlyError(JsonNode answer) {
        assertThat(answer.has("data") && !answer.get("data").isNull()).as("no data: %s", answer).isFalse();
        assertThat(answer.get("errors")).as("errors of %s", answer).hasSize(1);
        return answer.get("errors").get(0);
    }

    @Test
    void rejectsAnOperationNestedTooDeeply() {
        String deep = "{ actor(key: \"vhs-auental\") {" + " parent {".repeat(12) + " key" + " }".repeat(12) + " } }";
        JsonNode error = onlyError(graphQl().post(deep, Map.of()));
        assertThat(error.get("message").asString()).isEqualTo(
                "Die Abfrage ist zu tief verschachtelt: 14 Ebenen, erlaubt sind höchstens 12.");
        assertThat(error.at("/extensions/limit").asString()).isEqualTo("MAX_DEPTH");
        assertThat(error.at("/extensions/maximum").asInt()).isEqualTo(12);
        assertThat(error.at("/extensions/actual").asInt()).isEqualTo(14);
        assertThat(error.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.at("/extensions/messageEn").asString()).startsWith("The operation is nested too deeply");

        String allowed = "{ actor(key: \"vhs-auental\") {" + " parent {".repeat(10) + " key" + " }".repeat(10) + " key } }";
        JsonNode answer = graphQl().post(allowed, Map.of());
        assertThat(answer.has("errors")).as("%s", answer).isFalse();
        assertThat(answer.at("/data/actor/key").asString()).isEqualTo("vhs-auental");
    }

    @Test
    void rejectsThreeNestedListsUnderALargePageButServesTheFlatPage() {
        JsonNode flat = graphQl().post("{ actors(first: 500) { totalCount edges { node { key name } } } }", Map.of());
        assertThat(flat.has("errors")).as("%s", flat).isFalse();
        assertThat(flat.at("/data/actors/edges")).hasSize(Math.min(500, flat.at("/data/actors/totalCount").asInt()));

        JsonNode error = onlyError(graphQl().post(
                "{ actors(first: 500) { edges { node { services { providers { services { name } } } } } } }", Map.of()));
        assertThat(error.at("/extensions/limit").asString()).isEqualTo("MAX_COMPLEXITY");
        assertThat(error.at("/extensions/maximum").asLong()).isEqualTo(50_000);
        assertThat(error.at("/extensions/actual").asLong()).isEqualTo(556_002);
        assertThat(error.get("message").asString()).contains("geschätzte Kosten 556002", "first");

        JsonNode small = graphQl().post(
                "{ actors(first: 5) { edges { node { services { providers { services { name } } } } } } }", Map.of());
        assertThat(small.has("errors")).as("%s", small).isFalse();
    }

    @Test
    void rejectsFragmentsSpreadIntoEachOtherWithoutExpandingThem() {
        StringBuilder query = new StringBuilder("query { area(key: \"999990000000\") { ...F0 } }\n");
        query.append("fragment F0 on Area { children { ...F1 ...G1 } }\n");
        for (int i = 1; i < 9; i++) {
            query.append("fragment F").append(i).append(" on Area { children { ...F").append(i + 1)
                    .append(" ...G").append(i + 1).append(" } }\n");
            query.append("fragment G").append(i).append(" on Area { c: children { ...F").append(i + 1)
                    .append(" ...G").append(i + 1).append(" } }\n");
        }
        query.append("fragment F9 on Area { ").append(IntStream.range(0, 200).mapToObj(i -> "a" + i + ": key")
                .collect(Collectors.joining(" "))).append(" }\n");
        query.append("fragment G9 on Area { ").append(IntStream.range(0, 200).mapToObj(i -> "b" + i + ": key")
                .collect(Collectors.joining(" "))).append(" }\n");
        long start = System.nanoTime();
        JsonNode error = onlyError(graphQl().post(query.toString(), Map.of()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(error.at("/extensions/limit").asString()).isEqualTo("MAX_FIELDS");
        assertThat(error.at("/extensions/actual").asLong()).isEqualTo(102_912);
        assertThat(millis).as("answered in ms").isLessThan(2_000);
    }

    @Test
    void rejectsAPageOverTheCapNamingTheArgument() {
        JsonNode error = onlyError(graphQl().post("{ services(first: 501) { totalCount } }", Map.of()));
        assertThat(error.get("message").asString())
                .isEqualTo("Das Argument first von Query.services ist 501; erlaubt sind 0 bis 500 Einträge je Seite.");
        assertThat(error.at("/extensions/limit").asString()).isEqualTo("PAGE_SIZE");
        assertThat(error.at("/extensions/argument").asString()).isEqualTo("first");
        assertThat(error.at("/extensions/field").asString()).isEqualTo("Query.services");
        assertThat(error.at("/extensions/maximum").asInt()).isEqualTo(500);
        assertThat(error.at("/extensions/actual").asInt()).isEqualTo(501);
        assertThat(error.at("/locations/0/column").asInt()).isEqualTo(3);

        JsonNode nested = onlyError(graphQl().post("query($n: Int) { coverageGaps(area: \"999990000000\") "
                + "{ cells(first: $n) { totalCount } } }", Map.of("n", 1000)));
        assertThat(nested.at("/extensions/field").asString()).isEqualTo("CoverageReport.cells");
    }

    @Test
    void rejectsLongListsAndStringsInArgumentsAndInputs() {
        List<String> keys = IntStream.range(0, 501).mapToObj(i -> "actor-" + i).toList();
        String byKeys = "query($keys: [ID!]) { actors(filter: {keys: $keys}) { totalCount } }";
        JsonNode error = onlyError(graphQl().post(byKeys, Map.of("keys", keys)));
        assertThat(error.at("/extensions/limit").asString()).isEqualTo("LIST_ARGUMENT");
        assertThat(error.at("/extensions/argument").asString()).isEqualTo("filter.keys");
        assertThat(error.at("/extensions/actual").asInt()).isEqualTo(501);
        assertThat(error.get("message").asString())
                .isEqualTo("Das Argument filter.keys von Query.actors hat 501 Einträge; erlaubt sind höchstens 500.");
        JsonNode within = graphQl().post(byKeys, Map.of("keys", keys.subList(0, 500)));
        assertThat(within.at("/data/actors/totalCount").asInt()).isZero();

        String search = "query($s: String) { services(filter: {search: $s}) { totalCount } }";
        JsonNode long_ = onlyError(graphQl().post(search, Map.of("s", "Beratung ".repeat(23))));
        assertThat(long_.at("/extensions/limit").asString()).isEqualTo("STRING_ARGUMENT");
        assertThat(long_.at("/extensions/argument").asString()).isEqualTo("filter.search");
        assertThat(long_.at("/extensions/maximum").asInt()).isEqualTo(200);
        assertThat(long_.at("/extensions/actual").asInt()).isEqualTo(207);

        String mutation = "mutation($d: String) { createActor(input: {tenant: \"999990000000\", name: \"Zu lang\","
                + " kind: FREE_PROVIDER, description: $d}) { actor { key } errors { code field } } }";
        JsonNode input = onlyError(graphQl().post(mutation, Map.of("d", "x".repeat(10_001))));
        assertThat(input.at("/extensions/argument").asString()).isEqualTo("input.description");
        assertThat(count("MATCH (a:Actor {name: 'Zu lang'}) RETURN count(a)")).isZero();
    }

    @Test
    void runsAnAllowListedDashboardQueryByItsHash() throws IOException {
        String text = new ClassPathResource(COUNTS).getContentAsString(StandardCharsets.UTF_8);
        String hash = PersistedQueries.sha256(text.getBytes(StandardCharsets.UTF_8));
        JsonNode answer = http().graphQl(Map.of("variables", Map.of("area", "999990000000"),
                "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)))).json();
        assertThat(answer.has("errors")).as("%s", answer).isFalse();
        assertThat(answer.at("/data/area/name").asString()).startsWith("Kreis Auental");
        JsonNode services = answer.at("/data/services");
        assertThat(services).hasSize(9);
        int perGemeinde = 0;
        for (JsonNode group : services) {
            assertThat(group.get("key").asString()).startsWith("99999");
            perGemeinde += group.get("count").asInt();
        }
        JsonNode direct = graphQl().post("{ groupedCounts(entity: SERVICE, by: AREA, filter: {area: \"999990000000\"}) "
                + "{ count } }", Map.of());
        int expected = 0;
        for (JsonNode group : direct.at("/data/groupedCounts")) {
            expected += group.get("count").asInt();
        }
        assertThat(perGemeinde).isEqualTo(expected).isPositive();

        JsonNode withText = http().graphQl(Map.of("query", text, "variables", Map.of("area", "999990000000"),
                "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)))).json();
        assertThat(withText.get("data")).isEqualTo(answer.get("data"));
    }

    @Test
    void answersAnUnknownOrMismatchedHashWithAnError() {
        String unknown = "0".repeat(64);
        JsonNode error = onlyError(http().graphQl(Map.of(
                "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", unknown)))).json());
        assertThat(error.at("/extensions/code").asString()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(error.at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("message").asString()).contains("PersistedQueryNotFound");

        // Apollo's second step, hash and text: runs as an ordinary operation, and is not registered.
        String text = "{ area(key: \"999990000000\") { name } }";
        String hash = PersistedQueries.sha256(text.getBytes(StandardCharsets.UTF_8));
        JsonNode ordinary = http().graphQl(Map.of("query", text,
                "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)))).json();
        assertThat(ordinary.at("/data/area/name").asString()).startsWith("Kreis Auental");
        JsonNode again = onlyError(http().graphQl(Map.of(
                "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)))).json());
        assertThat(again.at("/extensions/code").asString()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

        JsonNode mismatch = onlyError(http().graphQl(Map.of("query", text,
                "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", unknown)))).json());
        assertThat(mismatch.at("/extensions/code").asString()).isEqualTo("PERSISTED_QUERY_HASH_MISMATCH");
        JsonNode invalid = onlyError(http().graphQl(Map.of(
                "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "abc")))).json());
        assertThat(invalid.at("/extensions/code").asString()).isEqualTo("PERSISTED_QUERY_INVALID");
    }

    @Test
    void rejectsALargeBodyWith413NamingTheLimit() {
        String padding = "#".repeat(110 * 1024);
        String body = RawHttp.JSON.writeValueAsString(Map.of("query", "{ areas { totalCount } }\n" + padding));
        for (boolean chunked : List.of(false, true)) {
            RawHttp.Answer answer = http().send("POST", "/graphql", "application/json", body, chunked);
            assertThat(answer.status()).as("chunked %s", chunked).isEqualTo(413);
            JsonNode error = onlyError(answer.json());
            assertThat(error.at("/extensions/limit").asString()).isEqualTo("REQUEST_SIZE");
            assertThat(error.at("/extensions/maximum").asInt()).isEqualTo(100 * 1024);
            assertThat(error.get("message").asString()).startsWith("Die Anfrage ist zu groß");
        }
        String fits = RawHttp.JSON.writeValueAsString(Map.of("query", "{ areas { totalCount } }\n" + "#".repeat(90 * 1024)));
        for (boolean chunked : List.of(false, true)) {
            RawHttp.Answer answer = http().send("POST", "/graphql", "application/json", fits, chunked);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().at("/data/areas/totalCount").asInt()).isPositive();
        }
    }

    @Test
    void errorResponsesCarryNoStackTraceOrExceptionName() {
        List<RawHttp.Answer> answers = List.of(
                http().send("GET", "/no-such-page", "application/json", "", false),
                http().send("PUT", "/graphql", "application/json", "{\"query\": \"{ areas { totalCount } }\"}", false),
                http().send("POST", "/graphiql", "application/json", "{}", false),
                http().send("POST", "/graphql", "application/json", "{\"query\": \"{ areas { totalCount", false),
                http().send("POST", "/graphql", "text/plain", "{ areas { totalCount } }", false),
                http().send("POST", "/graphql", "application/json", "[1, 2]", false),
                http().send("POST", "/graphql", "application/json", "{\"query\": {\"a\": 1}}", false));
        answers.forEach(a -> System.out.println(a.status() + " " + a.body()));
        assertThat(answers).extracting(RawHttp.Answer::status).containsExactly(404, 404, 405, 400, 415, 400, 400);
        for (RawHttp.Answer answer : answers) {
            assertThat(answer.body()).as("status %s", answer.status())
                    .doesNotContain("\tat ", "Exception", "exception", "trace", "org.springframework", "tools.jackson",
                            "de.kimgraph");
        }
        RawHttp.Answer anonymous = new RawHttp(port).send("POST", "/graphql", "application/json", "{\"query\": 1}", false);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("\tat ", "Exception", "org.springframework");
        JsonNode syntax = onlyError(graphQl().post("{ areas { totalCount ", Map.of()));
        assertThat(syntax.at("/extensions/classification").asString()).isEqualTo("InvalidSyntax");
        assertThat(syntax.toString()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void introspectionIsOnByDefault() {
        JsonNode answer = graphQl().post("{ __schema { queryType { name } } }", Map.of());
        assertThat(answer.at("/data/__schema/queryType/name").asString()).isEqualTo("Query");
    }
}
