package de.kimgraph.api.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.kimgraph.api.ApiTest;
import de.kimgraph.model.testing.TestNeo4j;
import de.kimgraph.queries.access.AccessRole;
import de.kimgraph.queries.access.Principal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two fictional Kreise of the exchange tests, A = Ahornwald ({@code fixtures/exchange-ax.json}, 7 nodes and 10
 * relationships) and B = Birkenau ({@code fixtures/exchange-ax-foreign.json}), principals per role, and plain
 * HTTP with real tokens for the REST endpoints. Nothing is loaded up front: the tests import the files themselves,
 * and everything the two tenants own (records and audit events) is removed after each test.
 */
abstract class ExchangeTestSupport extends ApiTest {

    static final String A = "999890000000";
    static final String B = "999880000000";
    static final String DEMO = "999990000000";

    /** Records in {@code exchange-ax.json}: 7 nodes, 10 relationships. */
    static final int FIXTURE_RECORDS = 17;

    static final Principal COORDINATOR_A = as(AccessRole.COORDINATOR, A);
    static final Principal COORDINATOR_B = as(AccessRole.COORDINATOR, B);

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @AfterEach
    void removeWhatTheTestsWrote() {
        TestNeo4j.get().deleteTenant(A);
        TestNeo4j.get().deleteTenant(B);
        driver.executableQuery("MATCH (e:AuditEvent) WHERE e.tenant IN $t OR e.actingTenant IN $t DELETE e")
                .withParameters(Map.of("t", List.of(A, B))).execute();
    }

    static String fixture(String name) {
        try (InputStream in = ExchangeTestSupport.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nodes and relationships of the model owned by {@code tenant} (not its audit events). */
    long records(String tenant) {
        return count("MATCH (n {tenant: $tenant}) WHERE NOT n:AuditEvent AND NOT n:Proposal RETURN count(n)",
                Map.of("tenant", tenant))
                + count("MATCH ()-[r {tenant: $tenant}]->() RETURN count(r)", Map.of("tenant", tenant));
    }

    long auditEvents(String tenant) {
        return count("MATCH (e:AuditEvent {tenant: $tenant}) RETURN count(e)", Map.of("tenant", tenant));
    }

    long count(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).execute().records().getFirst().get(0)
                .asLong();
    }

    // ------------------------------------------------------------------ HTTP

    record Answer(int status, HttpResponse<byte[]> response) {
        String body() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(response.body());
        }

        @Nullable String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Answer get(String pathAndQuery, @Nullable Principal principal) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        return send(request, principal);
    }

    /** The file as the raw request body. */
    Answer upload(String pathAndQuery, String contentType, byte[] body, @Nullable Principal principal) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(request, principal);
    }

    /** The file as the multipart part {@code file}, with its file name, and further form fields. */
    Answer uploadPart(String pathAndQuery, String fileName, byte[] file, Map<String, String> fields,
                      @Nullable Principal principal) {
        return uploadPart(pathAndQuery, fileName, file, fields, principal, "file");
    }

    /** The file as the multipart part {@code part}. */
    Answer uploadPart(String pathAndQuery, String fileName, byte[] file, Map<String, String> fields,
                      @Nullable Principal principal, String part) {
        String boundary = "kim-graph-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(request, principal);
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    private Answer send(HttpRequest.Builder request, @Nullable Principal principal) {
        if (principal != null) {
            request.header("Authorization", "Bearer " + token(principal));
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file of {@code tenant} A with {@code actors} generated actors of about 250 bytes each. */
    static String manyActors(int actors) {
        StringBuilder json = new StringBuilder("{\"format\": \"kim-graph/1\", \"tenant\": \"" + A
                + "\", \"nodes\": {\"Actor\": [\n");
        for (int i = 0; i < actors; i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"key\": \"ax-gen-").append(i)
                    .append("\", \"name\": \"Generierter Träger ").append(i)
                    .append(" (fiktiv)\", \"kind\": \"FREE_PROVIDER\", \"level\": \"LOCAL\", \"description\": \"")
                    .append("Ein erfundener Träger für den Test großer Dateien, ohne Bezug zu echten Einrichtungen.")
                    .append("\"}");
        }
        return json.append("\n]}}\n").toString();
    }
}
